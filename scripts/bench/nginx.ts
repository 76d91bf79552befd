/**
 * nginx serving a saved copy of a page as a static file: the yardstick for every other
 * figure. `/static/` has the page and its gzip copy (gzip_static: stored compressed bytes,
 * as a fix would serve them); `/compressing/` compresses on every request, as Next does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { request } from './http';

export type StaticServer = { url: (path: string) => string; stop(): Promise<void> };

export async function startNginx(nginx: string, port: number, html: Buffer): Promise<StaticServer> {
  const prefix = mkdtempSync(join(tmpdir(), 'masthead-bench-nginx-'));
  // Run as root, nginx's workers drop to `nobody`: they must be able to read the files.
  chmodSync(prefix, 0o755);
  for (const dir of ['www/static', 'www/compressing', 'temp']) mkdirSync(join(prefix, dir), { recursive: true, mode: 0o755 });
  for (const dir of ['static', 'compressing']) writeFileSync(join(prefix, 'www', dir, 'article.html'), html, { mode: 0o644 });
  writeFileSync(join(prefix, 'www/static/article.html.gz'), gzipSync(html, { level: 9 }), { mode: 0o644 });
  const temp = (name: string) => `${name}_temp_path ${join(prefix, 'temp', name)};`;
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `worker_processes auto;
daemon off;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  types { text/html html; }
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  server {
    listen 127.0.0.1:${port};
    root ${join(prefix, 'www')};
    location /static/ { gzip_static on; }
    location /compressing/ { gzip on; }
  }
}
`,
  );
  const child: ChildProcess = spawn(nginx, ['-p', prefix, '-e', join(prefix, 'error.log'), '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGQUIT');
      await new Promise((done) => child.once('exit', done));
    }
    rmSync(prefix, { recursive: true, force: true });
  };
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await request(url('/static/article.html'));
      if (response.status === 200 && response.body.equals(html)) break;
      throw new Error(`nginx answered ${response.status}`);
    } catch (error) {
      if (child.exitCode !== null || attempt === 50) {
        await stop();
        throw new Error(`nginx did not start on port ${port}: ${(error as Error).message}`);
      }
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  return { url, stop };
}
