import 'server-only';
import { z } from 'zod';
import { cleanText, sanitizeDocument } from '@/lib/content/sanitize-document';
import { SLUG_PATTERN } from '@/lib/content/slug';

/** Text with control characters removed; too long is an error to show, never a silent cut. */
const text = (max: number) =>
  z
    .string()
    .transform((value) => cleanText(value).trim())
    .pipe(z.string().max(max, `Keep this under ${max} characters.`));

/** Everything an editor can change in a story's working copy, as sent by the story editor. */
export const storyFieldsSchema = z.object({
  headline: text(300).pipe(z.string().min(1, 'Give the story a headline.')),
  deck: text(600).default(''),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, 'Keep the address under 80 characters.')
    .refine((slug) => slug === '' || SLUG_PATTERN.test(slug), 'Use lowercase letters, digits and single hyphens.')
    .default(''),
  sectionId: z.coerce.number().int().positive('Choose a section.'),
  tags: z.array(text(60).pipe(z.string().min(1))).max(20, 'Use at most 20 tags.').default([]),
  bylineIds: z.array(z.string().uuid()).min(1, 'Add at least one byline.').max(10),
  heroMediaId: z.string().uuid().nullable().default(null),
  seoTitle: text(120).default(''),
  seoDescription: text(300).default(''),
  embargoUntil: z
    .string()
    .datetime({ offset: true })
    .nullable()
    .default(null)
    .transform((value) => (value ? new Date(value) : null)),
  body: z.unknown().transform((value, ctx) => {
    try {
      return sanitizeDocument(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'The story body could not be read.' });
      return z.NEVER;
    }
  }),
});
export type StoryFields = z.infer<typeof storyFieldsSchema>;
