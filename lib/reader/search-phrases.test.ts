import { describe, expect, it } from 'vitest';
import { phrasePairs } from './search-phrases';

describe('phrasePairs', () => {
  it('turns a phrase into the pairs of words one position apart', () => {
    expect(phrasePairs(`'citi' <-> 'council'`)).toBe(`'citi council'`);
    expect(phrasePairs(`'festiv' <-> 'drew' <-> 'perform'`)).toBe(`'festiv drew' & 'drew perform'`);
    // A stop word between two words leaves a gap: no pair across it.
    expect(phrasePairs(`'state' <3> 'art'`)).toBeNull();
    expect(phrasePairs(`'talk' <-> 'stall' <2> 'harbour'`)).toBe(`'talk stall'`);
  });

  it('requires only what the query requires: phrases ANDed, OR only when every side has a pair, never a negation', () => {
    expect(phrasePairs(`'night' <-> 'market' | 'fish' <-> 'market'`)).toBe(`'night market' | 'fish market'`);
    expect(phrasePairs(`'night' <-> 'market' | 'fish'`)).toBeNull();
    expect(phrasePairs(`'union' <-> 'said' & !( 'citi' <-> 'council' ) | 'port' <-> 'calder' & 'harbour'`)).toBe(`'union said' | 'port calder'`);
    expect(phrasePairs(`'cost' <-> 'rise' & !'budget'`)).toBe(`'cost rise'`);
    expect(phrasePairs(`'a' <-> 'b' & 'c' <-> 'd' | 'e' <-> 'f'`)).toBe(`('a b' & 'c d') | 'e f'`);
    expect(phrasePairs(`'harbour' & 'strike'`)).toBeNull();
    expect(phrasePairs(`'harbour'`)).toBeNull();
    expect(phrasePairs('')).toBeNull();
  });

  it('gives up (requires nothing) on anything but a chain of plain words', () => {
    expect(phrasePairs(`'a' <-> ( 'b' <-> 'c' )`)).toBeNull();
    expect(phrasePairs(`'ab':* <-> 'c'`)).toBeNull();
    expect(phrasePairs(`'a':AB <-> 'b'`)).toBeNull();
    expect(phrasePairs(`!'a' <-> 'b'`)).toBeNull();
    expect(phrasePairs(`'a' <-> 'b' )`)).toBeNull();
    expect(phrasePairs(`'a' <-> 'b' @@`)).toBeNull();
  });

  it('reads and writes quotes and backslashes as PostgreSQL does', () => {
    expect(phrasePairs(`'o''neil' <-> 'said'`)).toBe(`'o''neil said'`);
    expect(phrasePairs(`'a\\\\b' <-> 'c'`)).toBe(`'a\\\\b c'`);
    expect(phrasePairs(`'a|b' <-> 'c' | 'd' <-> 'e&f'`)).toBe(`'a|b c' | 'd e&f'`);
  });
});
