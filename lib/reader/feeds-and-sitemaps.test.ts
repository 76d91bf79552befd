import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markupToDocument } from '@/db/seed/markup';
import { buildLiveFeed } from '@/lib/live/live-feed';
import { startLiveBlog } from '@/lib/live/manage-live-blog';
import { createUpdate } from '@/lib/live/manage-updates';
import { createArticle, createSection, createUser } from '@/test/factories';
import { templateCopy } from '@/test/template-copy';
import { buildRssFeed } from './feeds';
import { buildNewsSitemap, buildSitemap, buildSitemapFile } from './sitemaps';

// A database of this file's own (the app's pool opens on first use, so it opens on this one).
// The worker's holds what earlier test files left there, and the 'all' list keeps a gap
// where a story was withdrawn (reader-list-writes.ts): five in a row made a sitemap file of
// five below empty, which the schema refuses, after some files and not others.
process.env.DATABASE_URL = await templateCopy(`sitemaps_w${process.env.VITEST_POOL_ID ?? '0'}`, { fresh: true });

const XSD = resolve('test/fixtures/xsd/all-local.xsd');
const INDEX_XSD = resolve('test/fixtures/xsd/siteindex.xsd');
const dir = mkdtempSync(join(tmpdir(), 'masthead-xml-'));

function saved(name: string, xml: string) {
  const file = join(dir, name);
  writeFileSync(file, xml);
  return file;
}

const xpath = (file: string, expression: string) =>
  execFileSync('xmllint', ['--nonet', '--xpath', expression, file], { encoding: 'utf8' }).trim();

describe('sitemaps', () => {
  it('are valid against the sitemap and news sitemap schemas', async () => {
    await createArticle({ status: 'published', headline: 'Tides & <tricky> "quotes" \u0001 in a headline' });
    for (const [name, xml] of [['sitemap.xml', await buildSitemap()], ['news.xml', await buildNewsSitemap()]] as const) {
      const file = saved(name, xml);
      // Throws (and fails the test) when the file does not validate.
      execFileSync('xmllint', ['--nonet', '--noout', '--schema', XSD, file], { stdio: 'pipe' });
    }
    expect(await buildNewsSitemap()).toContain('Tides &amp; &lt;tricky&gt; &quot;quotes&quot;  in a headline');
  });
});

describe('a large site', () => {
  it('gets a sitemap index whose files hold every story once, all valid', async () => {
    for (let i = 0; i < 12; i++) await createArticle({ status: 'published' });
    const perFile = 5;
    const index = await buildSitemap(perFile);
    const indexFile = saved('index.xml', index);
    execFileSync('xmllint', ['--nonet', '--noout', '--schema', INDEX_XSD, indexFile], { stdio: 'pipe' });
    const files = Number(xpath(indexFile, "count(//*[local-name()='sitemap'])"));
    expect(files).toBeGreaterThan(1);
    const seen: string[] = [];
    for (let n = 1; n < files; n++) {
      const xml = (await buildSitemapFile(n, perFile))!;
      const file = saved(`part-${n}.xml`, xml);
      execFileSync('xmllint', ['--nonet', '--noout', '--schema', XSD, file], { stdio: 'pipe' });
      seen.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(await buildSitemapFile(files + 1, perFile)).toBeNull();
  });
});

describe('RSS feeds', () => {
  it('follow the RSS 2.0 rules the W3C validator checks', async () => {
    const section = await createSection();
    await createArticle({ status: 'published', sectionId: section.id, headline: 'Feed story <one> ]]> \u0001 end' });
    const live = await createArticle({ status: 'published', sectionId: section.id });
    const editor = await createUser({ role: 'editor' });
    const actor = { id: editor.id, role: editor.role };
    await startLiveBlog({ actor, ip: '', articleId: live.id });
    const update = { body: markupToDocument(['Ferries <run> ]]> again \u0001.']), mediaId: null, keyEvent: false, pinned: false, authorIds: [editor.id] };
    await createUpdate({ actor, ip: '', articleId: live.id, intent: 'post', fields: { ...update, headline: '' } });
    await createUpdate({ actor, ip: '', articleId: live.id, intent: 'post', fields: { ...update, headline: 'Harbour <reopens>' } });
    const liveFeed = await buildLiveFeed({ id: live.id, slug: live.slug, headline: live.headline, deck: '' });
    for (const xml of [await buildRssFeed(null), await buildRssFeed({ id: section.id, slug: section.slug, name: section.name, description: '' }), liveFeed]) {
      const file = saved('feed.xml', xml);
      expect(xpath(file, 'name(/*)')).toBe('rss');
      expect(xpath(file, 'string(/rss/@version)')).toBe('2.0');
      expect(xpath(file, "string(//*[local-name()='link' and namespace-uri()='http://www.w3.org/2005/Atom']/@rel)")).toBe('self');
      expect(Number(xpath(file, 'count(//item)'))).toBeGreaterThan(0);
      for (const missing of ['guid', 'title', 'link', 'description', 'pubDate']) {
        expect(xpath(file, `count(//item[not(${missing})])`), `items without ${missing}`).toBe('0');
      }
      expect(xpath(file, "count(//item/link[not(starts-with(., 'http'))])")).toBe('0');
      const dates = xpath(file, 'string(//item[1]/pubDate)');
      expect(dates).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    }
    // The live blog's feed: its updates, newest first, each linking to its own address.
    const liveFile = saved('live.xml', liveFeed);
    expect(xpath(liveFile, 'count(//item)')).toBe('2');
    expect(xpath(liveFile, 'string(//item[1]/title)')).toBe('Harbour <reopens>');
    expect(xpath(liveFile, 'string(//item[2]/title)')).toMatch(/^Ferries <run> /);
    expect(xpath(liveFile, 'string(//item[1]/link)')).toMatch(new RegExp(`/articles/${live.slug}/updates/\\d+$`));
  });
});
