import localFont from 'next/font/local';

/**
 * Newsreader, a serif drawn for news text, self-hosted from @fontsource-variable. Only the
 * upright face is preloaded: italics are rare, and every preloaded byte competes with the
 * lead picture on a phone's connection. Interface text uses the system's own sans serif.
 */
export const newsreader = localFont({
  src: [{ path: '../node_modules/@fontsource-variable/newsreader/files/newsreader-latin-wght-normal.woff2', style: 'normal' }],
  weight: '200 800',
  display: 'swap',
  variable: '--font-newsreader',
});

export const newsreaderItalic = localFont({
  src: [{ path: '../node_modules/@fontsource-variable/newsreader/files/newsreader-latin-wght-italic.woff2', style: 'italic' }],
  weight: '200 800',
  display: 'swap',
  preload: false,
  variable: '--font-newsreader-italic',
});
