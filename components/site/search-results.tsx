import { Pagination } from './pagination';
import { StoryListItem } from './story-teasers';
import { searchArticles, searchQuerySchema, type SnippetPart } from '@/lib/reader/search';
import { findSections } from '@/lib/reader/taxonomy';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function SearchResultsView({ searchParams }: Props) {
  const raw = await searchParams;
  const query = searchQuerySchema.parse({
    q: first(raw.q) ?? '',
    section: first(raw.section) || undefined,
    from: first(raw.from) || undefined,
    to: first(raw.to) || undefined,
    page: first(raw.page) ?? 1,
  });
  const [sections, results] = await Promise.all([findSections(), searchArticles(query)]);
  const keep: Record<string, string> = { q: query.q };
  if (query.section) keep.section = query.section;
  if (query.from) keep.from = query.from;
  if (query.to) keep.to = query.to;

  return (
    <>
      <form action="/search" method="get" role="search" className="mt-6 grid grid-cols-1 gap-4 rounded border border-rule p-4 font-sans [&>*]:min-w-0">
        <div>
          <label htmlFor="q" className="block text-sm font-semibold">Words to find</label>
          <div className="mt-1 flex gap-2">
            <input id="q" name="q" type="search" defaultValue={query.q} maxLength={200}
              className="min-w-0 flex-1 rounded border border-rule bg-paper px-3 py-2 text-base" />
            <button type="submit" className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">Search</button>
          </div>
          <p className="mt-1 text-xs text-muted">
            Use &quot;quotes&quot; for an exact phrase, a minus sign to leave a word out (-football), and &quot;or&quot; for either word.
          </p>
        </div>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3 [&>*]:min-w-0">
          <div>
            <label htmlFor="section" className="block text-sm font-semibold">Section</label>
            <select id="section" name="section" defaultValue={query.section ?? ''}
              className="mt-1 w-full rounded border border-rule bg-paper px-2 py-2 text-base">
              <option value="">All sections</option>
              {sections.map((section) => (
                <option key={section.slug} value={section.slug}>{section.name}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="from" className="block text-sm font-semibold">Published from</label>
            <input id="from" name="from" type="date" defaultValue={query.from ?? ''}
              className="mt-1 w-full min-w-0 rounded border border-rule bg-paper px-2 py-2 text-base" />
          </div>
          <div>
            <label htmlFor="to" className="block text-sm font-semibold">Published to</label>
            <input id="to" name="to" type="date" defaultValue={query.to ?? ''}
              className="mt-1 w-full min-w-0 rounded border border-rule bg-paper px-2 py-2 text-base" />
          </div>
        </div>
      </form>

      {query.q === '' ? (
        <p className="mt-8 text-lg text-muted">Type a word or a phrase to search every published story.</p>
      ) : results.total === 0 ? (
        <div className="mt-8" role="status">
          <p className="text-lg font-semibold">No stories match “{query.q}”.</p>
          <ul className="mt-2 list-disc pl-6 text-muted">
            <li>Check the spelling, or try fewer or more general words.</li>
            {(query.section || query.from || query.to) && <li>Remove the section or date filters.</li>}
            <li>Very common words such as “the” are ignored.</li>
          </ul>
        </div>
      ) : (
        <section aria-labelledby="results-heading" className="mt-8">
          <h2 id="results-heading" className="font-sans text-sm text-muted" role="status">
            {results.totalIsCapped ? `More than ${results.total.toLocaleString('en-US')}` : results.total.toLocaleString('en-US')}{' '}
            {results.total === 1 ? 'story matches' : 'stories match'} “{query.q}”
          </h2>
          {results.hits.map(({ story, snippet }) => (
            <StoryListItem key={story.id} story={story} headingLevel={3}>
              <Snippet parts={snippet} />
            </StoryListItem>
          ))}
          <Pagination basePath="/search" page={query.page} totalPages={Math.min(results.totalPages, 100)} query={keep} />
        </section>
      )}
    </>
  );
}

function Snippet({ parts }: { parts: SnippetPart[] }) {
  if (parts.length === 0) return null;
  return (
    <p className="mt-2 font-serif text-base text-muted">
      {parts.map((part, i) =>
        part.match ? <mark key={i} className="bg-yellow-200 text-ink dark:bg-yellow-700/60">{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </p>
  );
}
