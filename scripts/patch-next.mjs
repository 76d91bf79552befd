/**
 * Run by `npm install` / `npm ci` (package.json "postinstall"): removes a cost Next.js pays
 * on every page it stores. `IncrementalCache.set` measures every entry with
 * `JSON.stringify(data).length` to enforce a 2 MB limit that applies only to fetch-cache
 * entries; for a page entry that turns the RSC payload's Buffer into a JSON array of
 * numbers (several hundred KB of throw-away text per first render of a page). The patch
 * measures fetch-cache entries only, which is all the limit ever looked at. Reported
 * upstream with the reproduction in docs/performance.md; delete this script once Next
 * ships the fix (it then finds nothing to patch and says so).
 *
 * Plain Node, no dependencies: it also runs in a production install without devDependencies,
 * and it never fails the install (a Next that changed only loses the speed-up).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The size check as Next's own files write it, and the minified form in its bundles. */
const PATTERNS = [
  { from: /const itemSize = JSON\.stringify\(data\)\.length;/g, to: 'const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;' },
  { from: /let (\w+)=JSON\.stringify\((\w+)\)\.length;if\((\w+)\.fetchCache&&\1>2097152/g, to: 'let $1=$3.fetchCache?JSON.stringify($2).length:0;if($3.fetchCache&&$1>2097152' },
];
const PATCHED = [/const itemSize = ctx\.fetchCache \? JSON\.stringify\(data\)\.length : 0;/, /let (\w+)=(\w+)\.fetchCache\?JSON\.stringify\(\w+\)\.length:0;if\(\2\.fetchCache&&\1>2097152/];

/** The text with the size check limited to fetch-cache entries, and how many places changed. */
export function patchSizeCheck(text) {
  let changed = 0;
  let patched = text;
  for (const { from, to } of PATTERNS) {
    patched = patched.replace(from, (...match) => {
      changed++;
      return match[0].replace(new RegExp(from.source), to);
    });
  }
  return { text: patched, changed };
}

/** Whether a file of Next's still measures every entry (unpatched), already doesn't, or has no such check. */
export function sizeCheckState(text) {
  if (PATTERNS.some(({ from }) => new RegExp(from.source).test(text))) return 'unpatched';
  if (PATCHED.some((pattern) => pattern.test(text))) return 'patched';
  return 'absent';
}

/** Next's files that hold IncrementalCache: its own module (CommonJS and ESM) and the runtime bundles. */
export function nextFilesWithSizeCheck(nextDir) {
  const bundles = join(nextDir, 'dist/compiled/next-server');
  return [
    join(nextDir, 'dist/server/lib/incremental-cache/index.js'),
    join(nextDir, 'dist/esm/server/lib/incremental-cache/index.js'),
    ...readdirSync(bundles)
      .filter((name) => name.endsWith('.js'))
      .map((name) => join(bundles, name)),
  ];
}

export function findNextDir(from) {
  return dirname(createRequire(join(from, 'package.json')).resolve('next/package.json'));
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  let nextDir;
  try {
    nextDir = findNextDir(root);
  } catch {
    console.log('patch-next: next is not installed, nothing to patch.');
    return;
  }
  const counts = { patched: 0, already: 0 };
  for (const file of nextFilesWithSizeCheck(nextDir)) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const state = sizeCheckState(text);
    if (state === 'patched') counts.already++;
    if (state !== 'unpatched') continue;
    const result = patchSizeCheck(text);
    writeFileSync(file, result.text);
    counts.patched++;
  }
  if (counts.patched + counts.already === 0) {
    console.warn('patch-next: Next no longer has the cache size check this patches; remove scripts/patch-next.mjs if Next fixed it.');
  } else {
    console.log(`patch-next: IncrementalCache size check limited to fetch-cache entries (${counts.patched} files patched, ${counts.already} already).`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    console.warn(`patch-next: not applied (${error instanceof Error ? error.message : String(error)}); the install goes on.`);
  }
}
