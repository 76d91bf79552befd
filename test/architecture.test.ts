import { readdirSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, sourceFiles } from './source-files';

/**
 * The layering docs/architecture.md describes, checked on every run: routes → actions →
 * domain → db, with nothing below reaching back up.
 */
const imports = (file: string) => [...read(file).matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

/** What `file` imports from the project, as paths from its root: `@/lib/x` and `../x` alike. */
const importedPaths = (file: string) =>
  imports(file).flatMap((spec) => (spec.startsWith('@/') ? [spec.slice(2)] : spec.startsWith('.') ? [posix.join(posix.dirname(file), spec)] : []));

const APP_CODE = sourceFiles(['app', 'lib', 'components', 'db', 'proxy.ts', 'instrumentation.ts']);

describe('architecture', () => {
  it('finds the code it checks', () => {
    expect(APP_CODE).toContain('lib/config.ts');
    expect(APP_CODE.filter((f) => f.startsWith('components/')).length).toBeGreaterThan(20);
  });

  it('components/ and lib/ never import from app/ (routes depend on them, not the reverse)', () => {
    const offenders = APP_CODE.filter((f) => /^(components|lib)\//.test(f)).filter((f) => importedPaths(f).some((path) => path.startsWith('app/')));
    expect(offenders).toEqual([]);
  });

  it('server actions live in lib/actions/ (one file per domain), none under app/', () => {
    const actionFiles = APP_CODE.filter((f) => /^\s*['"]use server['"]/m.test(read(f)));
    expect(actionFiles.length).toBeGreaterThan(5);
    expect(actionFiles.filter((f) => !f.startsWith('lib/actions/'))).toEqual([]);
  });

  it('domain code never imports the action layer (actions call the domain, not the reverse)', () => {
    const offenders = APP_CODE.filter((f) => f.startsWith('lib/') && !f.startsWith('lib/actions/')).filter((f) => importedPaths(f).some((path) => path.startsWith('lib/actions/')));
    expect(offenders).toEqual([]);
  });

  it('the cache never imports reader code (readers subscribe to expiries instead)', () => {
    const offenders = APP_CODE.filter((f) => f.startsWith('lib/cache/')).filter((f) => importedPaths(f).some((path) => path.startsWith('lib/reader/')));
    expect(offenders).toEqual([]);
  });

  it('the map for newcomers (docs/architecture.md) names every folder of lib/ and components/', () => {
    const map = read('docs/architecture.md');
    const folders = ['lib', 'components'].flatMap((root) =>
      readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `${root}/${entry.name}/`),
    );
    expect(folders.length).toBeGreaterThan(10);
    expect(folders.filter((folder) => !map.includes(`\`${folder}`))).toEqual([]);
  });

  it('process.env is read only in lib/config.ts', () => {
    // Not checked: scripts and tests (their own environment) and the tool configs (Next loads
    // next.config.ts outside the server). instrumentation.ts must know the runtime before it
    // may import anything.
    const readers = APP_CODE.filter((f) => f !== 'lib/config.ts').filter((f) => {
      const uses = [...read(f).matchAll(/process\.env(?:\.(\w+)|\[)?/g)].map((m) => m[1] ?? '*');
      if (f === 'instrumentation.ts') return uses.some((name) => name !== 'NEXT_RUNTIME' && name !== 'NEXT_PHASE');
      return uses.length > 0;
    });
    expect(readers).toEqual([]);
  });

  it('newsroom pages hand the viewer to every newsroom read, which checks it (or its name says the caller must)', () => {
    // Reads from lib/ outside lib/reader/ and lib/settings/ (published data, public
    // settings) are the newsroom's: each takes the viewer first and checks a capability.
    // One that cannot would be named `unchecked…`, so the missing check shows where it is called.
    const offenders = APP_CODE.filter((f) => f.startsWith('app/newsroom/')).flatMap((file) => {
      const source = read(file);
      const reads = [...source.matchAll(/import\s*\{([^}]+)\}\s*from\s*'@\/lib\/(?!reader\/|settings\/site-settings)[^']+'/g)]
        .flatMap((m) => m[1]!.split(',').map((name) => name.trim().replace(/^type\s+/, '')))
        .filter((name) => /^(find|get|search|count|list|load)[A-Z]/.test(name));
      return reads.flatMap((name) =>
        [...source.matchAll(new RegExp(`\\b${name}\\(([^,)]*)`, 'g'))]
          .filter((call) => !/^\s*(user|viewer|actor)\s*$/.test(call[1]!))
          .map((call) => `${file}: ${name}(${call[1]}…)`),
      );
    });
    expect(offenders).toEqual([]);
  });
});
