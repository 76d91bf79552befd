/**
 * The bare Next app in bench/bare-next, serving a saved copy of a Masthead article: what the
 * framework alone costs for a page of that size. It is built in a folder of its own (under
 * the system's temp folder, kept between runs) whose node_modules are hard links to the
 * project's next and react: no second install, and Turbopack, rooted there, cannot pick up
 * the project's proxy.ts and instrumentation.ts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { request } from './http';

const SOURCE = resolve('bench/bare-next');
const BUILD_DIR = join(tmpdir(), `masthead-bench-bare-next-${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 8)}`);
const HASH_FILE = join(BUILD_DIR, '.next', 'bench-source-hash');
const PACKAGES = ['next', 'react', 'react-dom', 'typescript', '@types/react', '@types/react-dom', '@types/node'];

export type BareNext = { url: (path: string) => string; distDir: string; pid: number; stop(): Promise<void> };

/** The visible markup of a page: its inlined styles and its body, without scripts. */
export function visibleMarkup(html: string): string {
  const styles = html.match(/<style[\s\S]*?<\/style>/g) ?? [];
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
  return styles.join('') + body.replace(/<script[\s\S]*?<\/script>/g, '');
}

/** Copies the sources and the saved page in; builds when the sources changed (or there is no build). */
export async function prepareBareNext(markup: string, options: { skipBuild: boolean; log: (line: string) => void }): Promise<string> {
  const sourceHash = hashTree(SOURCE) + readPackageVersion('next');
  rmSync(join(BUILD_DIR, 'app'), { recursive: true, force: true });
  mkdirSync(BUILD_DIR, { recursive: true });
  cpSync(SOURCE, BUILD_DIR, { recursive: true });
  linkPackages(resolve('node_modules'), join(BUILD_DIR, 'node_modules'), PACKAGES);
  const content = join(BUILD_DIR, 'content');
  rmSync(content, { recursive: true, force: true });
  mkdirSync(content);
  // A new name per copy: the first request renders it, later ones are cache hits, as for an article.
  const name = `article-${createHash('sha256').update(markup).digest('hex').slice(0, 12)}`;
  writeFileSync(join(content, `${name}.html`), markup);
  const built = existsSync(HASH_FILE) && readFileSync(HASH_FILE, 'utf8') === sourceHash;
  if (built || (options.skipBuild && existsSync(HASH_FILE))) {
    options.log(`Reusing the bare Next build in ${BUILD_DIR}.`);
  } else {
    options.log(`Building the bare Next app (bench/bare-next) in ${BUILD_DIR}…`);
    const build = spawnSync(process.execPath, [nextBin(), 'build'], { cwd: BUILD_DIR, stdio: 'inherit', env: nextEnv() });
    if (build.status !== 0) throw new Error('Building bench/bare-next failed.');
    writeFileSync(HASH_FILE, sourceHash);
  }
  return `/articles/${name}`;
}

export async function startBareNext(port: number): Promise<BareNext> {
  const child: ChildProcess = spawn(process.execPath, [nextBin(), 'start', '--port', String(port)], { cwd: BUILD_DIR, stdio: 'inherit', env: nextEnv() });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    }
  };
  const url = (path: string) => `http://localhost:${port}${path}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await request(url('/like'))).status === 200) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || attempt === 120) {
      await stop();
      throw new Error(`The bare Next app did not start on port ${port}.`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return { url, distDir: join(BUILD_DIR, '.next'), pid: child.pid!, stop };
}

const nextBin = () => join(BUILD_DIR, 'node_modules/next/dist/bin/next');
const nextEnv = (): NodeJS.ProcessEnv => ({ ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });
const versionOf = (packageDir: string) => (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
const readPackageVersion = (name: string) => versionOf(resolve('node_modules', name));

function hashTree(dir: string): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    for (const entry of readdirSync(path).sort()) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(relative(dir, full)).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** Hard links (cp -al) of the packages and everything they depend on that is installed. */
function linkPackages(from: string, to: string, roots: string[]): void {
  const needed = new Set<string>();
  const visit = (name: string) => {
    if (needed.has(name) || !existsSync(join(from, name, 'package.json'))) return;
    needed.add(name);
    const manifest = JSON.parse(readFileSync(join(from, name, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dependency);
  };
  roots.forEach(visit);
  for (const name of needed) {
    const target = join(to, name);
    if (existsSync(join(target, 'package.json'))) {
      if (versionOf(target) === versionOf(join(from, name))) continue;
      rmSync(target, { recursive: true, force: true });
    }
    mkdirSync(dirname(target), { recursive: true });
    const copy = spawnSync('cp', ['-al', join(from, name), target]);
    if (copy.status !== 0) throw new Error(`Could not link ${name} into ${to}: ${copy.stderr}`);
  }
}
