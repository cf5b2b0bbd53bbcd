import { setMapValues, yamlScalar } from '../landscape/edits';
import {
  BACKBONE_DESTINATION_DEFAULTS,
  BACKBONE_DESTINATION_SCHEMA,
  backboneSpecs,
  findDestination,
  isOperatedBySap,
  type BackboneDestinationOptions,
} from './levels-shared';
import { defineRule } from './rule';
import { technicalUserFor } from './technical-user-required';

export const backboneDestinationConfig = defineRule<BackboneDestinationOptions>({
  id: 'backbone-destination-config',
  title: 'Backbone HTTPS destinations point at SAP\'s host on port 443 with a user',
  defaultSeverity: 'error',
  notes: ['2738426', '2827658'],
  description:
    'Checks the HTTPS destinations to SAP\'s support backbone as task list SAP_BASIS_CONFIG_OSS_COMM creates them ' +
    '(SAP Notes 2738426, 2827658): SAP-SUPPORT_PORTAL must point at apps.support.sap.com, SAP-SUPPORT_PARCELBOX at ' +
    'documents.support.sap.com, SAP-SUPPORT_NOTE_DOWNLOAD at notesdownloads.sap.com, each on port 443 and with the ' +
    'technical communication user entered. A wrong host is reported at the host (HTTPS needs the fully qualified host ' +
    'name the certificate is issued for; fix: SAP\'s host), another port at the port (fix: 443), a missing user at the ' +
    'destination (fix: the system\'s communicationUser when it is declared as a technical user, else the first technical ' +
    'user the file declares), and an SAP-SUPPORT_PARCELBOX path prefix other than /parcel/ (fix: /parcel/). A host, port or ' +
    'path the file does not record is not reported, nor is a deactivated destination. A destination may reach SAP through ' +
    'a SAProuter (`saprouter`) or an HTTP proxy (`proxyHost`, `proxyPort`), as SM59 allows: the host stays SAP\'s, and ' +
    'no fix removes the route or proxy. Systems SAP operates (operatedBy: sap) are n/a: SAP maintains their SM59. Names, ' +
    'hosts, path and port come from community sources (confidence C) and are options.',
  fixable: true,
  scope: 'system',
  defaults: BACKBONE_DESTINATION_DEFAULTS,
  optionsSchema: { type: 'object', properties: BACKBONE_DESTINATION_SCHEMA, additionalProperties: false },
  check(file, context) {
    const port = context.options.port;
    for (const system of file.model?.systems ?? []) {
      if (isOperatedBySap(system)) continue;
      for (const spec of backboneSpecs(context.options)) {
        const destination = findDestination(system, spec.name);
        if (!destination || destination.status?.value === 'deactivated') continue;
        const { host, node } = destination;
        if (host && host.value.toLowerCase() !== spec.host.toLowerCase()) {
          context.report({
            at: host.pair.value,
            sid: system.sid,
            message:
              `${destination.name} in system ${system.sid} points at ${host.value}, not ${spec.host}: HTTPS needs SAP's fully ` +
              `qualified host name. Set the host to ${spec.host} in SM59.`,
            fixes: node ? [{ title: `Set host to ${spec.host}`, edits: setMapValues(file, node, [['host', yamlScalar(spec.host)]]) }] : [],
          });
        }
        if (destination.port && destination.port.value !== port) {
          context.report({
            at: destination.port.pair.value,
            sid: system.sid,
            message: `${destination.name} in system ${system.sid} uses port ${destination.port.value}: SAP's support backbone answers HTTPS on port ${port}. Set the port to ${port} in SM59.`,
            fixes: node ? [{ title: `Set port to ${port}`, edits: setMapValues(file, node, [['port', String(port)]]) }] : [],
          });
        }
        const path = destination.path;
        if (spec.path && path && path.value !== spec.path) {
          context.report({
            at: path.pair.value,
            sid: system.sid,
            message: `${destination.name} in system ${system.sid} has the path prefix ${path.value}: SAP's ${spec.host} expects ${spec.path}. Set the path prefix to ${spec.path} in SM59.`,
            fixes: node ? [{ title: `Set path to ${spec.path}`, edits: setMapValues(file, node, [['path', JSON.stringify(spec.path)]]) }] : [],
          });
        }
        if (!destination.user) {
          const user = technicalUserFor(file, context.workspace, system);
          context.report({
            at: destination.pair.key,
            sid: system.sid,
            message:
              `${destination.name} in system ${system.sid} has no logon user: enter the technical communication user in SM59` +
              (user === undefined ? ' and record it as user.' : ` (${user}, a declared technical communication user) and record it as user.`),
            fixes: node && user !== undefined ? [{ title: `Set user to ${user}`, edits: setMapValues(file, node, [['user', yamlScalar(user)]]) }] : [],
          });
        }
      }
    }
  },
});
