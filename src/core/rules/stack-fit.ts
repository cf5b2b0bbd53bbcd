import type { SystemDeclaration } from '../landscape/model';
import type { SourceNode } from '../landscape/sourceTree';

/** Products without an ABAP stack: no SNOTE, no SM59, no direct connection of their own. */
const NON_ABAP: Readonly<Record<string, string>> = { java: 'a Java system', hana: 'a SAP HANA database' };

/**
 * Properties the system's product cannot have (SAP NetWeaver: SNOTE and SM59 are ABAP
 * transactions; a Java system's or HANA database's data reaches SAP through Solution Manager or
 * Focused Run). Reported by the schema rule, as the format's own limits.
 */
export function stackProblems(system: SystemDeclaration): { at: SourceNode; message: string }[] {
  const product = system.product?.value;
  const problems: { at: SourceNode; message: string }[] = [];
  if (product !== 'hana' && system.tenants.length > 0) {
    const tenants = system.node.entries.get('tenants');
    if (tenants) problems.push({ at: tenants.key, message: `${system.sid} is product: ${product ?? '(none)'}: tenants belong to a SAP HANA database (product: hana).` });
  }
  if (product === undefined || !Object.prototype.hasOwnProperty.call(NON_ABAP, product)) return problems;
  const what = NON_ABAP[product];
  const dualStack = product === 'java' ? ' (an ABAP + Java system under one SID is product: dual-stack)' : '';
  if (system.noteAssistant) {
    problems.push({
      at: system.noteAssistant.pair.key,
      message: `${system.sid} is ${what}: SAP Note Assistant (SNOTE) exists only on ABAP, so noteAssistant does not apply${dualStack}. Remove it.`,
    });
  }
  if (system.rfcDestinationsPair) {
    problems.push({
      at: system.rfcDestinationsPair.key,
      message: `${system.sid} is ${what}: SM59 destinations exist only on ABAP, so rfcDestinations does not apply${dualStack}. Remove it.`,
    });
  }
  if (system.supportConnection?.value === 'direct') {
    problems.push({
      at: system.supportConnection.pair.value,
      message: `${system.sid} is ${what}: it has no direct HTTPS connection of its own to SAP's support backbone; its data reaches SAP through Solution Manager, Focused Run or Cloud ALM (supportConnection: solman, focused-run or cloud-alm).`,
    });
  }
  return problems;
}
