import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { notFound } from 'next/navigation';

/** Saved article markup, written by `npm run bench` (one file per run, named by its hash). */
const CONTENT = join(process.cwd(), 'content');

type Props = { params: Promise<{ slug: string }> };

// Like Masthead's article route: what exists at build is prerendered, later ones are
// rendered on their first request and then served from the cache.
export async function generateStaticParams() {
  const files = await readdir(CONTENT).catch(() => [] as string[]);
  const slugs = files.filter((file) => file.endsWith('.html')).map((file) => file.slice(0, -'.html'.length));
  return (slugs.length > 0 ? slugs : ['none']).map((slug) => ({ slug }));
}

async function savedMarkup(slug: string): Promise<string | null> {
  'use cache';
  if (!/^[a-z0-9-]+$/.test(slug)) return null;
  return readFile(join(CONTENT, `${slug}.html`), 'utf8').catch(() => null);
}

export default async function ArticlePage({ params }: Props) {
  const markup = await savedMarkup((await params).slug);
  if (markup === null) notFound();
  return <div dangerouslySetInnerHTML={{ __html: markup }} />;
}
