import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { readerDb } from '@/db/client';
import { sections, tags, users } from '@/db/schema';
import { cacheTags } from '@/lib/cache/tags';
import { findReaderImages, type ReaderImage } from './images';

export type ReaderSection = { id: number; slug: string; name: string; description: string };

/** Sections in navigation order. */
export async function findSections(): Promise<ReaderSection[]> {
  'use cache';
  cacheLife('days');
  cacheTag(cacheTags.sections);
  return readerDb
    .select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.id));
}

export async function getSectionBySlug(slug: string): Promise<ReaderSection | null> {
  return (await findSections()).find((section) => section.slug === slug) ?? null;
}

export type ReaderTag = { id: number; slug: string; name: string };

export async function getTagBySlug(slug: string): Promise<ReaderTag | null> {
  'use cache';
  cacheLife('days');
  cacheTag(cacheTags.publishedLists);
  const [tag] = await readerDb.select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.slug, slug));
  return tag ?? null;
}

export type ReaderAuthor = {
  id: string;
  slug: string;
  name: string;
  jobTitle: string;
  bio: string;
  photo: ReaderImage | null;
};

/** An active staff member's public profile. */
export async function getAuthorBySlug(slug: string): Promise<ReaderAuthor | null> {
  'use cache';
  cacheLife('days');
  cacheTag(cacheTags.authors);
  const [author] = await readerDb
    .select({
      id: users.id,
      slug: users.slug,
      name: users.displayName,
      jobTitle: users.jobTitle,
      bio: users.bio,
      photoMediaId: users.photoMediaId,
    })
    .from(users)
    .where(and(eq(users.slug, slug), eq(users.active, true)));
  if (!author) return null;
  const photos = await findReaderImages([author.photoMediaId]);
  const { photoMediaId, ...profile } = author;
  return { ...profile, photo: photoMediaId ? (photos.get(photoMediaId) ?? null) : null };
}
