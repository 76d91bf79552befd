import 'server-only';
import { inArray } from 'drizzle-orm';
import { readerDb, type Database } from '@/db/client';
import { media, type MediaRendition } from '@/db/schema';

/** What a reader page needs to show a picture well. */
export type ReaderImage = {
  id: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  blurDataUrl: string;
  renditions: Pick<MediaRendition, 'key' | 'format' | 'width'>[];
};

/** Pictures by id, from the replica for reader pages; the newsroom's previews pass the primary. */
export async function findReaderImages(ids: (string | null | undefined)[], executor: Database = readerDb): Promise<Map<string, ReaderImage>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await executor
    .select({
      id: media.id,
      width: media.width,
      height: media.height,
      alt: media.altText,
      caption: media.caption,
      credit: media.credit,
      blurDataUrl: media.blurDataUrl,
      renditions: media.renditions,
    })
    .from(media)
    .where(inArray(media.id, wanted));
  return new Map(
    rows
      // A picture without alt text never reaches readers (the workflow also refuses it).
      .filter((row) => row.alt.trim() !== '')
      .map((row) => [
        row.id,
        { ...row, renditions: row.renditions.map(({ key, format, width }) => ({ key, format, width })) },
      ]),
  );
}
