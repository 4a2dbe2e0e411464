/**
 * The form in which titles and aliases are stored in the `name` search filter, and in which
 * a query is looked up there: an exact name ("BDS", "Roskosmos", "Байконур") puts its entry
 * first, whatever BM25 thinks. Shared by the build and the browser.
 */
export function toSearchName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'«»]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
