/**
 * Page params arrive percent-encoded; a name that is not valid percent-encoding (a stray `%`)
 * is taken as written instead of failing the page.
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
