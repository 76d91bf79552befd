import { describe, expect, it } from 'vitest';
import { read, sourceFiles } from '@/test/source-files';

/** Every statement in `source` that updates the articles table and names its status. */
function statusWrites(source: string): string[] {
  const builder = [...source.matchAll(/\.update\(\s*articles\s*\)([\s\S]*?)(?:\.where\(|;)/g)].map((m) => m[1]!).filter((set) => /\bstatus\b/.test(set));
  const raw = [...source.matchAll(/update\s+(?:"?articles"?|\$\{articles\})\s+set\s+([^`;]*)/gi)].map((m) => m[1]!).filter((set) => /\bstatus\b/.test(set));
  return [...builder, ...raw];
}

describe('one door for a story’s status', () => {
  it('recognises a status write in either form', () => {
    expect(statusWrites("await tx.update(articles).set({ status: 'published' }).where(eq(articles.id, id));")).toHaveLength(1);
    expect(statusWrites("await tx.update(articles)\n  .set({ ...fields, status })\n  .where(x);")).toHaveLength(1);
    expect(statusWrites('await tx.execute(sql`update ${articles} set status = ${s} where id = ${id}`);')).toHaveLength(1);
    expect(statusWrites("await tx.update(articles).set({ scheduledFor: at }).where(eq(articles.id, id));")).toHaveLength(0);
  });

  it('only lib/publishing/apply-transition.ts changes articles.status', () => {
    // Test fixtures and the demo seed build data directly; everything the app runs is checked.
    const writers = sourceFiles(['app', 'lib', 'components', 'proxy.ts', 'instrumentation.ts']).filter((file) => statusWrites(read(file)).length > 0);
    expect(writers).toEqual(['lib/publishing/apply-transition.ts']);
  });
});
