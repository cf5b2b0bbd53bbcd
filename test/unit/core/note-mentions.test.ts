import { strict as assert } from 'assert';
import { findNoteMentions } from '../../../src/core/catalog/mentions';

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

  it('gives offsets within the line', () => {
    const [mention] = findNoteMentions('x # Note 812732');
    assert.deepEqual([mention.start, mention.end], [9, 15]);
  });
});
