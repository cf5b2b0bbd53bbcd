import { SAP_ROUTER_HOSTS } from '../catalog/sap-routers';
import { routeHops } from '../rules/legacy-destinations';
import { includesName } from '../text/names';
import type { Field, LandscapeModel, SystemDeclaration } from './model';

/** The landscape-wide fields the access route depends on. */
export type AccessRouteContext = Pick<LandscapeModel, 'accessRoute' | 'saprouter'>;

/**
 * The route of one's own connections to a system. `route` is '' for a direct connection;
 * `field` is the declaration it comes from (absent when nothing is declared), `fieldName` its
 * key for messages.
 */
export type AccessRoute =
  | { ok: true; route: string; field?: Field<string>; fieldName?: 'accessRoute' | 'saprouter' }
  | { ok: false; problem: string; field: Field<string>; fieldName: 'saprouter' };

/**
 * Which route one's own connections to `system` take (sapready verify, Copy SAP Router Route,
 * SAP GUI shortcuts, SAP Logon export): the system's `accessRoute`, else the file's
 * `accessRoute`, else (format v1, where one field meant both ways) the file's `saprouter`.
 * `saprouter` is the customer's route towards SAP: when it passes one of SAP's own routers,
 * taking it would send one's own connections through SAP, so it is refused with the way out.
 */
export function accessRouteOf(landscape: AccessRouteContext, system: SystemDeclaration): AccessRoute {
  const declared = system.accessRoute ?? landscape.accessRoute;
  if (declared) return { ok: true, route: declared.value.trim(), field: declared, fieldName: 'accessRoute' };
  const saprouter = landscape.saprouter;
  if (!saprouter) return { ok: true, route: '' };
  const sapHop = sapRouterHop(saprouter.value);
  if (sapHop !== undefined) {
    return {
      ok: false,
      field: saprouter,
      fieldName: 'saprouter',
      problem: `saprouter passes SAP's router ${sapHop}: it is the route towards SAP, not to ${system.sid}. Declare accessRoute (in the file or at ${system.sid}) for your own connections; accessRoute: "" connects directly.`,
    };
  }
  return { ok: true, route: saprouter.value.trim(), field: saprouter, fieldName: 'saprouter' };
}

/** The first hop of a route that is one of SAP's own routers, if any. */
export function sapRouterHop(route: string): string | undefined {
  return routeHops(route).find(([kind, value]) => kind === 'H' && includesName(SAP_ROUTER_HOSTS, value))?.[1];
}
