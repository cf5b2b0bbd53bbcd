import { setMapValues } from '../landscape/edits';
import {
  BACKBONE_DESTINATION_DEFAULTS,
  BACKBONE_DESTINATION_SCHEMA,
  backboneSpecs,
  findDestination,
  yamlScalar,
  type BackboneDestinationOptions,
} from './levels-shared';
import { defineRule } from './rule';

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
    'destination (fix, when the system declares a communicationUser: that user). A host or port the file does not record ' +
    'is not reported, nor is a deactivated destination. Names, hosts and port come from community sources ' +
    '(confidence C) and are options.',
  fixable: true,
  scope: 'system',
  defaults: BACKBONE_DESTINATION_DEFAULTS,
  optionsSchema: { type: 'object', properties: BACKBONE_DESTINATION_SCHEMA, additionalProperties: false },
  check(file, context) {
    const port = context.options.port;
    for (const system of file.model?.systems ?? []) {
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
        if (!destination.user) {
          const user = system.communicationUser?.value;
          context.report({
            at: destination.pair.key,
            sid: system.sid,
            message:
              `${destination.name} in system ${system.sid} has no logon user: enter the technical communication user in SM59` +
              (user === undefined ? ' and record it as user.' : ` (${user}, the system's communicationUser) and record it as user.`),
            fixes: node && user !== undefined ? [{ title: `Set user to ${user}`, edits: setMapValues(file, node, [['user', yamlScalar(user)]]) }] : [],
          });
        }
      }
    }
  },
});
