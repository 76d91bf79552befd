// The cache behind 'use cache: search' (next.config.ts `cacheHandlers`): Next's own
// in-memory handler, with a budget of its own. Every distinct query is an entry, and
// queries are unbounded, so in the shared 'use cache' store a stream of made-up queries
// would push out the pages' data; here it can only push out other searches. Tag expiry
// works as for every other entry: this handler reads the same per-process tag manifest.
// Plain JavaScript: Next imports this file at run time, outside its bundles.
import handlers from 'next/dist/server/lib/cache-handlers/default.js';

/** 8 MB: about a thousand result pages. */
export default handlers.createDefaultCacheHandler(8 * 1024 * 1024);
