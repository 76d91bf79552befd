import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findNextDir, nextFilesWithSizeCheck, patchSizeCheck, sizeCheckState } from './patch-next.mjs';

const readable = `        // FetchCache has upper limit of 2MB per-entry currently
        const itemSize = JSON.stringify(data).length;
        if (ctx.fetchCache && itemSize > 2 * 1024 * 1024 && !this.hasCustomCacheHandler) {`;
const minified = 'a=i}let i=JSON.stringify(t).length;if(r.fetchCache&&i>2097152&&!this.hasCustomCacheHandler&&!r.isImplicitBuildTimeCache){let t=`...`';

describe('the Next.js cache size-check patch (scripts/patch-next.mjs)', () => {
  it('measures only fetch-cache entries, in Next’s own module and in its minified bundles', () => {
    const own = patchSizeCheck(readable);
    expect(own.changed).toBe(1);
    expect(own.text).toContain('const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;');
    const bundle = patchSizeCheck(minified);
    expect(bundle.changed).toBe(1);
    expect(bundle.text).toContain('let i=r.fetchCache?JSON.stringify(t).length:0;if(r.fetchCache&&i>2097152');
  });

  it('is idempotent and says what state a file is in', () => {
    for (const text of [readable, minified]) {
      expect(sizeCheckState(text)).toBe('unpatched');
      const once = patchSizeCheck(text).text;
      expect(sizeCheckState(once)).toBe('patched');
      expect(patchSizeCheck(once)).toEqual({ text: once, changed: 0 });
    }
    expect(sizeCheckState('unrelated code')).toBe('absent');
  });

  it('has been applied to the installed Next (npm install runs it; else run `node scripts/patch-next.mjs`)', () => {
    const states = nextFilesWithSizeCheck(findNextDir(process.cwd())).map((file) => {
      try {
        return sizeCheckState(readFileSync(file, 'utf8'));
      } catch {
        return 'absent';
      }
    });
    // Next's own module and the app-page runtime that `next start` loads must both have had the check.
    expect(states.filter((state) => state === 'patched').length).toBeGreaterThanOrEqual(2);
    expect(states).not.toContain('unpatched');
  });

  it('runs with plain Node and never fails an install', () => {
    const output = execFileSync(process.execPath, ['scripts/patch-next.mjs'], { encoding: 'utf8' });
    expect(output).toMatch(/patch-next: .*0 files patched/);
  });
});
