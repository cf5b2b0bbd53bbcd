import { strict as assert } from 'assert';
import { generateLandscape } from '../../../bench/generate';
import { findNoteMentions, noteMentionCandidates } from '../../../src/core/catalog/mentions';

const notes = (line: string): string[] => findNoteMentions(line).map((mention) => mention.note);

describe('SAP Note mentions', () => {
  it('finds known notes anywhere and others after the word Note', () => {
    assert.deepEqual(notes('# see 2923799 and SAP Note 1234567'), ['2923799', '1234567']);
    assert.deepEqual(notes('# Notes 2408073, 2546220 and 7654321'), ['2408073', '2546220', '7654321']);
  });

  it('ignores ordinary numbers', () => {
    assert.deepEqual(notes('    port: 443   # since 2020'), []);
    assert.deepEqual(notes('      ST-PI: { release: "740", sp: 22 }'), []);
  });

  it('finds every line with a mention among the candidates\' lines, and few candidates in a landscape', () => {
    const text = ['x: 1 # see 2923799', 'port: 443', '# notes: 1234567, 7654321', 'y: NOTE 812732', 'release: "740"'].join('\n');
    const candidateLines = new Set([...noteMentionCandidates(text)].map((offset) => text.slice(0, offset).split('\n').length - 1));
    const mentionLines = text.split('\n').flatMap((line, index) => (findNoteMentions(line).length > 0 ? [index] : []));
    assert.deepEqual(mentionLines, [0, 2, 3]);
    assert.deepEqual([...candidateLines].sort(), mentionLines);
    assert.equal([...noteMentionCandidates(generateLandscape(50))].length, 0);
  });

  it('gives offsets within the line', () => {
    const [mention] = findNoteMentions('x # Note 812732');
    assert.deepEqual([mention.start, mention.end], [9, 15]);
  });
});
