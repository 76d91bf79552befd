import type { Metadata } from 'next';
import { MediaCard } from '@/components/newsroom/media/media-card';
import { UploadZone } from '@/components/newsroom/media/upload-zone';
import { requireCapability } from '@/lib/auth/require-user';
import { formatPublishedTime } from '@/lib/site-time';
import { findLibrary, MEDIA_PAGE_SIZE, mediaFilterSchema } from '@/lib/media/manage-media';
import { maxUploadBytes } from '@/lib/media/upload-media';
import { can } from '@/lib/permissions';

export const metadata: Metadata = { title: 'Media' };
export const instant = false;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function MediaPage({ searchParams }: Props) {
  const user = await requireCapability('media.upload');
  const raw = await searchParams;
  const filter = mediaFilterSchema.parse({ q: first(raw.q), before: first(raw.before) });
  const items = await findLibrary(user, filter);
  const older = items.length === MEDIA_PAGE_SIZE ? new URLSearchParams({ ...(filter.q ? { q: filter.q } : {}), before: items.at(-1)!.createdAt.toISOString() }) : null;
  return (
    <div className="grid gap-8">
      <h1 className="text-2xl font-bold">Media</h1>
      <UploadZone maxBytes={maxUploadBytes()} />
      <section aria-labelledby="library-heading" className="grid gap-3">
        <h2 id="library-heading" className="text-lg font-bold">Library</h2>
        <form method="get" className="flex gap-2" role="search">
          <label className="flex-1">
            <span className="sr-only">Search pictures</span>
            <input type="search" name="q" defaultValue={filter.q ?? ''} placeholder="Caption, credit, alt text or uploader" maxLength={200} className="w-full rounded border border-rule bg-paper px-3 py-2" />
          </label>
          <button type="submit" className="rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">Search</button>
        </form>
        {items.length === 0 ? (
          <p className="text-muted">{filter.q ? `No pictures match “${filter.q}”.` : 'The library is empty. Upload pictures above.'}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {items.map((item) => (
              <MediaCard key={item.id} item={{ ...item, uploaded: formatPublishedTime(item.createdAt) }} canDelete={can(user, 'media.delete')} />
            ))}
          </ul>
        )}
        {older && <p><a href={`/newsroom/media?${older}`} className="font-semibold underline">Older pictures →</a></p>}
      </section>
    </div>
  );
}
