/**
 * A throwaway PostgreSQL cluster the chaos run may stop and start at will: never the shared
 * server other work depends on. Made with the system's initdb, run as the postgres user (the
 * server refuses to run as root), in a folder under /tmp that it owns, removed afterwards.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';

export type ChaosPostgres = {
  url: string;
  start(): Promise<void>;
  /** A fast shutdown: open connections are cut, as on a crash or a failover. */
  stop(): Promise<void>;
  destroy(): void;
};

export async function createChaosPostgres({ folder, port, log }: { folder: string; port: number; log: (line: string) => void }): Promise<ChaosPostgres> {
  if (!existsSync(join(BIN, 'initdb'))) throw new Error(`${BIN}/initdb not found: install postgresql-15 (apt-get install postgresql-15).`);
  const data = join(folder, 'data');
  const asPostgres = (program: string, args: string[]) =>
    execFileSync('runuser', ['-u', 'postgres', '--', join(BIN, program), ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 }).toString();
  const run = (program: string, args: string[]) => promisify(execFile)('runuser', ['-u', 'postgres', '--', join(BIN, program), ...args], { timeout: 60_000 });
  const running = () => {
    try {
      asPostgres('pg_ctl', ['status', '-D', data]);
      return true;
    } catch {
      return false;
    }
  };
  if (existsSync(data) && running()) asPostgres('pg_ctl', ['stop', '-D', data, '-m', 'immediate']);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  execFileSync('chown', ['postgres:postgres', folder]);
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  log(`Throwaway PostgreSQL cluster in ${data}, port ${port}.`);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=off -c synchronous_commit=off`;
  const cluster: ChaosPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // Asynchronous, so the load keeps running while the server stops and starts.
    start: async () => void (await run('pg_ctl', ['start', '-D', data, '-w', '-l', join(folder, 'server.log'), '-o', options])),
    stop: async () => void (await run('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w'])),
    destroy: () => {
      if (running()) asPostgres('pg_ctl', ['stop', '-D', data, '-m', 'immediate']);
      rmSync(folder, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
