import { describe, expect, it } from 'vitest';
import { scriptsToLoad } from './page-weight';

describe('scripts a page loads', () => {
  it('takes script tags, preloads and client chunks named in the RSC payload, once each, but not noModule polyfills', () => {
    const html = [
      '<link rel="preload" as="script" href="/_next/static/chunks/b.js"/>',
      '<script src="/_next/static/chunks/b.js" async=""></script>',
      '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
      '<script>self.__next_f.push([1,"4:I[39756,[\\"/_next/static/chunks/a.js\\"],\\"default\\"]"])</script>',
    ].join('');
    expect(scriptsToLoad(html)).toEqual(['/_next/static/chunks/a.js', '/_next/static/chunks/b.js']);
  });
});
