import { spawnSync } from 'node:child_process';

/** Whether a program is on the PATH (or at the usual sbin place, for nginx). */
export function findProgram(name: string): string | null {
  for (const candidate of [name, `/usr/sbin/${name}`, `/usr/local/sbin/${name}`]) {
    const found = spawnSync('sh', ['-c', `command -v ${candidate}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

/**
 * The program, installed from the Debian/Ubuntu package of that name when missing (the
 * bench says so: it changes the machine). Needs root or sudo.
 */
export function ensureProgram(name: string, aptPackage: string, log: (line: string) => void): string {
  const found = findProgram(name);
  if (found) return found;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  log(`${name} is not installed: installing the Debian package "${aptPackage}" with ${[...sudo, 'apt-get'].join(' ')}…`);
  const run = (args: string[]) => spawnSync(sudo[0] ?? args[0]!, sudo.length ? args : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(['apt-get', 'update']);
  const install = run(['apt-get', 'install', '-y', '--no-install-recommends', aptPackage]);
  const installed = install.status === 0 ? findProgram(name) : null;
  if (!installed) throw new Error(`Could not install ${aptPackage}. Install it yourself (apt-get install ${aptPackage}) and run the bench again.`);
  log(`Installed ${aptPackage}.`);
  return installed;
}
