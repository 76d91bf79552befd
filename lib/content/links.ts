// No server-only: the editor checks links in the browser with this same rule.

/** A safe link target: http, https or mailto only; null for anything else. */
export function safeLinkHref(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  try {
    const url = new URL(value.trim());
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}
