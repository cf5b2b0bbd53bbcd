import connectionTypesJson from './connection-types.json';
import sapNotesJson from './sap-notes.json';
import { editDistance } from '../text/closest';

export interface ConnectionCategory {
  readonly id: string;
  readonly title: string;
}

export interface ConnectionType {
  readonly id: string;
  readonly name: string;
  /** Id of a {@link ConnectionCategory}. */
  readonly category: string;
  readonly description: string;
  /** SAP Note numbers, as strings: notes are identifiers, not quantities. */
  readonly notes: readonly string[];
  /** VS Code codicon id (without the `$()` wrapper). */
  readonly codicon: string;
}

export type SapNoteSource = 'seed-000' | 'seed-003' | 'backbone-facts';

export interface SapNote {
  readonly number: string;
  readonly title: string;
  readonly about: string;
  readonly source: SapNoteSource;
  /** False when the title is our own description, not SAP's wording. */
  readonly titleVerified: boolean;
  /** Where the real title was found, when titleVerified is true. */
  readonly titleSource?: string;
}

type SapNoteEntry = Omit<SapNote, 'number'>;

function freezeAll<T extends object>(items: readonly T[]): readonly T[] {
  return Object.freeze(items.map((item) => Object.freeze({ ...item })));
}

export const connectionCategories: readonly ConnectionCategory[] = freezeAll(
  connectionTypesJson.categories as ConnectionCategory[],
);

export const connectionTypes: readonly ConnectionType[] = freezeAll(
  (connectionTypesJson.types as ConnectionType[]).map((t) => ({ ...t, notes: Object.freeze([...t.notes]) })),
);

const typesById = new Map(connectionTypes.map((t) => [t.id, t]));

const notesByNumber: ReadonlyMap<string, SapNote> = new Map(
  Object.entries(sapNotesJson as Record<string, SapNoteEntry>).map(([number, entry]) => [
    number,
    Object.freeze({ number, ...entry }),
  ]),
);

export function findConnectionType(id: string): ConnectionType | undefined {
  return typesById.get(id);
}

// Users write ids from memory ("r3support", "R/3 Support"): compare both the plain lower-case
// form and a form without separators, so punctuation alone never costs distance.
function forms(s: string): string[] {
  const lower = s.trim().toLowerCase();
  return [lower, lower.replace(/[^a-z0-9]/g, '')];
}

/**
 * The known connection type id closest to `unknownId` (matched against ids and names),
 * or undefined when nothing is reasonably close.
 */
export function suggestConnectionTypeId(unknownId: string): string | undefined {
  const [inLower, inBare] = forms(unknownId);
  if (inBare.length === 0) return undefined;
  let best: { id: string; distance: number } | undefined;
  for (const t of connectionTypes) {
    for (const key of [t.id, t.name]) {
      const [keyLower, keyBare] = forms(key);
      const candidates: Array<[string, string]> = [
        [inLower, keyLower],
        [inBare, keyBare],
      ];
      for (const [input, target] of candidates) {
        const distance = editDistance(input, target);
        // Without these caps a short input would "match" any short id it shares nothing with.
        const allowed = Math.max(2, Math.floor(target.length / 3));
        if (distance <= allowed && distance < target.length && distance < input.length && (!best || distance < best.distance)) {
          best = { id: t.id, distance };
        }
      }
    }
  }
  return best?.id;
}

function normaliseNoteNumber(number: string | number): string {
  return String(number).trim();
}

export function sapNote(number: string | number): SapNote | undefined {
  return notesByNumber.get(normaliseNoteNumber(number));
}

export function sapNoteUrl(number: string | number): string {
  const n = normaliseNoteNumber(number);
  // Anything else would produce a link that looks valid but opens nothing useful.
  if (!/^\d+$/.test(n)) {
    throw new RangeError(`Not an SAP Note number: ${JSON.stringify(String(number))}`);
  }
  return `https://me.sap.com/notes/${n}`;
}

export function allSapNotes(): readonly SapNote[] {
  return [...notesByNumber.values()].sort((a, b) => Number(a.number) - Number(b.number));
}
