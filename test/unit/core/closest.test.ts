import { strict as assert } from 'assert';
import { closestWord } from '../../../src/core/text/closest';

describe('closestWord', () => {
  it('suggests a known name for a typo, and nothing for a word far from every name', () => {
    assert.equal(closestWord('sytems', ['landscape', 'systems', 'users']), 'systems');
    assert.equal(closestWord('zzzzzz', ['landscape', 'systems', 'users']), undefined);
  });

  it('compares a word with no candidate whose length alone puts it too far away (an 8 MB key cost 12.6 s)', () => {
    // Candidates that count how often they are compared: a skipped one is never lowered.
    let compared = 0;
    const counting = (name: string): string => Object.assign(new String(name), { toLowerCase: () => (compared++, name.toLowerCase()) }) as unknown as string;
    const candidates = ['landscape', 'systems', 'users'].map(counting);
    assert.equal(closestWord('x'.repeat(1_000_000), candidates), undefined);
    assert.equal(compared, 0);
    closestWord('sytems', candidates);
    assert.ok(compared > 0, 'candidates of a similar length are compared');
  });
});
