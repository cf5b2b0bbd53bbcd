import { strict as assert } from 'assert';
import fc from 'fast-check';
import { LineIndex } from '../../../src/core/landscape/text';

/** Everything an index answers, for every offset and line of its text. */
function answers(lines: LineIndex): unknown {
  const positions = Array.from({ length: lines.text.length + 2 }, (_, offset) => lines.positionAt(offset));
  const perLine = Array.from({ length: lines.lineCount }, (_, line) => [lines.lineStart(line), lines.lineEnd(line), lines.lineText(line)]);
  return { count: lines.lineCount, positions, perLine, newline: lines.newline };
}

describe('line index', () => {
  it('after an edit answers as one built from the new text, CRLFs made or taken away included', () => {
    const piece = fc.constantFrom('a', 'b: 1', '\n', '\r\n', '\r', ' ', '#');
    const text = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), text, (before, from, length, inserted) => {
        const start = from % (before.length + 1);
        const oldEnd = start + (length % (before.length - start + 1));
        const after = before.slice(0, start) + inserted + before.slice(oldEnd);
        const edited = new LineIndex(before).afterEdit(after, start, oldEnd, after.length - before.length);
        assert.deepEqual(answers(edited), answers(new LineIndex(after)));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the line-break style of the file: CRLF when any line ends so', () => {
    assert.equal(new LineIndex('a\nb\r\n').newline, '\r\n');
    assert.equal(new LineIndex('a\nb\n').newline, '\n');
    assert.equal(new LineIndex('a\r\nb\r\n').afterEdit('a\nb\r\n', 1, 3, -1).newline, '\r\n');
    assert.equal(new LineIndex('a\r\nb\n').afterEdit('a\nb\n', 1, 3, -1).newline, '\n');
  });
});
