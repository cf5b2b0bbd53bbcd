import { findConnectionType, suggestConnectionTypeId } from '../catalog';
import { asMap } from '../landscape/model';
import { entryOf } from '../landscape/sourceTree';
import { defineRule } from './rule';

interface UnknownConnectionTypeOptions {
  /** Connection-type ids accepted besides the catalog's. */
  additionalTypes: string[];
}

export const unknownConnectionType = defineRule<UnknownConnectionTypeOptions>({
  id: 'unknown-connection-type',
  title: 'Service connections must use a known connection-type id',
  defaultSeverity: 'error',
  notes: [],
  description:
    'serviceConnections are keyed by connection-type id (r3-support, http-connect, ssh, ...), one for each service ' +
    'connection type on SAP\'s remote-support page (confidence S). Reports a key that is none of them and suggests the ' +
    'closest id; the fix renames the key to it. Types SAP adds later, or your own, can be accepted with ' +
    'additionalTypes (default: none).',
  fixable: true,
  scope: 'system',
  defaults: { additionalTypes: [] },
  optionsSchema: {
    type: 'object',
    properties: {
      additionalTypes: { type: 'array', items: { type: 'string' }, description: 'Connection-type ids accepted besides those of SAP\'s remote-support page.' },
    },
    additionalProperties: false,
  },
  check(file, context) {
    for (const system of file.model?.systems ?? []) {
      const connections = entryOf(system.node, 'serviceConnections');
      const written = connections && asMap(connections.value);
      for (const connection of system.serviceConnections) {
        const id = connection.typeId;
        // A merged connection is written, and reported, where its anchor is.
        if (connection.pair.merged || findConnectionType(id) || context.options.additionalTypes.includes(id)) continue;
        const suggestion = suggestConnectionTypeId(id);
        const key = connection.pair.key;
        context.report({
          at: key,
          sid: system.sid,
          message:
            `"${id}" (system ${system.sid}) is not a service connection type id.` +
            (suggestion ? ` Did you mean ${suggestion}?` : ' Use one of the ids of SAP\'s remote-support connection types (r3-support, http-connect, ssh, ...).'),
          // Renaming onto a key that is already there would make a duplicate key.
          fixes: suggestion && !(written && entryOf(written, suggestion)) ? [{ title: `Rename to ${suggestion}`, edits: [{ start: key.start, end: key.end, newText: suggestion }] }] : [],
        });
      }
    }
  },
});
