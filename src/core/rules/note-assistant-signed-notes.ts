import { setMapValues } from '../landscape/edits';
import { asMap } from '../landscape/model';
import { entryOf } from '../landscape/sourceTree';
import { ABAP_PRODUCTS, isAbapBased } from './levels-shared';
import { defineRule, NO_OPTIONS_SCHEMA } from './rule';

export const noteAssistantSignedNotes = defineRule({
  id: 'note-assistant-signed-notes',
  title: 'SNOTE must handle digitally signed SAP Notes',
  defaultSeverity: 'error',
  notes: ['2836302', '2408073', '2546220', '2508268'],
  description:
    'Since 2020-01-08 SAP Note Assistant (SNOTE) cannot download SAP Notes unless it is enabled for digitally signed ' +
    'notes, in every system where it is used (SAP\'s backbone page, confidence S). Reports a system with ' +
    '`noteAssistant.used: true` whose `digitallySignedNotes` is false or missing. The way there is the guided procedure ' +
    'of SAP Note 2836302 (report RCWB_TCI_DIGITSIGN_AUTOMATION; that it needs SPAM version 71 or higher is community-' +
    'sourced, confidence C) or the manual Notes 2408073, 2546220 and 2508268. The fix only records that this was done: ' +
    'apply it after the change is made in the system. Only ABAP-based systems the customer operates are checked.',
  fixable: true,
  scope: 'system',
  defaults: {},
  optionsSchema: NO_OPTIONS_SCHEMA,
  check(file, context) {
    for (const system of file.model?.systems ?? []) {
      const noteAssistant = system.noteAssistant;
      // SNOTE on a Java system or HANA database is the schema's finding; SAP maintains it where SAP operates the system.
      if (noteAssistant?.used?.value !== true || !isAbapBased(system, ABAP_PRODUCTS)) continue;
      const signed = noteAssistant.digitallySignedNotes;
      if (signed?.value === true) continue;
      const map = asMap(noteAssistant.pair.value);
      const written = map && entryOf(map, 'digitallySignedNotes');
      // A value of the wrong type is the schema's finding; here only false or missing.
      if (!signed && written && !(written.value.kind === 'scalar' && written.value.value === null)) continue;
      context.report({
        at: signed ? signed.pair.value : noteAssistant.pair.key,
        sid: system.sid,
        message:
          `SNOTE is used in system ${system.sid} but is not ${signed ? 'enabled' : 'recorded as enabled'} for digitally signed SAP Notes: ` +
          'since 2020-01-08 it cannot download notes without that. Run the guided procedure of SAP Note 2836302 ' +
          '(report RCWB_TCI_DIGITSIGN_AUTOMATION), then set digitallySignedNotes: true.',
        fixes: map
          ? [{ title: 'Mark signed-note handling as enabled (after implementing Note 2836302)', edits: setMapValues(file, map, [['digitallySignedNotes', 'true']]) }]
          : [],
      });
    }
  },
});
