import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // As in Masthead's own config, so the two differ only in what the pages do.
  cacheComponents: true,
  partialPrefetching: false,
  poweredByHeader: false,
  // `npm run bench` builds a copy of this folder that has its own node_modules (hard links
  // to the project's next and react). Its own root keeps Turbopack from compiling the
  // project's proxy.ts and instrumentation.ts, which it finds at the workspace root.
  turbopack: { root: dirname(fileURLToPath(import.meta.url)) },
  // The project's `npm run typecheck` checks these files.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
