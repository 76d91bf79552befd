import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ReaderImage } from '@/lib/reader/images';
import { ReaderImageView } from './reader-image';

const WIDTHS = [240, 480, 800];
const picture = (renditions: ReaderImage['renditions']): ReaderImage => ({
  id: 'p',
  width: 1600,
  height: 900,
  alt: 'A harbour at dusk',
  caption: '',
  credit: '',
  blurDataUrl: 'data:image/webp;base64,AAAA',
  renditions,
});
const ladder = (name: (width: number, format: string) => string, formats = ['avif', 'webp', 'jpeg']) =>
  formats.flatMap((format) => WIDTHS.map((width) => ({ key: name(width, format === 'jpeg' ? 'jpg' : format), format: format as 'avif' | 'webp' | 'jpeg', width })));
const srcSets = (html: string) => [...html.matchAll(/srcSet="([^"]*)"/g)].map((match) => match[1]);

describe('a reader picture', () => {
  it('writes each format’s whole width ladder from a stem and widths, and the <img> only its 800 px src', () => {
    const html = renderToStaticMarkup(<ReaderImageView image={picture(ladder((w, ext) => `abc123-${w}.${ext}`))} sizes="100vw" />);
    expect(srcSets(html)).toEqual([
      '/media/abc123-240.avif 240w, /media/abc123-480.avif 480w, /media/abc123-800.avif 800w',
      '/media/abc123-240.webp 240w, /media/abc123-480.webp 480w, /media/abc123-800.webp 800w',
    ]);
    expect(html).toContain('src="/media/abc123-800.jpg"');
    expect(html).toContain('loading="lazy"');
  });

  it('keeps keys that do not follow <stem>-<width>.<format> as they are', () => {
    const html = renderToStaticMarkup(<ReaderImageView image={picture(ladder((w, ext) => `odd/${ext}/${w}-x.${ext}`))} sizes="100vw" priority />);
    expect(srcSets(html)).toEqual([
      '/media/odd/avif/240-x.avif 240w, /media/odd/avif/480-x.avif 480w, /media/odd/avif/800-x.avif 800w',
      '/media/odd/webp/240-x.webp 240w, /media/odd/webp/480-x.webp 480w, /media/odd/webp/800-x.webp 800w',
    ]);
    expect(html).toContain('fetchPriority="high"');
  });

  it('gives the <img> its own ladder when there is no original format beside WebP', () => {
    const html = renderToStaticMarkup(<ReaderImageView image={picture(ladder((w, ext) => `s-${w}.${ext}`, ['avif', 'webp']))} sizes="50vw" />);
    expect(srcSets(html)).toHaveLength(3);
    expect(html).toMatch(/<img[^>]*src="\/media\/s-800\.webp"[^>]*srcSet="\/media\/s-240\.webp 240w/);
  });
});
