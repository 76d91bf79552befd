import { describe, expect, it } from 'vitest';
import { EditAcks, lostEdits } from './edit-acks';

describe('EditAcks', () => {
  it('acknowledges every edit made before the count of unconfirmed updates is back to 0', () => {
    const acks = new EditAcks();
    acks.made({ articleId: 'a', n: 1, marker: 'mk0n1', madeAt: 10 });
    acks.unsynced(1, 10);
    acks.made({ articleId: 'a', n: 2, marker: 'mk0n2', madeAt: 20 });
    acks.unsynced(2, 20);
    acks.unsynced(1, 25);
    expect(acks.acknowledged).toEqual([]);
    acks.unsynced(0, 30);
    expect(acks.acknowledged.map((e) => [e.marker, e.ackedAt])).toEqual([
      ['mk0n1', 30],
      ['mk0n2', 30],
    ]);
  });

  it('does not acknowledge an edit made after the last 0', () => {
    const acks = new EditAcks();
    acks.made({ articleId: 'a', n: 1, marker: 'mk0n1', madeAt: 10 });
    acks.unsynced(0, 15);
    acks.made({ articleId: 'a', n: 2, marker: 'mk0n2', madeAt: 20 });
    // A reconnection restarts the count at 1: still waiting.
    acks.unsynced(1, 21);
    expect(acks.acknowledged.map((e) => e.marker)).toEqual(['mk0n1']);
    expect(acks.edits[1]!.ackedAt).toBeNull();
  });
});

describe('lostEdits', () => {
  it('finds the markers missing from their own story, not from another', () => {
    const edits = [
      { articleId: 'a', n: 1, marker: 'mk0n1', madeAt: 0, ackedAt: 1 },
      { articleId: 'b', n: 1, marker: 'mk1n1', madeAt: 0, ackedAt: 1 },
    ];
    const lost = lostEdits(edits, new Map([['a', 'text mk0n1 mk1n1'], ['b', 'text']]));
    expect(lost.map((e) => e.marker)).toEqual(['mk1n1']);
  });

  it('does not take a longer marker for a shorter one', () => {
    const edits = [{ articleId: 'a', n: 1, marker: 'mk0n1', madeAt: 0, ackedAt: 1 }];
    expect(lostEdits(edits, new Map([['a', 'mk0n10 mk0n11']]))).toHaveLength(1);
  });
});
