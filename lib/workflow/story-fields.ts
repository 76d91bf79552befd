import 'server-only';
import { z } from 'zod';
import { cleanTextField, documentField } from '@/lib/content/field-schemas';
import { SLUG_PATTERN } from '@/lib/content/slug';

/** Everything an editor can change in a story's working copy, as sent by the story editor. */
export const storyFieldsSchema = z.object({
  headline: cleanTextField(300).pipe(z.string().min(1, 'Give the story a headline.')),
  deck: cleanTextField(600).default(''),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, 'Keep the address under 80 characters.')
    .refine((slug) => slug === '' || SLUG_PATTERN.test(slug), 'Use lowercase letters, digits and single hyphens.')
    .default(''),
  sectionId: z.coerce.number().int().positive('Choose a section.'),
  tags: z.array(cleanTextField(60).pipe(z.string().min(1))).max(20, 'Use at most 20 tags.').default([]),
  bylineIds: z.array(z.string().uuid()).min(1, 'Add at least one byline.').max(10),
  heroMediaId: z.string().uuid().nullable().default(null),
  seoTitle: cleanTextField(120).default(''),
  seoDescription: cleanTextField(300).default(''),
  embargoUntil: z
    .string()
    .datetime({ offset: true })
    .nullable()
    .default(null)
    .transform((value) => (value ? new Date(value) : null)),
  body: documentField('The story body could not be read.'),
});
export type StoryFields = z.infer<typeof storyFieldsSchema>;
