/** Self time per function from a V8 `.cpuprofile` (what `node --cpu-prof` writes). */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { basename } from 'node:path';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } };
export type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export type SelfTime = { name: string; file: string; ms: number; share: number };
export type ProfileSummary = {
  /** Sampled time inside the window, idle excluded. */
  busyMs: number;
  idleMs: number;
  functions: SelfTime[];
  files: SelfTime[];
};

/**
 * Self time by function and by file, counting only samples inside [fromUs, toUs] (V8's
 * monotonic clock, the same as `process.hrtime` in another process on the machine), so
 * start-up and warm-up stay out of the figures.
 */
export function summarizeProfile(profile: CpuProfile, fromUs = -Infinity, toUs = Infinity): ProfileSummary {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byFunction = new Map<string, { file: string; us: number }>();
  const byFile = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    // A sample stands for the time until the next one.
    const duration = profile.timeDeltas[i + 1] ?? 0;
    if (at < fromUs || at > toUs) continue;
    const frame = frames.get(profile.samples[i]!)!;
    if (frame.functionName === '(idle)') {
      idle += duration;
      continue;
    }
    busy += duration;
    const original = originalPosition(frame);
    const file = original?.file ?? fileLabel(frame.url, frame.functionName);
    const name = original
      ? `${original.name || frame.functionName || '(anonymous)'} ${original.file}:${original.line}`
      : `${frame.functionName || '(anonymous)'}${frame.url ? ` ${basename(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : ''}`;
    const entry = byFunction.get(name) ?? { file, us: 0 };
    entry.us += duration;
    byFunction.set(name, entry);
    byFile.set(file, (byFile.get(file) ?? 0) + duration);
  }
  const share = (us: number) => (busy ? us / busy : 0);
  return {
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    functions: [...byFunction.entries()]
      .map(([name, { file, us }]) => ({ name, file, ms: us / 1000, share: share(us) }))
      .sort((a, b) => b.ms - a.ms),
    files: [...byFile.entries()].map(([file, us]) => ({ name: file, file, ms: us / 1000, share: share(us) })).sort((a, b) => b.ms - a.ms),
  };
}

const sourceMaps = new Map<string, SourceMap | null>();

/**
 * Minified bundles (Next's runtimes, the app's chunks) name their functions `a`, `tD`…;
 * their source maps, next to them, give the original file, line and (often) name.
 */
function originalPosition(frame: ProfileNode['callFrame']): { name: string; file: string; line: number } | null {
  if (!frame.url.startsWith('file://') && !frame.url.startsWith('/')) return null;
  const path = frame.url.replace(/^file:\/\//, '');
  if (!sourceMaps.has(path)) {
    let map: SourceMap | null = null;
    try {
      if (existsSync(`${path}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
    } catch {
      map = null;
    }
    sourceMaps.set(path, map);
  }
  const map = sourceMaps.get(path);
  if (!map) return null;
  const origin = map.findOrigin(frame.lineNumber + 1, frame.columnNumber + 1) as { name?: string; fileName?: string; lineNumber?: number };
  if (!origin.fileName) return null;
  return { name: origin.name ?? '', file: originalFileLabel(origin.fileName, path), line: origin.lineNumber ?? 0 };
}

/** An original source named by package and path: `next/src/server/base-server.ts`, `proxy.ts`. */
function originalFileLabel(source: string, generatedPath: string): string {
  const project = /^turbopack:\/\/\/\[project\]\/(.*)$/.exec(source)?.[1];
  const path = project ?? source.replace(/^[a-z]+:\/\/\/?/, '');
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (inPackage) return `${inPackage[1]}/${inPackage[2]}`;
  if (project) return project;
  // Relative to the bundle (`../../src/server/…`): name the package the bundle belongs to.
  const owner = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(generatedPath)?.[1];
  const stripped = path.replace(/\/\.\//g, '/').replace(/^(\.\.?\/)+/, '');
  return owner && !stripped.startsWith(`${owner}/`) ? `${owner}/${stripped}` : stripped;
}

/** Where a function lives, shortened: a Next runtime bundle, an app chunk, React, Node. */
function fileLabel(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const path = url.replace(/^file:\/\//, '');
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (inPackage) return `${inPackage[1]}/${inPackage[2]!.split('/').slice(-1)[0]}`;
  if (path.includes('/.next/server/')) return `.next/server/${path.split('/.next/server/')[1]}`;
  return path.startsWith('node:') ? path : basename(path);
}
