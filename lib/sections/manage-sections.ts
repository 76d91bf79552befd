import 'server-only';
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { articles, sections } from '@/db/schema';
import { ActionError } from '@/lib/errors';
import { recordAudit } from '@/lib/audit/record-audit';
import { expireTags } from '@/lib/cache/expire';
import { cacheTags } from '@/lib/cache/tags';
import { slugify, SLUG_PATTERN } from '@/lib/content/slug';
import { assertCan, type Actor } from '@/lib/permissions';

export type SectionRow = { id: number; slug: string; name: string; description: string; position: number; stories: number; published: number };

/** Sections in navigation order, with how many stories each holds. */
export async function findSectionsForAdmin(actor: Actor): Promise<SectionRow[]> {
  assertCan(actor, 'sections.manage');
  return db
    .select({
      id: sections.id,
      slug: sections.slug,
      name: sections.name,
      description: sections.description,
      position: sections.position,
      stories: count(articles.id),
      published: sql<number>`count(*) filter (where ${articles.status} = 'published')::int`,
    })
    .from(sections)
    .leftJoin(articles, eq(articles.sectionId, sections.id))
    .groupBy(sections.id)
    .orderBy(asc(sections.position), asc(sections.id));
}

const changed = () => expireTags(cacheTags.sections, cacheTags.publishedLists);

export async function createSection(actor: Actor, ip: string, input: { name: string; slug: string; description: string }) {
  assertCan(actor, 'sections.manage');
  const slug = input.slug || slugify(input.name);
  if (!SLUG_PATTERN.test(slug)) throw new ActionError('Use lowercase letters, digits and hyphens.', 'invalid', { slug: ['Use lowercase letters, digits and hyphens.'] });
  const [taken] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug));
  if (taken) throw new ActionError('Another section already has this address.', 'invalid', { slug: ['Already in use.'] });
  const [last] = await db.select({ position: sql<number>`coalesce(max(${sections.position}), -1)::int` }).from(sections);
  const [row] = await db.insert(sections).values({ name: input.name, slug, description: input.description, position: (last?.position ?? -1) + 1 }).returning({ id: sections.id });
  await recordAudit(db, { actorId: actor.id, action: 'section.created', details: { sectionId: row!.id, slug }, ip });
  await changed();
  return row!;
}

/** Renames or re-describes a section. Its address stays: readers and search engines hold it. */
export async function updateSection(actor: Actor, ip: string, id: number, input: { name: string; description: string }) {
  assertCan(actor, 'sections.manage');
  const [row] = await db.update(sections).set(input).where(eq(sections.id, id)).returning({ id: sections.id });
  if (!row) throw new ActionError('This section no longer exists.');
  await recordAudit(db, { actorId: actor.id, action: 'section.updated', details: { sectionId: id }, ip });
  await changed();
}

/** Moves a section one place up or down in the navigation. */
export async function moveSection(actor: Actor, ip: string, id: number, direction: 'up' | 'down') {
  assertCan(actor, 'sections.manage');
  await db.transaction(async (tx) => {
    const ordered = await tx.select({ id: sections.id }).from(sections).orderBy(asc(sections.position), asc(sections.id)).for('update');
    const index = ordered.findIndex((s) => s.id === id);
    const swap = index + (direction === 'up' ? -1 : 1);
    if (index === -1 || swap < 0 || swap >= ordered.length) return;
    [ordered[index], ordered[swap]] = [ordered[swap]!, ordered[index]!];
    for (const [position, section] of ordered.entries()) await tx.update(sections).set({ position }).where(eq(sections.id, section.id));
    await recordAudit(tx, { actorId: actor.id, action: 'section.moved', details: { sectionId: id, direction }, ip });
  });
  await changed();
}

/** Deletes a section that holds no stories; otherwise refuses, saying how many. */
export async function deleteSection(actor: Actor, ip: string, id: number) {
  assertCan(actor, 'sections.manage');
  const [used] = await db.select({ n: count() }).from(articles).where(eq(articles.sectionId, id));
  if ((used?.n ?? 0) > 0) throw new ActionError(`This section holds ${used!.n} stor${used!.n === 1 ? 'y' : 'ies'}. Move them to another section first.`, 'conflict');
  const [others] = await db.select({ n: count() }).from(sections).where(and(ne(sections.id, id)));
  if ((others?.n ?? 0) === 0) throw new ActionError('The paper needs at least one section.');
  const [row] = await db.delete(sections).where(eq(sections.id, id)).returning({ slug: sections.slug });
  if (!row) throw new ActionError('This section no longer exists.');
  await recordAudit(db, { actorId: actor.id, action: 'section.deleted', details: { sectionId: id, slug: row.slug }, ip });
  await changed();
}
