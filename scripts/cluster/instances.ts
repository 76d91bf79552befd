/** App instances for the cluster check: production servers on one database, started, stopped and killed. */
import { startProductionServer, type ProductionServer } from '@/scripts/lib/production-server';

export type Instance = { name: string; port: number; server: ProductionServer | null; published: number; database: string };

export const CLUSTER_DATABASE = 'masthead_cluster_check';

/** Starts (or restarts) one instance; the first start may build and resets the database. */
export async function startInstance(instance: Instance, options: { build: boolean; fresh: boolean }): Promise<void> {
  instance.server = await startProductionServer({
    database: instance.database,
    port: instance.port,
    build: options.build,
    keepDatabase: !options.fresh,
    log: (line) => console.log(`[${instance.name}] ${line}`),
    onServerOutput: (text) => {
      // Which instance's scheduler published how many stories.
      for (const match of text.matchAll(/Published (\d+) scheduled stor/g)) instance.published += Number(match[1]);
    },
  });
}

/** SIGTERM and wait for the process to end (what systemd does on `stop`). */
export async function stopInstance(instance: Instance): Promise<void> {
  const server = instance.server;
  instance.server = null;
  await server?.stop();
}

/** SIGKILL: the process gets no chance to finish anything. */
export function killInstance(instance: Instance): void {
  if (instance.server) process.kill(instance.server.pid, 'SIGKILL');
  instance.server = null;
}
