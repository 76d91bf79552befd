/** A URL's origin, or null when it has none (`null` from sandboxed frames, or not a URL at all). */
export function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
