import { count, sql } from 'drizzle-orm';
import { makeRevisionLive } from '@/lib/publishing/make-revision-live';
import { takeArticleDown } from '@/lib/publishing/take-article-down';
import { hashPassword } from '@/lib/auth/password';
import { countWords, documentText } from '@/lib/content/document';
import { slugify } from '@/lib/content/slug';
import { siteDay } from '@/lib/site-time';
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
import { createDemoMedia } from './demo-media';
import { assertNotProduction } from './demo-seed-guard';
import { markupToDocument } from './markup';
import { demoDrafts, type DemoDraft } from './newsroom-drafts';
import { demoPeople, demoSections } from './people';
import type { DemoStory } from './story-type';
import { publishedDemoStories } from './stories';

export const DEMO_PASSWORD = 'masthead-demo';
const HOUR = 3_600_000;

/**
 * Fills an empty database with the demo newsroom. Does nothing if anyone has an account.
 * Callers decide whether this database may have the demo accounts (demo-seed-guard.ts);
 * this refuses outright when NODE_ENV=production.
 */
export async function seedDemoContent(db: Database, now = new Date()): Promise<boolean> {
  assertNotProduction();
  const [existing] = await db.select({ n: count() }).from(users);
  if (existing && existing.n > 0) return false;

  const media = await createDemoMedia(db);
  const heroFor = heroAssignments(media.illustrations);

  await db.transaction(async (tx) => {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const people = await tx
      .insert(users)
      .values(
        demoPeople.map(({ key, ...person }) => ({
          ...person,
          slug: slugify(person.displayName),
          passwordHash,
          photoMediaId: media.portraits.get(key),
        })),
      )
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
      const hero = 'hoursAgo' in story ? heroFor.get(story) : undefined;
      if (hero && story === publishedDemoStories.find((s) => s.section === 'port-calder')) {
        // One story shows a picture inside its text too.
        body.content!.splice(3, 0, { type: 'image', attrs: { mediaId: media.illustrations.get('port-calder')![1] } });
      }
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
          heroMediaId: hero,
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
      await tx.update(articles).set({ status: 'published' }).where(sql`${articles.id} = ${articleId}`);
      published.push({ articleId, hoursAgo: story.hoursAgo });
    }

    for (const draft of demoDrafts) {
      const { articleId, revisionId } = await insertStory(draft, new Date(now.getTime() - 30 * HOUR));
      if (draft.status === 'unpublished') {
        // It was live for a while, then withdrawn: its address now answers 410.
        await makeRevisionLive(tx, { articleId, revisionId, publishedAt: new Date(now.getTime() - 26 * HOUR), updatedAt: null });
        await takeArticleDown(tx, articleId, draft.note!, new Date(now.getTime() - HOUR));
        await tx.update(articles).set({ status: 'unpublished' }).where(sql`${articles.id} = ${articleId}`);
        await tx.insert(editorialNotes).values({ articleId, authorId: editorId, kind: 'unpublished', body: draft.note! });
        continue;
      }
      const at = (hours: number | undefined) => (hours === undefined ? null : new Date(now.getTime() + hours * HOUR));
      await tx
        .update(articles)
        .set({
          status: draft.status,
          scheduledFor: at(draft.scheduledInHours),
          embargoUntil: at(draft.embargoInHours),
          submittedAt: draft.status === 'in_review' ? new Date(now.getTime() - (2 + demoDrafts.indexOf(draft)) * HOUR) : null,
        })
        .where(sql`${articles.id} = ${articleId}`);
      if (draft.note) {
        await tx.insert(editorialNotes).values({ articleId, authorId: editorId, kind: 'changes_requested', body: draft.note });
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

/** The three newest stories in each section get a picture, alternating its two illustrations. */
function heroAssignments(illustrations: Map<string, string[]>): Map<DemoStory, string> {
  const result = new Map<DemoStory, string>();
  for (const [section, ids] of illustrations) {
    const newest = publishedDemoStories
      .filter((story) => story.section === section)
      .sort((a, b) => a.hoursAgo - b.hoursAgo)
      .slice(0, 3);
    newest.forEach((story, i) => result.set(story, ids[i % ids.length]!));
  }
  return result;
}
