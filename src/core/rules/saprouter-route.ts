import { maskRoutePasswords } from '../secrets';
import type { Severity } from '../findings';
import type { LandscapeFile } from '../landscape/file';
import type { Field } from '../landscape/model';
import type { Span } from '../landscape/text';
import { compiled } from './legacy-destinations';
import { defineRule, stringListSchema, type RuleContext } from './rule';

interface SaprouterRouteOptions {
  /** Hop letters accepted in the top-level `saprouter` route. */
  routerHopLetters: string[];
  /** Hop letters accepted in a type 3 destination's target (message-server forms included). */
  targetHopLetters: string[];
  /** Regular expressions for service names accepted in `/S/` hops besides port numbers. */
  serviceNamePatterns: string[];
}

interface RouteProblem extends Span {
  message: string;
  severity: Severity;
  /** The upper-case letter that replaces a lower-case hop letter at `start`. */
  upperCase?: string;
}

export const saprouterRoute = defineRule<SaprouterRouteOptions>({
  id: 'saprouter-route',
  title: 'SAP router routes must be well-formed route strings',
  defaultSeverity: 'error',
  notes: [],
  description:
    'A route string is a series of hops `/H/<host>` optionally followed by `/S/<service>` and `/W/<password>`, letters ' +
    'upper case (SAP documentation, confidence S); SM59 targets also use the message-server forms `/M/<host>/S/<service>` ' +
    'and `/R/<SID>/G/<group>`. Checks the top-level `saprouter` and the target of every type "3" destination; reports ' +
    'lower-case hop letters (fix: upper-case them), unknown hop letters, hops without a value, text outside hops, and a ' +
    'service that is neither a port number 1-65535 (error) nor a known service name (warning: sapdpNN, sapgwNN, ' +
    'sapms<SID>, with or without a trailing s; other names may be valid in your services file, so the patterns are an ' +
    'option). `/P/`, SAP\'s older password hop (releases before 4.0A, still accepted by SAProuter for downward ' +
    'compatibility; SAP Help, "Route Strings", confidence S), is obsolete syntax (warning), not an unknown hop. The ' +
    '`/W/` and `/P/` passwords are left to plaintext-secret. Checks `saprouter` (the route towards SAP), `accessRoute` ' +
    '(the file\'s and each system\'s: the route of your own connections) and the `saprouter` of HTTP destinations, ' +
    'besides type "3" targets. Options: routerHopLetters (H, S, W), targetHopLetters (H, S, W, M, R, G), serviceNamePatterns.',
  fixable: true,
  defaults: {
    routerHopLetters: ['H', 'S', 'W'],
    targetHopLetters: ['H', 'S', 'W', 'M', 'R', 'G'],
    serviceNamePatterns: ['^sapdp[0-9]{2}s?$', '^sapgw[0-9]{2}s?$', '^sapms[A-Z][A-Z0-9]{2}$'],
  },
  optionsSchema: {
    type: 'object',
    properties: {
      routerHopLetters: stringListSchema('Hop letters accepted in the top-level saprouter route (default H, S, W).'),
      targetHopLetters: stringListSchema('Hop letters accepted in the target of a type "3" RFC destination (default H, S, W, M, R, G).'),
      serviceNamePatterns: stringListSchema('Regular expressions for service names accepted in /S/ hops besides port numbers (default sapdpNN, sapgwNN, sapms<SID>).'),
    },
    additionalProperties: false,
  },
  scope: 'system',
  checkOutsideSystems(file, context) {
    const services = context.options.serviceNamePatterns.map(compiled);
    const letters = hopLetters(context.options.routerHopLetters);
    const { saprouter, accessRoute } = file.model ?? {};
    if (saprouter) checkRoute(file, context, saprouter, 'The saprouter route', letters, services);
    if (accessRoute) checkRoute(file, context, accessRoute, 'The accessRoute', letters, services);
  },
  check(file, context) {
    const model = file.model;
    if (!model) return;
    const services = context.options.serviceNamePatterns.map(compiled);
    const targetLetters = hopLetters(context.options.targetHopLetters);
    const routerLetters = hopLetters(context.options.routerHopLetters);
    for (const system of model.systems) {
      if (system.accessRoute) checkRoute(file, context, system.accessRoute, `The accessRoute of ${system.sid}`, routerLetters, services, system.sid);
      for (const destination of system.rfcDestinations) {
        if (destination.saprouter) checkRoute(file, context, destination.saprouter, `The saprouter of ${destination.name} (system ${system.sid})`, routerLetters, services, system.sid);
        if (destination.type?.value !== '3' || !destination.target) continue;
        checkRoute(file, context, destination.target, `The target of ${destination.name} (system ${system.sid})`, targetLetters, services, system.sid);
      }
    }
  },
});

function checkRoute(
  file: LandscapeFile,
  context: RuleContext<SaprouterRouteOptions>,
  field: Field<string>,
  what: string,
  letters: ReadonlySet<string>,
  services: readonly RegExp[],
  sid?: string,
): void {
  const node = field.pair.value;
  const route = field.value;
  // Sub-spans only where the route is written verbatim (plain, or quoted without escapes).
  const base = [node.start, node.start + 1].find((start) => file.text.slice(start, start + route.length) === route);
  for (const problem of routeProblems(route, letters, services)) {
    const at = base === undefined ? node : { start: base + problem.start, end: base + problem.end };
    context.report({
      at,
      sid,
      severity: problem.severity,
      message: `${what} ${problem.message}`,
      fixes:
        problem.upperCase && base !== undefined
          ? [{ title: `Write /${problem.upperCase}/`, edits: [{ start: base + problem.start, end: base + problem.start + 1, newText: problem.upperCase }] }]
          : [],
    });
  }
}

function hopLetters(letters: readonly string[]): ReadonlySet<string> {
  return new Set(letters.map((letter) => letter.toUpperCase()));
}

/** Reads `(/X/value)*` strictly, with the offset of every problem in the route. */
function routeProblems(route: string, letters: ReadonlySet<string>, services: readonly RegExp[]): RouteProblem[] {
  const problems: RouteProblem[] = [];
  const known = [...letters].map((letter) => `/${letter}/`).join(', ');
  let at = 0;
  while (at < route.length) {
    const isHop = route[at] === '/' && at + 1 < route.length && route[at + 1] !== '/' && (at + 2 === route.length || route[at + 2] === '/');
    if (!isHop) {
      // Past text that is no hop, the rest cannot be read as hops either: one finding for all of it.
      problems.push({
        start: at,
        end: route.length,
        severity: 'error',
        message: `has "${maskRoutePasswords(route.slice(at))}" outside a hop: a route is a series of /H/<host>/S/<service> hops.`,
      });
      break;
    }
    const letter = route[at + 1];
    const valueStart = Math.min(at + 3, route.length);
    const next = route.indexOf('/', valueStart);
    const valueEnd = next === -1 ? route.length : next;
    const value = route.slice(valueStart, valueEnd);
    const hop = { start: at, end: valueStart };
    const upper = letter.toUpperCase();
    if (upper === 'P') {
      problems.push({
        ...hop,
        severity: 'warning',
        message: 'uses /P/, SAP\'s obsolete password hop (before release 4.0A; SAProuter still accepts it for downward compatibility). A route needs no password hop here: the password belongs in the SAProuter configuration (plaintext-secret).',
      });
    } else if (!letters.has(upper)) {
      problems.push({ ...hop, severity: 'error', message: `has an unknown hop /${letter}/: the hops are ${known}.` });
    } else {
      if (letter !== upper) {
        problems.push({ start: at + 1, end: at + 2, severity: 'error', upperCase: upper, message: `writes the hop /${letter}/ in lower case: write /${upper}/.` });
      }
      if (upper !== 'W') {
        if (value === '') problems.push({ ...hop, severity: 'error', message: `has a /${upper}/ hop without a value.` });
        else if (upper === 'S') {
          const problem = serviceProblem(value, services);
          if (problem) problems.push({ start: valueStart, end: valueEnd, ...problem });
        }
      }
    }
    at = valueEnd;
  }
  return problems;
}

function serviceProblem(service: string, services: readonly RegExp[]): Omit<RouteProblem, 'start' | 'end'> | undefined {
  if (/^[0-9]+$/.test(service)) {
    const port = Number(service);
    return port >= 1 && port <= 65535 ? undefined : { severity: 'error', message: `has the service ${service}, which is not a port number (1-65535).` };
  }
  if (services.some((pattern) => pattern.test(service))) return undefined;
  return {
    severity: 'warning',
    message:
      `has the service "${service}", which is neither a port number nor an SAP service name (sapdpNN, sapgwNN, sapms<SID>). ` +
      'Correct it, or add its pattern to serviceNamePatterns if your services file defines it.',
  };
}
