import 'server-only';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let geistBold: Buffer | undefined;

/**
 * Geist Bold as TTF for share cards: the image renderer behind `next/og` cannot read WOFF2.
 * Read once, synchronously: an asynchronous file read would mark every card as per-request
 * work, while a card depends only on its story and can be cached like a page.
 */
export async function ogFonts() {
  geistBold ??= readFileSync(join(process.cwd(), 'node_modules/geist/dist/fonts/geist-sans/Geist-Bold.ttf'));
  return [{ name: 'Geist', data: geistBold, weight: 700 as const, style: 'normal' as const }];
}
