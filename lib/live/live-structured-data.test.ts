import { describe, expect, it } from 'vitest';
import { markupToDocument } from '@/db/seed/markup';
import { getPublishedArticleBySlug } from '@/lib/reader/articles';
import { getSiteSettings } from '@/lib/settings/site-settings';
import { createArticle, createUser } from '@/test/factories';
import { liveBlogJsonLd } from './live-structured-data';
import { endCoverage, startLiveBlog } from './manage-live-blog';
import { createUpdate, editUpdate } from './manage-updates';
import { getLivePage, getReaderLiveBlog } from './reader-live';

/**
 * The part of schema.org's vocabulary a live blog's JSON-LD uses (schema.org 29): each type's
 * parent, the properties it defines itself, and each property's expected types. A node is
 * valid when every property it has is defined on its type or an ancestor and every value is
 * of one of the property's expected types (a listed type or a subtype of one).
 */
const parents: Record<string, string> = {
  CreativeWork: 'Thing',
  Article: 'CreativeWork',
  SocialMediaPosting: 'Article',
  BlogPosting: 'SocialMediaPosting',
  LiveBlogPosting: 'BlogPosting',
  Comment: 'CreativeWork',
  CorrectionComment: 'Comment',
  MediaObject: 'CreativeWork',
  ImageObject: 'MediaObject',
  Organization: 'Thing',
  NewsMediaOrganization: 'Organization',
  Person: 'Thing',
};
const definedOn: Record<string, string[]> = {
  Thing: ['name', 'url', 'description', 'image', 'mainEntityOfPage'],
  CreativeWork: ['headline', 'author', 'publisher', 'datePublished', 'dateModified', 'keywords', 'correction', 'text'],
  Article: ['articleBody', 'articleSection', 'wordCount'],
  LiveBlogPosting: ['coverageStartTime', 'coverageEndTime', 'liveBlogUpdate'],
  Organization: ['logo'],
  MediaObject: ['width', 'height'],
};
const expected: Record<string, string[]> = {
  name: ['Text'],
  url: ['URL'],
  description: ['Text'],
  image: ['ImageObject', 'URL'],
  mainEntityOfPage: ['CreativeWork', 'URL'],
  headline: ['Text'],
  author: ['Person', 'Organization'],
  publisher: ['Person', 'Organization'],
  datePublished: ['Date', 'DateTime'],
  dateModified: ['Date', 'DateTime'],
  keywords: ['Text', 'URL'],
  correction: ['CorrectionComment', 'Text', 'URL'],
  text: ['Text'],
  articleBody: ['Text'],
  articleSection: ['Text'],
  wordCount: ['Integer'],
  coverageStartTime: ['DateTime'],
  coverageEndTime: ['DateTime'],
  liveBlogUpdate: ['BlogPosting'],
  logo: ['ImageObject', 'URL'],
  // schema.org expects Distance or QuantitativeValue; Google's examples give pixels as numbers.
  width: ['Integer'],
  height: ['Integer'],
};

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const isA = (type: string, wanted: string): boolean => type === wanted || (parents[type] !== undefined && isA(parents[type]!, wanted));
const propertiesOf = (type: string): string[] => [...(definedOn[type] ?? []), ...(parents[type] ? propertiesOf(parents[type]!) : [])];

function valueMatches(value: unknown, types: string[], path: string, problems: string[]): boolean {
  if (typeof value === 'object' && value !== null) {
    const type = (value as { '@type'?: string })['@type'];
    if (!type || !types.some((wanted) => isA(type, wanted))) return false;
    problems.push(...nodeProblems(value as Record<string, unknown>, path));
    return true;
  }
  return types.some((kind) => {
    if (kind === 'Text') return typeof value === 'string';
    if (kind === 'URL') return typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value);
    if (kind === 'DateTime') return typeof value === 'string' && DATE_TIME.test(value);
    if (kind === 'Date') return typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value);
    if (kind === 'Integer') return Number.isInteger(value);
    return false;
  });
}

/** Everything in a JSON-LD node (and the nodes inside it) that schema.org does not allow. */
function nodeProblems(node: Record<string, unknown>, path = '$'): string[] {
  const type = node['@type'];
  if (typeof type !== 'string' || !(type in parents)) return [`${path}: unknown @type ${String(type)}`];
  const allowed = propertiesOf(type);
  const problems: string[] = [];
  for (const [property, value] of Object.entries(node)) {
    if (property === '@type' || (property === '@context' && path === '$')) continue;
    if (!allowed.includes(property)) {
      problems.push(`${path}.${property}: not a property of ${type}`);
      continue;
    }
    (Array.isArray(value) ? value : [value]).forEach((each, i) => {
      const at = Array.isArray(value) ? `${path}.${property}[${i}]` : `${path}.${property}`;
      if (!valueMatches(each, expected[property]!, at, problems)) problems.push(`${at}: expected ${expected[property]!.join(' or ')}, got ${JSON.stringify(each)}`);
    });
  }
  return problems;
}

describe('a live blog’s JSON-LD', () => {
  it('is a schema.org LiveBlogPosting: known properties of the right types, updates as BlogPostings, the end time once ended', async () => {
    const editor = await createUser({ role: 'editor' });
    const actor = { id: editor.id, role: editor.role };
    const story = await createArticle({ status: 'published', authorIds: [editor.id] });
    await startLiveBlog({ actor, ip: '192.0.2.14', articleId: story.id });
    const fields = (text: string, headline = '') => ({ headline, body: markupToDocument([text]), mediaId: null, keyEvent: false, pinned: false, authorIds: [editor.id] });
    const first = await createUpdate({ actor, ip: '192.0.2.14', articleId: story.id, intent: 'post', fields: fields('The talks opened at nine.') });
    await createUpdate({ actor, ip: '192.0.2.14', articleId: story.id, intent: 'post', fields: fields('Both sides signed.', 'Agreement signed') });
    await editUpdate({ actor, ip: '192.0.2.14', articleId: story.id, updateId: first.id, intent: 'save', fields: fields('The talks opened at ten.') });

    const jsonLd = async () => {
      const article = (await getPublishedArticleBySlug(story.slug))!;
      const page = await getLivePage(story.id, null);
      return JSON.parse(JSON.stringify(liveBlogJsonLd(article, (await getReaderLiveBlog(story.id))!, page.updates, await getSiteSettings())));
    };

    const open = await jsonLd();
    expect(open['@context']).toBe('https://schema.org');
    expect(open['@type']).toBe('LiveBlogPosting');
    expect(nodeProblems(open)).toEqual([]);
    expect(open.coverageEndTime).toBeUndefined();
    expect(open.liveBlogUpdate.map((u: { headline: string }) => u.headline)).toEqual(['Agreement signed', 'The talks opened at ten.']);
    expect(open.liveBlogUpdate[1].dateModified).toMatch(DATE_TIME);

    await endCoverage({ actor, ip: '192.0.2.14', articleId: story.id });
    const ended = await jsonLd();
    expect(nodeProblems(ended)).toEqual([]);
    expect(Date.parse(ended.coverageEndTime)).toBeGreaterThanOrEqual(Date.parse(ended.coverageStartTime));

    // The checker itself: a misspelt property, a date without its zone and an update of the wrong type are refused.
    const wrong = { ...ended, coverageEnd: ended.coverageEndTime, coverageStartTime: '2026-12-01 10:00', liveBlogUpdate: [{ ...ended.liveBlogUpdate[0], '@type': 'Comment' }] };
    expect(nodeProblems(wrong)).toEqual([
      '$.coverageStartTime: expected DateTime, got "2026-12-01 10:00"',
      expect.stringMatching(/^\$\.liveBlogUpdate\[0\]: expected BlogPosting/),
      '$.coverageEnd: not a property of LiveBlogPosting',
    ]);
    expect(nodeProblems({ ...ended, publisher: { ...ended.publisher, logo: { ...ended.publisher.logo, src: 'x' } } })).toEqual(['$.publisher.logo.src: not a property of ImageObject']);
  });
});
