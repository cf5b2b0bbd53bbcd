import { sapNote } from './index';

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
