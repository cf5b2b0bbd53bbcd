import { SAP_ROUTER_HOSTS } from '../catalog/sap-routers';
import type { DestinationDeclaration } from '../landscape/model';
import { includesName } from '../text/names';
import { stringListSchema, type OptionsSchema } from './rule';

/**
 * Which RFC destinations point at SAP's legacy RFC support infrastructure. The names are a
 * community-sourced list (backbone-facts.md, confidence C / U), so every list is an option.
 */
export interface LegacyDestinationOptions {
  /** Destination names that always lead to SAP's old RFC infrastructure (reported as errors). */
  legacyNames: string[];
  /** Names that probably do (reported as warnings). */
  possiblyLegacyNames: string[];
  /** Hosts of SAP's old support system and routers, in a destination's route or host. */
  legacyHosts: string[];
  /** Message server services (`/S/sapms<SID>`) of SAP's old support system. */
  legacyServices: string[];
  /** System IDs (`/R/`) of SAP's old support system. */
  legacySystemIds: string[];
  /** Regular expressions for destination names never reported (Solution Manager's own ones). */
  ignoredNamePatterns: string[];
  /**
   * Names whose role is uncertain (confidence C/U): legacy only when their target is not one of
   * the landscape's own hosts (SAPSNOTE also reaches a customer's own Download Service system).
   */
  targetDecidesNames: string[];
}

export const LEGACY_DESTINATION_DEFAULTS: LegacyDestinationOptions = {
  legacyNames: ['SAPOSS', 'SDCC_OSS', 'SAPNET_RTCC', 'SAP-OSS', 'SAPSNOTE'],
  possiblyLegacyNames: ['SAPNET_RFC', 'SAP-OSS-LIST-O01'],
  legacyHosts: ['oss001', ...SAP_ROUTER_HOSTS],
  legacyServices: ['sapmsO01'],
  legacySystemIds: ['O01'],
  ignoredNamePatterns: ['^SM_[A-Z0-9]{3}CLNT[0-9]{3}_(BACK|READ|TRUSTED|TMW)$'],
  targetDecidesNames: ['SAPSNOTE'],
};

export const LEGACY_DESTINATION_SCHEMA: Record<string, OptionsSchema> = {
  legacyNames: stringListSchema('Destination names that lead to SAP\'s legacy RFC infrastructure (reported as errors).'),
  possiblyLegacyNames: stringListSchema('Destination names that probably do (reported as warnings).'),
  legacyHosts: stringListSchema('Hosts of SAP\'s old support system and routers (oss001, sapserv1-9, 147.204.2.5, 194.39.131.34).'),
  legacyServices: stringListSchema('Message server services of SAP\'s old support system (sapmsO01).'),
  legacySystemIds: stringListSchema('System IDs of SAP\'s old support system (O01).'),
  ignoredNamePatterns: stringListSchema('Regular expressions for destination names never reported (Solution Manager\'s own SM_<SID>CLNT<nnn>_BACK, _READ, _TRUSTED, _TMW).'),
  targetDecidesNames: stringListSchema('Names whose role is uncertain: not reported when their target is a host the landscape declares, such as the customer\'s own Download Service system (default SAPSNOTE).'),
};

export interface LegacyVerdict {
  /** Certain: a known legacy name or a route to SAP's old system. */
  certain: boolean;
  reason: string;
}

/**
 * Whether a destination leads to SAP's legacy RFC infrastructure. `isDeclaredSid` tells whether
 * the landscape declares a system of that SID: a customer's own system O01 (or its message
 * server sapmsO01) is then what the route means, not SAP's old support system.
 */
export function legacyVerdict(
  destination: DestinationDeclaration,
  options: LegacyDestinationOptions,
  isDeclaredSid: (sid: string) => boolean = () => false,
  isOwnHost: (host: string) => boolean = () => false,
): LegacyVerdict | undefined {
  const name = destination.name;
  if (options.ignoredNamePatterns.some((pattern) => compiled(pattern).test(name))) return undefined;
  const target = legacyTarget(destination, options, isDeclaredSid);
  if (target) return { certain: true, reason: target };
  if (includesName(options.targetDecidesNames ?? [], name)) {
    const host = targetHost(destination);
    if (host !== undefined && isOwnHost(host)) return undefined;
  }
  if (includesName(options.legacyNames, name)) return { certain: true, reason: `${name} is a destination to SAP's legacy RFC infrastructure` };
  if (includesName(options.possiblyLegacyNames, name)) {
    return { certain: false, reason: `${name} is probably a destination to SAP's legacy RFC infrastructure (confirm in SM59)` };
  }
  return undefined;
}

const compiledPatterns = new Map<string, RegExp>();

/** Patterns come from the options as text; each is compiled once, not once per destination. */
export function compiled(pattern: string): RegExp {
  let expression = compiledPatterns.get(pattern);
  if (!expression) {
    expression = new RegExp(pattern);
    compiledPatterns.set(pattern, expression);
  }
  return expression;
}

function legacyTarget(destination: DestinationDeclaration, options: LegacyDestinationOptions, isDeclaredSid: (sid: string) => boolean): string | undefined {
  const host = destination.host?.value;
  if (host && includesName(options.legacyHosts, host)) return `${destination.name} points at ${host}, SAP's legacy support infrastructure`;
  const route = destination.target?.value;
  if (!route) return undefined;
  for (const [kind, value] of routeHops(route)) {
    // /H/ is a host (router or target), /M/ a message server's host, /S/ a service, /R/ a SID.
    if ((kind === 'H' || kind === 'M') && includesName(options.legacyHosts, value)) return `${destination.name} is routed to ${value}, SAP's legacy support infrastructure`;
    if (kind === 'S' && includesName(options.legacyServices, value) && !isDeclaredSid(value.slice(5).toUpperCase())) return `${destination.name} uses message server ${value} of SAP's legacy support system`;
    if (kind === 'R' && includesName(options.legacySystemIds, value) && !isDeclaredSid(value.toUpperCase())) return `${destination.name} targets system ${value}, SAP's legacy support system`;
  }
  return undefined;
}

/** The host a destination ends at: its `host`, else the last /H/ hop of its target route. */
export function targetHost(destination: DestinationDeclaration): string | undefined {
  if (destination.host) return destination.host.value;
  const route = destination.target?.value;
  return route === undefined ? undefined : routeHops(route).filter(([kind]) => kind === 'H').pop()?.[1];
}

/** Splits `/H/host/S/service/...` into [letter, value] hops; tolerant of odd input. */
export function routeHops(route: string): Array<[string, string]> {
  const hops: Array<[string, string]> = [];
  const pattern = /\/([A-Za-z])\/([^/]*)/g;
  for (let match = pattern.exec(route); match; match = pattern.exec(route)) hops.push([match[1].toUpperCase(), match[2]]);
  return hops;
}

/**
 * The route with every /W/ hop's value (a router password) replaced by `***`, for routes read
 * from a system that must not reach output, files or diagnostics.
 */
export function maskRouterPasswords(route: string): string {
  return route.replace(/\/([Ww])\/[^/]*/g, '/$1/***');
}
