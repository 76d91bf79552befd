import { slugify } from '@/lib/content/slug';
import { asStored, withoutControls } from './payloads';
import type { Page } from '@playwright/test';
import { loadWorkingDraft } from '@/lib/collab/save-shared-document';
import { act, count, problem, visit, type Campaign } from './session';
import { openSharedStory } from './shared-story';

/** What the collaboration server answers when a field does not fit (lib/collab/save-shared-document.ts). */
const NOT_SAVED = 'Not saved — check the fields.';

type DocNode = { type: string; text?: string; attrs?: Record<string, unknown>; marks?: { type: string; attrs?: Record<string, unknown> }[]; content?: DocNode[] };
type Draft = { headline: string; deck: string; slug: string; sectionId: number; tags: string[]; bylineIds: string[]; heroMediaId: string | null; seoTitle: string; seoDescription: string; embargoUntil: string | null; body: DocNode };

/** What one story carries: a packed value for each of its fields. */
export type StoryValues = { headline: string; deck: string; tags: string[]; seoTitle: string; seoDescription: string; body: string[] };

const paragraph = (text: string, marks?: DocNode['marks']): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });

/**
 * The body as the story editor writes it into the shared document: each payload as a paragraph of text, then each
 * payload as the target of a link (the editor refuses non-web links; a hostile client
 * could still send them, and the server must drop them), then the library's pictures.
 */
function bodyOf(c: Campaign, values: StoryValues, pictures: string[]): DocNode {
  return {
    type: 'doc',
    content: [
      paragraph(`hostile ${c.runId}`),
      ...values.body.map((text) => paragraph(text)),
      ...values.body.map((href) => paragraph('a link', [{ type: 'link', attrs: { href } }])),
      ...values.body.map((text) => paragraph('web link', [{ type: 'link', attrs: { href: `https://example.com/${encodeURIComponent(text).slice(0, 1800)}` } }])),
      ...pictures.map((mediaId) => ({ type: 'image', attrs: { mediaId } })),
    ],
  };
}

const textsOf = (node: DocNode, out: string[] = []) => {
  if (node.type === 'paragraph') out.push((node.content ?? []).map((n) => n.text ?? '').join(''));
  for (const child of node.content ?? []) textsOf(child, out);
  return out;
};
const hrefsOf = (node: DocNode, out: string[] = []) => {
  for (const mark of node.marks ?? []) if (mark.type === 'link') out.push(String(mark.attrs?.href));
  for (const child of node.content ?? []) hrefsOf(child, out);
  return out;
};

export type StoryPlan = { sectionId: number; bylineIds: string[]; pictures: string[]; collabUrl: string };

/**
 * Creates one story, types its packed values into its shared document as the story editor
 * does (shared-story.ts), checks the working copy, publishes it and opens its article page.
 * Returns the live slug and id (or null when it could not be published).
 */
export async function publishHostileStory(c: Campaign, n: number, values: StoryValues, plan: StoryPlan, page: Page): Promise<{ id: string; slug: string } | null> {
  const where = `story ${n}`;
  const created = await act(c, 'createStoryAction', { headline: values.headline, sectionId: plan.sectionId }, where);
  const id = created.redirect?.split('/').at(-1);
  if (!id) {
    if (created.result && !created.result.ok) count(c, 'refused with a message');
    return null;
  }
  const story = await openSharedStory(c, plan.collabUrl, id, where);
  if (!story) return null;
  try {
    const { draft } = await loadWorkingDraft(id);
    const slug = `hostile-${c.runId}-${n}`;
    const fields = {
      ...draft,
      headline: values.headline,
      deck: values.deck,
      slug,
      sectionId: plan.sectionId,
      tags: values.tags,
      bylineIds: plan.bylineIds,
      heroMediaId: plan.pictures[0] ?? null,
      seoTitle: values.seoTitle,
      seoDescription: values.seoDescription,
      embargoUntil: null,
      body: bodyOf(c, values, plan.pictures),
    };
    const saved = await story.write(fields);
    if (!saved.ok) {
      problem(c, 'refused', where, `save: ${saved.message} ${JSON.stringify(saved.fieldErrors)}`);
      return null;
    }
    count(c, 'stories saved');
    const version = await expectStoredAsTyped(c, id, fields, where);
    // `version`: the editor's click names the version they saw (issue 9, item 5).
    const published = await act(c, 'publishAction', { articleId: id, version }, where);
    if (!published.result?.ok) {
      problem(c, 'could not publish', where, published.result?.message ?? 'no result');
      return null;
    }
    count(c, 'stories published');
    if (await visit(c, `/articles/${slug}`, 'article page', page)) {
      const shown = (await page.locator('h1').first().innerText()).replace(/\s+/g, ' ').trim();
      if (shown !== values.headline.replace(/\s+/g, ' ').trim()) problem(c, 'not shown as typed', `article ${slug}`, `headline shown as ${JSON.stringify(shown.slice(0, 120))}, typed ${JSON.stringify(values.headline.slice(0, 120))}`);
    }
    return { id, slug };
  } finally {
    story.leave();
  }
}

/** Reads the working copy back (as the collaboration server reads it): each field must hold what was typed, as the app stores it. */
async function expectStoredAsTyped(c: Campaign, id: string, sent: Draft & { body: DocNode }, where: string): Promise<number | undefined> {
  const loaded = await loadWorkingDraft(id).catch(() => null);
  if (!loaded) return void problem(c, 'lost', where, 'the saved story could not be read back');
  const { version } = loaded;
  const draft = loaded.draft as Draft;
  for (const key of ['headline', 'deck', 'seoTitle', 'seoDescription'] as const) {
    if (draft[key] !== asStored(sent[key])) problem(c, 'lost', where, `${key} stored as ${JSON.stringify(draft[key].slice(0, 100))}, typed ${JSON.stringify(sent[key].slice(0, 100))}`);
  }
  checkTags(c, where, sent.tags, draft.tags);
  // Story text keeps its spaces; only control characters go (lib/content/sanitize-document.ts).
  const typed = textsOf(sent.body).map(withoutControls).filter(Boolean);
  const stored = textsOf(draft.body).filter(Boolean);
  if (JSON.stringify(stored) !== JSON.stringify(typed)) {
    const first = typed.findIndex((t, i) => stored[i] !== t);
    problem(c, 'lost', where, `story text differs from paragraph ${first}: stored ${JSON.stringify(stored[first]?.slice(0, 100))}, typed ${JSON.stringify(typed[first]?.slice(0, 100))}`);
  }
  const hrefs = hrefsOf(draft.body);
  for (const href of hrefs) if (!/^(https?:|mailto:)/i.test(href)) problem(c, 'unsafe link kept', where, href.slice(0, 200));
  count(c, 'link targets sent', hrefsOf(sent.body).length);
  count(c, 'link targets kept (web or mail only)', hrefs.length);
  return version;
}

/**
 * Values longer than a field holds, typed into the shared document, must be refused with
 * "Not saved — check the fields." and a message naming the field, and the working copy
 * left as it was (the editor keeps the typed text on screen).
 */
export async function expectLongValuesRefused(c: Campaign, collabUrl: string, target: { id: string }, longest: string) {
  const story = await openSharedStory(c, collabUrl, target.id, 'too long');
  if (!story) return;
  try {
    const before = await loadWorkingDraft(target.id);
    const tooLong = (n: number) => `${longest} `.repeat(Math.ceil((n + 1) / (longest.length + 1))).slice(0, n + 1);
    const cases: [keyof Draft, unknown][] = [
      ['headline', tooLong(300)],
      ['deck', tooLong(600)],
      ['seoTitle', tooLong(120)],
      ['seoDescription', tooLong(300)],
      ['tags', [tooLong(60)]],
      ['slug', tooLong(80)],
    ];
    for (const [field, value] of cases) {
      const saved = await story.write({ ...before.draft, embargoUntil: null, [field]: value });
      const messages = saved.ok ? undefined : saved.fieldErrors[field];
      if (saved.ok || saved.message !== NOT_SAVED || !messages?.length) problem(c, 'too long and not refused with a message', `story ${field}`, JSON.stringify(saved).slice(0, 200));
      else count(c, 'too-long values refused with a message');
    }
    const after = await loadWorkingDraft(target.id);
    if (after.version !== before.version) problem(c, 'too long and saved anyway', `story ${target.id}`, `the working copy went from version ${before.version} to ${after.version}`);
    // Back to what was saved, so the story's later checks see it as published.
    await story.write(before.draft);
  } finally {
    story.leave();
  }
}

/**
 * Tags are one per slug (lib/workflow/save-story.ts): a typed tag whose slug a tag already
 * has becomes that tag, by design. A typed tag whose slug is empty (nothing but symbols, or
 * no Latin letters or digits at all) is dropped without a word: that is a loss.
 */
function checkTags(c: Campaign, where: string, typed: string[], stored: string[]) {
  const wanted = [...new Set(typed.map((t) => slugify(asStored(t))))];
  const dropped = typed.filter((t) => !slugify(asStored(t)));
  if (dropped.length) problem(c, 'tag dropped without a message', where, `${dropped.length} typed tag(s) with no Latin letters or digits, e.g. ${JSON.stringify(dropped[0]!.slice(0, 80))}`);
  const expected = wanted.filter(Boolean);
  const got = stored.map((t) => slugify(t));
  if (JSON.stringify(got) !== JSON.stringify(expected)) {
    const i = expected.findIndex((slug, n) => got[n] !== slug);
    problem(c, 'lost', where, `tag ${i} stored as ${JSON.stringify(stored[i]?.slice(0, 80))}, typed ${JSON.stringify(typed[i]?.slice(0, 80))}`);
  }
  count(c, 'tags typed', typed.length);
}
