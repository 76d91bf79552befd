import 'server-only';
import { z } from 'zod';
import { cleanText, sanitizeDocument } from './sanitize-document';

/** Text with control characters removed and trimmed; too long is an error to show, never a silent cut. */
export const cleanTextField = (max: number, tooLong = `Keep this under ${max} characters.`) =>
  z
    .string()
    .transform((value) => cleanText(value).trim())
    .pipe(z.string().max(max, tooLong));

/** A rich-text document, sanitised; one that cannot be read is a field error, never a crash. */
export const documentField = (unreadable: string) =>
  z.unknown().transform((value, ctx) => {
    try {
      return sanitizeDocument(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : unreadable });
      return z.NEVER;
    }
  });
