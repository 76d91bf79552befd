/**
 * Runs a command-line tool by name: `node scripts/cli/run.mjs migrate [args]`.
 * With devDependencies installed it runs the TypeScript source through tsx (always current);
 * in a production install (`npm prune --omit=dev`) it runs the bundle `npm run build` made.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { BUNDLE_DIR, COMMANDS } from './commands.mjs';

const [name, ...args] = process.argv.slice(2);
const source = COMMANDS[name];
if (!source) {
  console.error(`Unknown command ${name ?? '(none)'}. Known: ${Object.keys(COMMANDS).join(', ')}`);
  process.exit(2);
}

function tsxCli() {
  try {
    return createRequire(import.meta.url).resolve('tsx/cli');
  } catch {
    return null;
  }
}

const tsx = tsxCli();
const bundle = `${BUNDLE_DIR}/${name}.mjs`;
let command;
if (tsx) command = [tsx, '--conditions=react-server', source, ...args];
else if (existsSync(bundle)) command = ['--conditions=react-server', bundle, ...args];
else {
  console.error(`${bundle} is missing and tsx is not installed: run \`npm run build\` before \`npm prune --omit=dev\`.`);
  process.exit(1);
}

const child = spawn(process.execPath, command, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  process.exit(signal ? 128 + (constants.signals[signal] ?? 1) : (code ?? 1));
});
