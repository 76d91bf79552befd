import localFont from 'next/font/local';

/** Newsreader: a serif drawn for news text, self-hosted from @fontsource-variable. */
export const newsreader = localFont({
  src: [
    { path: '../node_modules/@fontsource-variable/newsreader/files/newsreader-latin-wght-normal.woff2', style: 'normal' },
    { path: '../node_modules/@fontsource-variable/newsreader/files/newsreader-latin-wght-italic.woff2', style: 'italic' },
  ],
  weight: '200 800',
  display: 'swap',
  variable: '--font-newsreader',
});
