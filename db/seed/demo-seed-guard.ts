import { runtime } from '@/lib/config';

/**
 * The demo newsroom's accounts share one published password (`masthead-demo`), so they
 * must only ever land in a throwaway database: the embedded one `npm run dev` runs, or one
 * the person explicitly asked for with `--demo`. Never when NODE_ENV=production.
 */
export type DemoSeedContext = { embedded: boolean; demoFlag: boolean; nodeEnv: string | undefined };

export function demoSeedRefusal({ embedded, demoFlag, nodeEnv }: DemoSeedContext): string | null {
  if (nodeEnv === 'production') {
    return 'Not seeding the demo accounts: NODE_ENV is production, and their password is published.';
  }
  if (!embedded && !demoFlag) {
    return [
      'Not seeding the demo accounts into DATABASE_URL: their password is published, so they belong only in a throwaway database.',
      'If this database is one, run `npm run dev -- --demo` (or `npm run preview -- --demo`).',
      'Otherwise create your first account with `npm run user:create -- --email you@example.com --name "Your Name" --role admin`.',
    ].join('\n  ');
  }
  return null;
}

export function assertNotProduction(): void {
  if (runtime.isProduction()) throw new Error(demoSeedRefusal({ embedded: true, demoFlag: true, nodeEnv: 'production' })!);
}
