import { spawnSync } from 'node:child_process';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/**
 * sqlmap and wapiti come from Debian's packages. Missing ones are installed when we are
 * root (as .ci/run does for Chromium); otherwise the run stops and says what to install.
 */
export function ensureAptTools(commands: string[]): void {
  const missing = commands.filter((c) => !has(c));
  if (missing.length === 0) return;
  const install = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) throw new Error(`${missing.join(' and ')} not installed. Run: sudo apt-get update && sudo ${install}`);
  console.log(`Installing ${missing.join(' and ')} from Debian's packages (${install})…`);
  for (const args of [['update'], ['install', '-y', ...missing]]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
}
