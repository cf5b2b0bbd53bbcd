import { allSapNotes, sapNote } from './index';

export interface NoteMention {
  note: string;
  start: number;
  end: number;
}

const NUMBER = /\b\d{3,7}\b/g;
const NOTE_WORD = /\b(?:sap\s+)?notes?\b[\s:#]*$/i;

/**
 * SAP Note numbers mentioned in a line: any number the catalog knows, and any other 3-7 digit
 * number written after "Note"/"Notes" (a list like "Notes 2408073, 2546220" counts whole).
 * Offsets are within the line.
 */
export function findNoteMentions(line: string): NoteMention[] {
  const mentions: NoteMention[] = [];
  let afterNoteWord = false;
  let previousEnd = 0;
  for (const match of line.matchAll(NUMBER)) {
    const start = match.index ?? 0;
    const between = line.slice(previousEnd, start);
    afterNoteWord = NOTE_WORD.test(line.slice(0, start)) || (afterNoteWord && /^[\s,/&]*(?:and\s+)?$/i.test(between));
    if (afterNoteWord || sapNote(match[0])) mentions.push({ note: match[0], start, end: start + match[0].length });
    previousEnd = start + match[0].length;
  }
  return mentions;
}

let candidates: RegExp | undefined;

/**
 * Offsets in a text where a mention may start its line: the word "note(s)" or a number the
 * catalog knows. A line with neither has no mention, so a whole document needs findNoteMentions
 * only on the lines these fall on (a landscape of 10,000 systems has some 80,000 other numbers,
 * and looking at each took the editor most of a second on every keystroke).
 */
export function* noteMentionCandidates(text: string): Generator<number> {
  candidates ??= new RegExp(`\\bnotes?\\b|\\b(?:${allSapNotes().map((note) => note.number).join('|')})\\b`, 'gi');
  for (const match of text.matchAll(candidates)) yield match.index ?? 0;
}
