import 'server-only';
import { z } from 'zod';
import { documentText } from '@/lib/content/document';
import { cleanTextField, documentField } from '@/lib/content/field-schemas';
import { POLL_SECONDS } from './live-rules';

const articleId = z.string().uuid();
const updateId = z.coerce.number().int().positive();

/** Form checkboxes arrive as "on", fetch callers as booleans. */
const flag = z.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal('false')]).transform((v) => v === true || v === 'on' || v === 'true');

/** An update as the desk sends it: a short rich-text entry, optional headline and picture. */
export const updateFieldsSchema = z
  .object({
    headline: cleanTextField(200, 'Keep the headline under 200 characters.').default(''),
    body: documentField('The update could not be read.'),
    mediaId: z.string().uuid().nullable().default(null),
    authorIds: z.array(z.string().uuid()).min(1, 'Add at least one author.').max(5, 'Use at most five authors.'),
    keyEvent: flag.default(false),
    pinned: flag.default(false),
  })
  .superRefine((fields, ctx) => {
    const words = documentText(fields.body).length;
    if (words === 0 && !fields.mediaId) ctx.addIssue({ code: 'custom', path: ['body'], message: 'Write the update (or choose a picture).' });
    if (words > 20_000) ctx.addIssue({ code: 'custom', path: ['body'], message: 'An update is a short entry: keep it under 20,000 characters.' });
  });
export type UpdateFields = z.infer<typeof updateFieldsSchema>;

export const postUpdateInput = z.object({ articleId, intent: z.enum(['post', 'draft']), fields: updateFieldsSchema });
export const editUpdateInput = z.object({ articleId, updateId, intent: z.enum(['post', 'save']), fields: updateFieldsSchema });
export const updateRefInput = z.object({ articleId, updateId });
export const toggleInput = z.object({ articleId, updateId, on: flag });
export const blogRefInput = z.object({ articleId });
export const liveSettingsInput = z.object({
  articleId,
  pollSeconds: z.coerce
    .number()
    .int('Use whole seconds.')
    .min(POLL_SECONDS.min, `Readers' pages ask at most every ${POLL_SECONDS.min} seconds.`)
    .max(POLL_SECONDS.max, `Readers' pages ask at least every ${POLL_SECONDS.max} seconds.`),
  reportersMayPost: flag.default(false),
});
