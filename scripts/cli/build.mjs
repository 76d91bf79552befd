/**
 * Bundles the command-line tools (migrate, user:create, db:backup, db:restore, seed) into
 * dist/cli with esbuild, so a production install without devDependencies (no tsx) can run
 * them. Packages stay external: they are the app's own dependencies, installed in production.
 * Run by `npm run build`.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { BUNDLE_DIR, COMMANDS } from './commands.mjs';

// lib/ modules import 'server-only', which throws outside React Server Components.
const serverOnlyIsEmpty = {
  name: 'server-only-is-empty',
  setup(builder) {
    builder.onResolve({ filter: /^server-only$/ }, () => ({ path: 'server-only', namespace: 'empty' }));
    builder.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '', loader: 'js' }));
  },
};

rmSync(BUNDLE_DIR, { recursive: true, force: true });
await build({
  entryPoints: Object.fromEntries(Object.entries(COMMANDS).map(([name, source]) => [name, source])),
  outdir: BUNDLE_DIR,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  conditions: ['react-server'],
  tsconfig: 'tsconfig.json',
  plugins: [serverOnlyIsEmpty],
  logLevel: 'warning',
});
console.log(`Command-line tools bundled into ${BUNDLE_DIR}/.`);
