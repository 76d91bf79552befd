import { describe, expect, it } from 'vitest';
import { cleanTextField, documentField } from './field-schemas';

describe('cleanTextField', () => {
  it('drops control characters and trims', () => {
    expect(cleanTextField(10).parse('  a\u0000b\u200B  ')).toBe('ab');
  });

  it('refuses text that is too long, with the default or the given message', () => {
    expect(cleanTextField(3).safeParse('abcd').error?.issues[0]?.message).toBe('Keep this under 3 characters.');
    expect(cleanTextField(3, 'Too long.').safeParse('abcd').error?.issues[0]?.message).toBe('Too long.');
    expect(cleanTextField(3).parse(' abc ')).toBe('abc');
  });
});

describe('documentField', () => {
  it('keeps the words of a document and drops what is unsafe', () => {
    const sent = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi\u0000', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] };
    expect(documentField('Unreadable.').parse(sent)).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }] });
  });

  it("turns a document that cannot be read into a field error with the sanitiser's reason", () => {
    const parsed = documentField('Unreadable.').safeParse('not a document');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('The story body could not be read.');
  });
});
