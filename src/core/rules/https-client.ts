import type { SystemDeclaration } from '../landscape/model';
import { ABAP_PRODUCTS, ABAP_PRODUCTS_SCHEMA, isAbapBased } from './levels-shared';
import { noteProcedureOf, NOTE_PROCEDURE_DEFAULTS } from './note-assistant-procedure';
import { defineRule } from './rule';

interface HttpsClientOptions {
  products: string[];
  /** Lowest CommonCryptoLib version for HTTPS to SAP's backbone (community-sourced, confidence C). */
  minimumCommonCryptoLib: string;
}

export const httpsClient = defineRule<HttpsClientOptions>({
  id: 'https-client',
  title: 'Systems that talk HTTPS to SAP have a current CommonCryptoLib and SAP\'s root certificates',
  defaultSeverity: 'error',
  notes: ['2631190'],
  description:
    'What breaks HTTPS to SAP\'s support backbone in practice is the crypto library and the SSL client PSE: the PSE must ' +
    'hold the root certificates SAP\'s hosts chain to (SAP Note 2631190), and community guides to the backbone update ' +
    'give CommonCryptoLib 8.4.48 as the lowest working version (confidence C; an option). For a system that talks HTTPS ' +
    'to SAP itself (supportConnection: direct, or SNOTE over HTTPS), reports `sslClient.sapRootCertificates: false` ' +
    '(error) and a declared `sslClient.commonCryptoLib` below the minimum (warning, since the minimum is community-' +
    'sourced). Nothing is reported where the file does not record them. Systems SAP operates are n/a.',
  fixable: false,
  scope: 'system',
  defaults: { products: ABAP_PRODUCTS, minimumCommonCryptoLib: '8.4.48' },
  optionsSchema: {
    type: 'object',
    properties: {
      products: ABAP_PRODUCTS_SCHEMA,
      minimumCommonCryptoLib: { type: 'string', pattern: '^[0-9]+(\\.[0-9]+){1,3}$', description: 'Lowest CommonCryptoLib version for HTTPS to SAP (community-sourced, confidence C). Default: 8.4.48.' },
    },
    additionalProperties: false,
  },
  check(file, context) {
    const minimum = context.options.minimumCommonCryptoLib;
    for (const system of file.model?.systems ?? []) {
      const sslClient = system.sslClient;
      if (!sslClient || !isAbapBased(system, context.options.products) || !talksHttpsToSap(system)) continue;
      if (sslClient.sapRootCertificates?.value === false) {
        context.report({
          at: sslClient.sapRootCertificates.pair.value,
          sid: system.sid,
          message: `System ${system.sid} talks HTTPS to SAP, but its SSL client PSE lacks SAP's root certificates: the TLS handshake fails. Import them in STRUST (SSL client Standard and Anonymous; SAP Note 2631190), then set sapRootCertificates: true.`,
        });
      }
      const version = sslClient.commonCryptoLib;
      if (version && compareVersions(version.value, minimum) < 0) {
        context.report({
          at: version.pair.value,
          sid: system.sid,
          severity: 'warning',
          message: `CommonCryptoLib ${version.value} in system ${system.sid} is below ${minimum}, which HTTPS to SAP's support backbone needs according to community guides (confidence C). Update the CommonCryptoLib with the kernel.`,
        });
      }
    }
  },
});

function talksHttpsToSap(system: SystemDeclaration): boolean {
  return system.supportConnection?.value === 'direct' || noteProcedureOf(system, NOTE_PROCEDURE_DEFAULTS.httpsFromBasis) === 'https';
}

/** Compares dotted versions part by part as numbers: 8.5.9 < 8.5.48. */
function compareVersions(left: string, right: string): number {
  const a = left.split('.').map(Number);
  const b = right.split('.').map(Number);
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
