import type { LiveComponent } from '../rfc/live-data';

/** The part of saxes 6 used here. Its own typings do not compile under TypeScript 5.9 strict (TS2344), so it is required with this surface. */
interface XmlTag {
  name: string;
  local: string;
  uri: string;
  attributes: Record<string, { value: string }>;
}
interface StrictXmlParser {
  on(event: 'doctype' | 'text' | 'cdata', handler: (text: string) => void): void;
  on(event: 'error', handler: (error: Error) => void): void;
  on(event: 'opentag' | 'closetag', handler: (tag: XmlTag) => void): void;
  write(chunk: string): StrictXmlParser;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SaxesParser } = require('saxes') as { SaxesParser: new (options: { xmlns: true; position: boolean }) => StrictXmlParser };

const ATOM = 'http://www.w3.org/2005/Atom';
const ADT_EXCEPTION = 'http://www.sap.com/abapxml/types/communicationframework';
/** Far deeper than any ADT answer (feed > entry > title); a deeper document is not one. */
const MAX_DEPTH = 16;
/** CVERS of a large S/4HANA system has a few hundred components. */
const MAX_ENTRIES = 10_000;
/** SAP's own error texts are one sentence; more is not shown. */
const MAX_EXCEPTION_TEXT = 300;

/** The answer was not the XML ADT sends; `message` says what it was instead. */
export class AdtFeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdtFeedError';
  }
}

interface XmlVisitor {
  open(tag: XmlTag, depth: number): void;
  text(text: string, depth: number): void;
  close(tag: XmlTag, depth: number): void;
}

/**
 * Strict XML (saxes) with ADT's limits: a document with a DOCTYPE is refused, so no entity is
 * ever declared, let alone expanded; only XML's five predefined entities and character
 * references are decoded; nesting is bounded. The caller bounds the size.
 */
function walkXml(xml: string, visitor: XmlVisitor): void {
  if (xml.trim() === '') throw new AdtFeedError('it is empty');
  const parser = new SaxesParser({ xmlns: true, position: false });
  let depth = 0;
  parser.on('doctype', () => {
    throw new AdtFeedError('it contains a DOCTYPE declaration, which ADT never sends (refused: no entity declarations are read)');
  });
  parser.on('error', (error) => {
    throw new AdtFeedError(`it is not well-formed XML (${error.message})`);
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth > MAX_DEPTH) throw new AdtFeedError(`it nests elements deeper than ${MAX_DEPTH} levels`);
    visitor.open(tag, depth);
  });
  parser.on('text', (text) => visitor.text(text, depth));
  parser.on('cdata', (text) => visitor.text(text, depth));
  parser.on('closetag', (tag) => {
    visitor.close(tag, depth);
    depth--;
  });
  parser.write(xml).close();
}

interface AtomEntry {
  id: string;
  title: string;
}

/** The `<entry><id/><title/></entry>` pairs of an Atom feed (ADT's answer for system/components and system/information). */
function readAtomEntries(xml: string): AtomEntry[] {
  const entries: AtomEntry[] = [];
  let sawFeed = false;
  let entry: AtomEntry | undefined;
  let field: 'id' | 'title' | undefined;
  walkXml(xml, {
    open(tag, depth) {
      if (depth === 1) {
        if (tag.uri !== ATOM || tag.local !== 'feed') throw new AdtFeedError(`its root element is <${tag.name}>, not an Atom <feed>`);
        sawFeed = true;
      } else if (depth === 2 && tag.uri === ATOM && tag.local === 'entry') {
        if (entries.length >= MAX_ENTRIES) throw new AdtFeedError(`it has more than ${MAX_ENTRIES} entries`);
        entry = { id: '', title: '' };
      } else if (depth === 3 && entry && tag.uri === ATOM && (tag.local === 'id' || tag.local === 'title')) {
        field = tag.local;
      }
    },
    text(text, depth) {
      if (entry && field && depth === 3) entry[field] += text;
    },
    close(_tag, depth) {
      if (depth === 3) field = undefined;
      if (depth === 2 && entry) {
        entries.push({ id: entry.id.trim(), title: entry.title.trim() });
        entry = undefined;
      }
    },
  });
  if (!sawFeed) throw new AdtFeedError('it has no Atom <feed> root element');
  return entries;
}

/**
 * The installed software components from `GET /sap/bc/adt/system/components`: per entry the
 * component as `id` and `release;SP package;SP level;description` as `title`
 * (`758;SAPK-75802INSAPBASIS;0002;SAP Basis Component`). The SP level is what CVERS-EXTRELEASE
 * holds, so both sources give the same LiveComponent.
 */
export function parseComponentFeed(xml: string): LiveComponent[] {
  return readAtomEntries(xml).map((entry) => {
    if (!entry.id) throw new AdtFeedError('an entry has no component id');
    const [release = '', , level = ''] = entry.title.split(';').map((part) => part.trim());
    return { name: entry.id, release, ...(/^\d+$/.test(level) ? { sp: Number(level) } : {}) };
  });
}

/**
 * SAP's reason in an ADT error answer (`<exc:exception>` with `<type id=.../>` and `<message>`),
 * e.g. `ExceptionResourceNoAccess: ...`; undefined when the body is something else.
 */
export function readAdtException(xml: string): string | undefined {
  let type = '';
  let message = '';
  let inMessage = false;
  try {
    walkXml(xml, {
      open(tag, depth) {
        if (depth === 1 && (tag.uri !== ADT_EXCEPTION || tag.local !== 'exception')) throw new AdtFeedError('not an ADT exception');
        if (depth === 2 && tag.local === 'type') type = tag.attributes.id?.value ?? '';
        inMessage = depth === 2 && tag.local === 'message';
      },
      text(text) {
        if (inMessage && message.length < MAX_EXCEPTION_TEXT) message += text;
      },
      close() {
        inMessage = false;
      },
    });
  } catch (error) {
    if (error instanceof AdtFeedError) return undefined;
    throw error;
  }
  const text = message.trim().replace(/\s+/g, ' ').slice(0, MAX_EXCEPTION_TEXT);
  return text || type ? [type, text].filter(Boolean).join(': ') : undefined;
}
