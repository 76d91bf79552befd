/**
 * A throwaway PostgreSQL primary and a real streaming replica of it, for testing reads on a
 * replica: initdb, then pg_basebackup -R (a standby that streams from the primary), each
 * on a free loopback port with its data under /tmp/masthead-so-replica-*. Uses the
 * machine's PostgreSQL server programs (Debian's postgresql package); as root, it runs
 * them as the postgres account, which PostgreSQL requires.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { userInfo } from 'node:os';

export type ReplicaPair = {
  primaryUrl(database: string): string;
  replicaUrl(database: string): string;
  stop(): void;
};

/** The newest installed server's programs, or null when there is none. */
export function postgresServerBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_basebackup'))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  const bin = fromConfig.status === 0 ? fromConfig.stdout.trim() : '';
  return bin && existsSync(join(bin, 'pg_basebackup')) && existsSync(join(bin, 'initdb')) ? bin : null;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise((done) => probe.close(done));
  return port;
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  const bin = postgresServerBin();
  if (!bin) throw new Error('PostgreSQL server programs (initdb, pg_ctl, pg_basebackup) not found: apt-get install postgresql');
  const asRoot = userInfo().uid === 0;
  const run = (program: string, args: string[]) => {
    const [command, commandArgs] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
    execFileSync(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const dir = mkdtempSync('/tmp/masthead-so-replica-');
  if (asRoot) {
    const { uid, gid } = postgresAccount();
    chownSync(dir, uid, gid);
  }
  const primary = join(dir, 'primary');
  const replica = join(dir, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stop = () => {
    for (const data of started.reverse()) {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
    }
    started.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', primary, '-U', 'postgres', '-A', 'trust', '--no-sync', '--no-instructions']);
    // initdb's pg_hba.conf already lets local trust connections replicate.
    const settings = (port: number) => `listen_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${dir}'\nfsync = off\nwal_level = replica\nmax_wal_senders = 5\nhot_standby = on\nlog_min_messages = warning\n`;
    writeAs(join(primary, 'postgresql.auto.conf'), settings(primaryPort), asRoot);
    run('pg_ctl', ['-D', primary, '-l', join(dir, 'primary.log'), '-w', 'start']);
    started.push(primary);
    run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replica, '-R', '-X', 'stream']);
    // -R wrote primary_conninfo and standby.signal; the copied settings need only another port.
    run('pg_ctl', ['-D', replica, '-l', join(dir, 'replica.log'), '-o', `-p ${replicaPort}`, '-w', 'start']);
    started.push(replica);
  } catch (error) {
    stop();
    throw error;
  }
  return {
    primaryUrl: (database) => `postgres://postgres@127.0.0.1:${primaryPort}/${database}`,
    replicaUrl: (database) => `postgres://postgres@127.0.0.1:${replicaPort}/${database}`,
    stop,
  };
}

function postgresAccount(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function writeAs(file: string, text: string, asRoot: boolean) {
  writeFileSync(file, text, { flag: 'a' });
  if (asRoot) {
    const { uid, gid } = postgresAccount();
    chownSync(file, uid, gid);
  }
}
