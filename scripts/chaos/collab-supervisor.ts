/**
 * The collaboration server as production runs it: systemd starts it again a second after
 * it stops, for as long as it keeps stopping (deploy/masthead-collab@.service,
 * Restart=always, RestartSec=1). startCollabProcess restarts a crashed server once, but
 * gives up when that start fails (e.g. while PostgreSQL is down); this keeps trying.
 */
import { startCollabProcess, type CollabProcess } from '../lib/collab-process';

export type CollabSupervisor = {
  /** The running server's process id (undefined while none runs). */
  pid(): number | undefined;
  /** Every start after the first, with when (the run's clock) and why. */
  restarts: { at: number; why: string }[];
  /** Every time the server stopped on its own or was killed (as startCollabProcess reports it). */
  exits: { at: number; how: string }[];
  stop(): Promise<void>;
};

const RESTART_AFTER_MS = 1_000;

export async function superviseCollab(params: { port: number; env: NodeJS.ProcessEnv; clock: () => number; log: (line: string) => void }): Promise<CollabSupervisor> {
  const exits: { at: number; how: string }[] = [];
  const log = (line: string) => {
    const stopped = /^Collaboration server stopped \((.+)\)/.exec(line);
    if (stopped) exits.push({ at: params.clock(), how: stopped[1]! });
    params.log(line);
  };
  const started: CollabProcess[] = [await startCollabProcess({ port: params.port, env: params.env, log })];
  const restarts: { at: number; why: string }[] = [];
  let stopping = false;
  let deadSince: number | null = null;
  let starting = false;
  const current = () => started.at(-1)!;
  const watch = setInterval(() => {
    if (stopping || starting) return;
    const pid = current().pid();
    if (pid !== undefined && alive(pid)) {
      deadSince = null;
      return;
    }
    deadSince ??= Date.now();
    if (Date.now() - deadSince < RESTART_AFTER_MS) return;
    starting = true;
    restarts.push({ at: params.clock(), why: 'not running' });
    startCollabProcess({ port: params.port, env: params.env, log })
      .then((process) => {
        started.push(process);
        params.log('Collaboration server started again by the supervisor.');
      })
      .catch((error: Error) => params.log(`Collaboration server did not start: ${error.message}`))
      .finally(() => {
        starting = false;
        deadSince = null;
      });
  }, 250);
  return {
    pid: () => {
      const pid = current().pid();
      return pid !== undefined && alive(pid) ? pid : undefined;
    },
    restarts,
    exits,
    async stop() {
      stopping = true;
      clearInterval(watch);
      await Promise.all(started.map((process) => process.stop().catch(() => undefined)));
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
