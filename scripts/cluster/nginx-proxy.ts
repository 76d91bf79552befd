/**
 * The shipped deploy/nginx.conf, run unprivileged on loopback: its `listen`, upstream
 * servers, cache and log paths are rewritten to a scratch folder; every other line is the
 * file as shipped. Used by the config test, `npm run cluster:check` and the bench.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SHIPPED_CONFIG = 'deploy/nginx.conf';

/** `collabUpstream`: where /collab goes (the collaboration server); as shipped when not given. */
export type LocalNginxParams = { listenPort: number; upstreams: string[]; dir: string; collabUpstream?: string };

function replaceOnce(text: string, pattern: RegExp, replacement: string | ((...match: string[]) => string)): string {
  if (!pattern.test(text)) throw new Error(`${SHIPPED_CONFIG} no longer matches ${pattern}: update scripts/cluster/nginx-proxy.ts with it.`);
  return typeof replacement === 'string' ? text.replace(pattern, replacement) : text.replace(pattern, replacement);
}

/** A complete nginx.conf: a main context for a scratch folder around the shipped http-context file. */
export function localNginxConfig(shipped: string, { listenPort, upstreams, dir, collabUpstream }: LocalNginxParams): string {
  let http = replaceOnce(shipped, /listen 80;/, `listen 127.0.0.1:${listenPort};`);
  if (collabUpstream) http = replaceOnce(http, /(upstream masthead_collab \{\n[ \t]*server )\S+/, (_match, head) => `${head}${collabUpstream}`);
  http = replaceOnce(http, /(upstream masthead \{\n)((?:[ \t]*server [^\n]+\n)+)/, (_match, head, servers) => {
    const options = /server \S+ ([^;]*);/.exec(servers!)?.[1] ?? '';
    return head + upstreams.map((address) => `    server ${address} ${options};\n`).join('');
  });
  http = replaceOnce(http, /\/var\/cache\/nginx\/masthead/g, join(dir, 'cache'));
  http = replaceOnce(http, /\/var\/log\/nginx\//g, `${dir}/`);
  const temp = (name: string) => `${name}_temp_path ${join(dir, 'temp', name)};`;
  return `daemon off;
worker_processes 2;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 4096; }
http {
  # As Debian's stock /etc/nginx/nginx.conf, whose http block the shipped file is included in.
  sendfile on;
  tcp_nopush on;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
${http}
}
`;
}

export type NginxProxy = { url: (path: string) => string; dir: string; configFile: string; stop(): Promise<void> };

/** Writes the local config into a new scratch folder (readable by nginx's workers, which run as nobody). */
export function writeLocalNginxConfig(listenPort: number, upstreams: string[], collabUpstream?: string): { dir: string; configFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'masthead-nginx-'));
  for (const sub of ['cache', 'temp']) mkdirSync(join(dir, sub), { recursive: true });
  for (const path of [dir, join(dir, 'cache'), join(dir, 'temp')]) chmodSync(path, 0o777);
  const configFile = join(dir, 'nginx.conf');
  writeFileSync(configFile, localNginxConfig(readFileSync(SHIPPED_CONFIG, 'utf8'), { listenPort, upstreams, dir, collabUpstream }));
  return { dir, configFile };
}

/** `nginx -t` on a config file: its output, and whether it passed. */
export function testNginxConfig(nginx: string, dir: string, configFile: string): { ok: boolean; output: string } {
  const result = spawnSync(nginx, ['-t', '-p', dir, '-e', join(dir, 'error.log'), '-c', configFile], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

export async function startNginxProxy(nginx: string, listenPort: number, upstreams: string[], collabUpstream?: string): Promise<NginxProxy> {
  const { dir, configFile } = writeLocalNginxConfig(listenPort, upstreams, collabUpstream);
  const child: ChildProcess = spawn(nginx, ['-p', dir, '-e', join(dir, 'error.log'), '-c', configFile], { stdio: ['ignore', 'inherit', 'inherit'] });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGQUIT');
      await new Promise((done) => child.once('exit', done));
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const url = (path: string) => `http://127.0.0.1:${listenPort}${path}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(url('/api/health'), { signal: AbortSignal.timeout(2_000) });
      break;
    } catch (error) {
      if (child.exitCode !== null || attempt === 50) {
        const log = (() => { try { return readFileSync(join(dir, 'error.log'), 'utf8'); } catch { return ''; } })();
        await stop();
        throw new Error(`nginx did not start on port ${listenPort}: ${(error as Error).message}\n${log}`);
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  return { url, dir, configFile, stop };
}
