import type { Database } from '../client';
import { processImage } from '@/lib/media/process-image';
import { saveMedia } from '@/lib/media/save-media';
import { demoIllustration, demoPortrait } from './demo-images';
import { demoPeople, demoSections } from './people';

const CREDIT = 'Illustration: Courier graphics desk';
const CAPTIONS = [
  'The city skyline over the water at dusk.',
  'Evening light over the towers and the harbour.',
];

/** Runs `work` over `items`, two at a time (image encoding is CPU-bound). */
async function inPairs<T, R>(items: T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += 2) {
    results.push(...(await Promise.all(items.slice(i, i + 2).map((item, j) => work(item, i + j)))));
  }
  return results;
}

/** Two illustrations per section and a portrait per person, through the real upload pipeline. */
export async function createDemoMedia(db: Database) {
  const jobs = demoSections.flatMap((section, s) => [0, 1].map((n) => ({ section: section.slug, seed: s * 2 + n, n })));
  const illustrations = await inPairs(jobs, async (job) => {
    const image = await processImage(await demoIllustration(job.section, job.seed));
    const { id } = await saveMedia(db, {
      image,
      originalFilename: `${job.section}-${job.n + 1}.jpg`,
      altText: 'Illustration of tower blocks on a waterfront, with the sun low in the sky.',
      caption: CAPTIONS[job.n]!,
      credit: CREDIT,
      uploadedBy: null,
    });
    return { section: job.section, id };
  });
  const portraits = await inPairs(demoPeople, async (person, i) => {
    const image = await processImage(await demoPortrait(i));
    const { id } = await saveMedia(db, {
      image,
      originalFilename: `${person.key}.jpg`,
      altText: `Portrait illustration of ${person.displayName}.`,
      credit: CREDIT,
      uploadedBy: null,
    });
    return [person.key, id] as const;
  });
  const bySection = new Map<string, string[]>();
  for (const { section, id } of illustrations) bySection.set(section, [...(bySection.get(section) ?? []), id]);
  return { illustrations: bySection, portraits: new Map(portraits) };
}
