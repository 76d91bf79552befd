import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = new Set(['node_modules', '.next', '.git', 'playwright-report', 'test-results']);

/** The project's TypeScript files under `dirs`, relative paths with forward slashes. */
export function sourceFiles(dirs: string[], { tests = false } = {}): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      if (SKIP.has(name)) return [];
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : /\.(ts|tsx|mts|mjs)$/.test(name) ? [path.split('\\').join('/')] : [];
    });
  return dirs
    .flatMap((dir) => (statSync(dir).isDirectory() ? walk(dir) : [dir]))
    .filter((file) => tests || !/\.test\.tsx?$/.test(file))
    .sort();
}

export const read = (file: string) => readFileSync(file, 'utf8');
