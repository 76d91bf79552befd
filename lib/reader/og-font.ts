import 'server-only';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Geist Bold as TTF for share cards: the image renderer behind `next/og` cannot read WOFF2. */
export async function ogFonts() {
  const data = await readFile(join(process.cwd(), 'node_modules/geist/dist/fonts/geist-sans/Geist-Bold.ttf'));
  return [{ name: 'Geist', data, weight: 700 as const, style: 'normal' as const }];
}
