import { count, sql } from 'drizzle-orm';
import { makeRevisionLive } from '@/lib/articles/make-revision-live';
import { hashPassword } from '@/lib/auth/password';
import { countWords, documentText } from '@/lib/content/document';
import { slugify } from '@/lib/content/slug';
import { siteDay } from '@/lib/dates';
import type { Database } from '../client';
import {
  articleRevisions,
  articles,
  corrections,
  dailyViews,
  editorialNotes,
  sections,
  tags,
  users,
} from '../schema';
import { markupToDocument } from './markup';
import { demoDrafts, type DemoDraft } from './newsroom-drafts';
import { demoPeople, demoSections } from './people';
import type { DemoStory } from './story-type';
import { publishedDemoStories } from './stories';

export const DEMO_PASSWORD = 'masthead-demo';
const HOUR = 3_600_000;

/** Fills an empty database with the demo newsroom. Does nothing if anyone has an account. */
export async function seedDemoContent(db: Database, now = new Date()): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(users);
  if (existing && existing.n > 0) return false;

  await db.transaction(async (tx) => {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const people = await tx
      .insert(users)
      .values(demoPeople.map(({ key: _key, ...person }) => ({ ...person, slug: slugify(person.displayName), passwordHash })))
      .returning({ id: users.id, email: users.email });
    const personId = new Map(demoPeople.map((person, i) => [person.key, people[i]!.id]));
    const editorId = personId.get('daniel')!;

    const sectionRows = await tx
      .insert(sections)
      .values(demoSections.map((section, position) => ({ ...section, position })))
      .returning({ id: sections.id, slug: sections.slug });
    const sectionId = new Map(sectionRows.map((row) => [row.slug, row.id]));

    const tagNames = [...new Set([...publishedDemoStories, ...demoDrafts].flatMap((story) => story.tags))];
    const tagRows = await tx
      .insert(tags)
      .values(tagNames.map((name) => ({ name, slug: slugify(name) })))
      .returning({ id: tags.id, name: tags.name });
    const tagId = new Map(tagRows.map((row) => [row.name, row.id]));

    const insertStory = async (story: DemoStory | DemoDraft, createdAt: Date) => {
      const slug = slugify(story.headline);
      const authorIds = story.authors.map((key) => personId.get(key)!);
      const [article] = await tx
        .insert(articles)
        .values({ slug, sectionId: sectionId.get(story.section)!, createdBy: authorIds[0], createdAt, lastEditedAt: createdAt })
        .returning({ id: articles.id });
      const body = markupToDocument(story.body);
      const bodyText = documentText(body);
      const [revision] = await tx
        .insert(articleRevisions)
        .values({
          articleId: article!.id,
          headline: story.headline,
          deck: story.deck,
          slug,
          sectionId: sectionId.get(story.section)!,
          body,
          bodyText,
          wordCount: countWords(bodyText),
          bylineIds: authorIds,
          tagIds: story.tags.map((name) => tagId.get(name)!),
          reason: 'save',
          baseVersion: 1,
          actorId: authorIds[0],
          createdAt,
        })
        .returning({ id: articleRevisions.id });
      await tx.update(articles).set({ currentRevisionId: revision!.id }).where(sql`${articles.id} = ${article!.id}`);
      return { articleId: article!.id, revisionId: revision!.id };
    };

    const published: { articleId: string; hoursAgo: number }[] = [];
    for (const story of publishedDemoStories) {
      const publishedAt = new Date(now.getTime() - story.hoursAgo * HOUR);
      const { articleId, revisionId } = await insertStory(story, new Date(publishedAt.getTime() - 2 * HOUR));
      await makeRevisionLive(tx, { articleId, revisionId, publishedAt, updatedAt: null });
      published.push({ articleId, hoursAgo: story.hoursAgo });
    }

    for (const draft of demoDrafts) {
      const { articleId } = await insertStory(draft, new Date(now.getTime() - 5 * HOUR));
      const at = (hours: number | undefined) => (hours === undefined ? null : new Date(now.getTime() + hours * HOUR));
      await tx
        .update(articles)
        .set({
          status: draft.status,
          scheduledFor: at(draft.scheduledInHours),
          embargoUntil: at(draft.embargoInHours),
          unpublishedAt: draft.status === 'unpublished' ? new Date(now.getTime() - HOUR) : null,
          unpublishReason: draft.status === 'unpublished' ? draft.note : null,
        })
        .where(sql`${articles.id} = ${articleId}`);
      if (draft.note) {
        const kind = draft.status === 'unpublished' ? 'unpublished' : 'changes_requested';
        await tx.insert(editorialNotes).values({ articleId, authorId: editorId, kind, body: draft.note });
      }
    }

    // Two corrections, as a real archive has.
    await tx.insert(corrections).values([
      {
        articleId: published[1]!.articleId,
        body: 'An earlier version of this story gave the number of cooling centres as 104. There are 140.',
        createdBy: editorId,
        createdAt: new Date(now.getTime() - 4 * HOUR),
      },
      {
        articleId: published[9]!.articleId,
        body: 'An earlier version of this story misspelled the name of the bakery owner, Hamid Farouk.',
        createdBy: editorId,
        createdAt: new Date(now.getTime() - 150 * HOUR),
      },
    ]);

    // Views for Most Popular: newer stories read more, with a fixed spread so the demo is stable.
    const days = [siteDay(now), siteDay(new Date(now.getTime() - 24 * HOUR))];
    const views = published.flatMap(({ articleId, hoursAgo }, i) =>
      days.map((day, d) => ({
        day,
        articleId,
        views: Math.round((4000 / (1 + hoursAgo / 24)) * (1 + ((i * 37) % 11) / 10) * (d === 0 ? 1 : 0.6)),
      })),
    );
    await tx.insert(dailyViews).values(views);
  });
  return true;
}
