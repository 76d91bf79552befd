// The cache behind plain 'use cache' (next.config.ts `cacheHandlers.default`): Next's own
// in-memory handler with the 50 MB it has by default. Named here only because Next sizes this
// store and its in-memory copy of whole pages with one setting, `cacheMaxMemorySize`, which
// next.config.ts lowers for the pages (docs/performance.md, "Memory under cold renders").
// Plain JavaScript: Next imports this file at run time, outside its bundles.
import handlers from 'next/dist/server/lib/cache-handlers/default.js';

export const DATA_CACHE_BYTES = 50 * 1024 * 1024;

export default handlers.createDefaultCacheHandler(DATA_CACHE_BYTES);
