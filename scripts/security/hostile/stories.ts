import { slugify } from '@/lib/content/slug';
import { asStored, withoutControls } from './payloads';
import type { Page } from '@playwright/test';
import { act, count, problem, visit, type Campaign } from './session';

type DocNode = { type: string; text?: string; attrs?: Record<string, unknown>; marks?: { type: string; attrs?: Record<string, unknown> }[]; content?: DocNode[] };
type Draft = { headline: string; deck: string; slug: string; sectionId: number; tags: string[]; bylineIds: string[]; heroMediaId: string | null; seoTitle: string; seoDescription: string; body: DocNode };

/** What one story carries: a packed value for each of its fields. */
export type StoryValues = { headline: string; deck: string; tags: string[]; seoTitle: string; seoDescription: string; body: string[] };

const paragraph = (text: string, marks?: DocNode['marks']): DocNode => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });

/**
 * The body as the editor would send it: each payload as a paragraph of text, then each
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

export type StoryPlan = { sectionId: number; bylineIds: string[]; pictures: string[] };

/**
 * Creates, fills, checks and publishes one story from its packed values, then opens its
 * article page. Returns the live slug and id (or null when it could not be published).
 */
export async function publishHostileStory(c: Campaign, n: number, values: StoryValues, plan: StoryPlan, page: Page): Promise<{ id: string; slug: string } | null> {
  const where = `story ${n}`;
  const created = await act(c, 'createStoryAction', { headline: values.headline, sectionId: plan.sectionId }, where);
  const id = created.redirect?.split('/').at(-1);
  if (!id) {
    if (created.result && !created.result.ok) count(c, 'refused with a message');
    return null;
  }
  const loaded = await act(c, 'loadWorkingCopyAction', { articleId: id }, where);
  const copy = loaded.result?.data as { version: number; draft: Draft } | undefined;
  if (!copy) return null;
  const slug = `hostile-${c.runId}-${n}`;
  const fields = {
    ...copy.draft,
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
  const saved = await act(c, 'saveStoryAction', { articleId: id, baseVersion: copy.version, reason: 'save', fields }, where);
  if (!saved.result?.ok) {
    if (saved.result) problem(c, 'refused', where, `save: ${saved.result.message} ${JSON.stringify(saved.result.fieldErrors ?? {})}`);
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
}

/** Reads the working copy back: each field must hold what was sent, as the app stores it. */
async function expectStoredAsTyped(c: Campaign, id: string, sent: Draft & { body: DocNode }, where: string): Promise<number | undefined> {
  const loaded = await act(c, 'loadWorkingCopyAction', { articleId: id }, where);
  const { draft, version } = (loaded.result?.data as { draft: Draft; version: number } | undefined) ?? {};
  if (!draft) return void problem(c, 'lost', where, 'the saved story could not be read back');
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
 * Values longer than a field holds must be refused with a message naming the field, and
 * the story left as it was (the editor keeps the typed text on screen).
 */
export async function expectLongValuesRefused(c: Campaign, story: { id: string }, longest: string) {
  const loaded = await act(c, 'loadWorkingCopyAction', { articleId: story.id }, 'too long');
  const copy = loaded.result?.data as { version: number; draft: Draft } | undefined;
  if (!copy) return;
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
    const saved = await act(c, 'saveStoryAction', { articleId: story.id, baseVersion: copy.version, reason: 'save', fields: { ...copy.draft, embargoUntil: null, [field]: value } }, `too long: ${field}`);
    const messages = saved.result?.fieldErrors?.[field];
    if (saved.result?.ok || !messages?.length) problem(c, 'too long and not refused with a message', `story ${field}`, JSON.stringify(saved.result ?? saved.redirect).slice(0, 200));
    else count(c, 'too-long values refused with a message');
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
