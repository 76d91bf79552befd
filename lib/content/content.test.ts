import { describe, expect, it } from 'vitest';
import { markupToDocument } from '@/db/seed/markup';
import { countWords, documentText, readingMinutes } from './document';
import { slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['City council approves 2,400 homes', 'city-council-approves-2400-homes'],
    ['Café Société: “Quoted” — dashes!', 'cafe-societe-quoted-dashes'],
    ['  --Already--slugged--  ', 'already-slugged'],
    ['<script>alert(1)</script>', 'script-alert-1-script'],
  ])('%s → %s', (title, slug) => expect(slugify(title)).toBe(slug));

  it('keeps slugs to 80 characters without a trailing hyphen', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('document text', () => {
  const doc = markupToDocument(['## A heading', 'First paragraph here.', '> A quote', '- one', '- two']);

  it('has one line per block', () => {
    expect(documentText(doc)).toBe('A heading\nFirst paragraph here.\nA quote\none\ntwo');
  });

  it('counts words and reading time', () => {
    expect(countWords(documentText(doc))).toBe(9);
    expect(countWords('— 15:57 “quoted”')).toBe(2);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(1150)).toBe(5);
  });
});
