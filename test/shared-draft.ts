import { markupToDocument } from '@/db/seed/markup';
import type { SharedDraft } from '@/lib/collab/story-document';

/** A complete story draft as the shared document holds it, with some fields changed. */
export const sharedDraft = (change: Partial<SharedDraft> = {}): SharedDraft => ({
  headline: 'Harbour bridge reopens',
  deck: 'Traffic flows again',
  slug: 'harbour-bridge',
  sectionId: 4,
  tags: ['Transport'],
  bylineIds: ['0b6e2f7e-2c1f-4f36-9a55-1d1e7f0c2a10'],
  heroMediaId: null,
  seoTitle: '',
  seoDescription: '',
  embargoUntil: null,
  body: markupToDocument(['First paragraph with **bold** text.', 'Second paragraph.']),
  ...change,
});
