import 'server-only';

const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for a library that wraps it in CDATA: no characters XML forbids, no `]]>`. */
export function xmlSafe(value: string): string {
  return value.replace(FORBIDDEN_IN_XML, '').replace(/]]>/g, ']] >');
}

/** Text or attribute content for XML: escapes markup and drops characters XML forbids. */
export function xmlText(value: string): string {
  return value
    .replace(FORBIDDEN_IN_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
