/** Page weight: HTML as sent with and without gzip, and the JavaScript a page loads. */
import { gzipSync } from 'node:zlib';
import { request } from './http';

export type HtmlWeight = { url: string; status: number; htmlBytes: number; gzipBytes: number };

/** The page as a client without gzip gets it, and as a browser (Accept-Encoding: gzip) does. */
export async function measureHtml(url: string): Promise<HtmlWeight> {
  const plain = await request(url);
  const gzipped = await request(url, { headers: { 'Accept-Encoding': 'gzip' } });
  const compressed = gzipped.headers['content-encoding'] === 'gzip';
  return { url, status: plain.status, htmlBytes: plain.body.length, gzipBytes: compressed ? gzipped.body.length : gzipSync(plain.body).length };
}

export type JavaScriptWeight = { url: string; files: number; bytes: number; gzipBytes: number; scripts: string[] };

/**
 * Every script a page names that a current browser loads: `<script src>`, preloads, and
 * the chunks its RSC payload lists for client components (loaded while hydrating), but not
 * the `noModule` polyfills. Gzip sizes are computed here at the default level, as the
 * article's JavaScript budget test (which counts what Chromium loads) does.
 */
export async function measureJavaScript(pageUrl: string): Promise<JavaScriptWeight> {
  const scripts = scriptsToLoad((await request(pageUrl)).body.toString('utf8'));
  let bytes = 0;
  let gzipBytes = 0;
  for (const script of scripts) {
    const response = await request(new URL(script, pageUrl).toString());
    if (response.status !== 200) throw new Error(`${script} answered ${response.status}`);
    bytes += response.body.length;
    gzipBytes += gzipSync(response.body).length;
  }
  return { url: pageUrl, files: scripts.length, bytes, gzipBytes, scripts };
}

/** The page's own scripts a module-capable browser loads, in a stable order. */
export function scriptsToLoad(html: string): string[] {
  const legacyOnly = new Set([...html.matchAll(/<script\b[^>]*\bnomodule\b[^>]*>/gi)].map((m) => /src="([^"]+)"/.exec(m[0])?.[1]));
  const named = [...html.matchAll(/\/_next\/static\/[^"'\\\s]+?\.js/g)].map((m) => m[0]);
  return [...new Set(named)].filter((src) => !legacyOnly.has(src)).sort();
}
