import { inject } from 'vitest';
import { createDatabase } from '@/scripts/lib/databases';

/**
 * A database of the test run's own, copied from its migrated template (test/global-setup.ts),
 * named `<run prefix>_<suffix>`; its URL. `fresh` drops a copy left by an earlier file first.
 */
export function templateCopy(suffix: string, { fresh = false } = {}): Promise<string> {
  const prefix = inject('databasePrefix');
  return createDatabase({ serverUrl: inject('serverUrl'), name: `${prefix}_${suffix}`, template: `${prefix}_template`, replace: fresh });
}
