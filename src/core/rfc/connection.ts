import { routeHops } from '../rules/legacy-destinations';
import { accessRouteOf } from '../landscape/access-route';
import type { LandscapeModel, SystemDeclaration } from '../landscape/model';
import type { RfcConnectionParameters } from './client';

export interface ConnectionChoice {
  /** Use the system's access route (accessRouteOf; default true). */
  useSaprouter?: boolean;
  language?: string;
}

export type ConnectionResult = { ok: true; parameters: RfcConnectionParameters } | { ok: false; problem: string };

/**
 * Connection parameters from a system's declaration: `messageServer` (+ `logonGroup`, default
 * PUBLIC) for load balancing, else `host` + `instance`; always `client`. No credentials: they
 * never come from the landscape file.
 */
export function connectionFor(model: LandscapeModel, system: SystemDeclaration, choice: ConnectionChoice = {}): ConnectionResult {
  const client = system.client?.value;
  const missing = (what: string): ConnectionResult => ({ ok: false, problem: `System ${system.sid} declares no ${what}, which live verification needs to log on.` });
  if (!client) return missing('client (e.g. client: "100")');
  let target: RfcConnectionParameters['target'];
  if (system.messageServer?.value) {
    target = { kind: 'message-server', host: system.messageServer.value, group: system.logonGroup?.value || 'PUBLIC' };
  } else if (system.host?.value && system.instance?.value) {
    target = { kind: 'application-server', host: system.host.value, instance: system.instance.value };
  } else {
    return missing(system.host?.value ? 'instance (e.g. instance: "00")' : 'host and instance, nor messageServer');
  }
  const access = choice.useSaprouter === false ? undefined : accessRouteOf(model, system);
  if (access && !access.ok) return { ok: false, problem: access.problem };
  const saprouter = access?.route || undefined;
  // A /W/ or /P/ hop is a router password: it would be echoed in prompts and messages (plaintext-secret reports it).
  const passwordHop = saprouter && routeHops(saprouter).find(([kind]) => kind === 'W' || kind === 'P');
  if (passwordHop) {
    return { ok: false, problem: `The ${access?.fieldName} route of ${system.sid} carries a /${passwordHop[0]}/ router password; remove it from the file (plaintext-secret) before logging on.` };
  }
  return { ok: true, parameters: { sid: system.sid, client, target, ...(saprouter ? { saprouter } : {}), ...(choice.language ? { language: choice.language } : {}) } };
}
