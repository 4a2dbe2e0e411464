/**
 * Links as footnotes in print: a printed page cannot be clicked, so every link of a page's
 * printed content gets a number, and the page ends with the numbered list of the addresses
 * (one number per distinct address). The list is `hidden` on screen; the print stylesheet
 * shows it and puts each number after its link. Links inside `<nav>`, inside an element
 * marked `data-print-hide` (also hidden in print) or to a place on the same page
 * (`#…`) are not numbered.
 */
import { Parser } from 'htmlparser2';

const SKIP_TAGS = new Set(['nav', 'header', 'footer', 'dialog', 'template']);
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Numbers the links of the page's `<main>` and appends the list of their addresses.
 * `pageUrl` is the page's own absolute address, against which relative links resolve.
 * Returns the HTML unchanged when the page has no such link.
 */
export function addPrintNotes(html: string, pageUrl: string): string {
  const inserts: { at: number; text: string }[] = [];
  const numbers = new Map<string, number>();
  const stack: { name: string; skip: boolean }[] = [];
  let inMain = false;
  let mainEnd = -1;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const skipping = stack.at(-1)?.skip ?? false;
        if (name === 'main') inMain = true;
        const skip = skipping || SKIP_TAGS.has(name) || 'data-print-hide' in attributes || 'hidden' in attributes;
        if (!VOID_TAGS.has(name)) stack.push({ name, skip });
        const href = attributes.href;
        if (name !== 'a' || !inMain || skip || href === undefined || href === '' || href.startsWith('#')) return;
        const address = new URL(href, pageUrl).href;
        let number = numbers.get(address);
        if (number === undefined) numbers.set(address, (number = numbers.size + 1));
        inserts.push({ at: parser.startIndex + '<a'.length, text: ` data-print-note="${number}"` });
      },
      onclosetag(name) {
        // Pop to the matching tag; HTML's implied closings leave no orphan on the stack.
        const index = stack.findLastIndex((entry) => entry.name === name);
        if (index >= 0) stack.length = index;
        if (name === 'main' && inMain) {
          inMain = false;
          mainEnd = parser.startIndex;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (numbers.size === 0 || mainEnd < 0) return html;

  const items = [...numbers.keys()].map((address) => `<li>${escapeHtml(address)}</li>`).join('');
  inserts.push({
    at: mainEnd,
    text: `<section class="print-notes" hidden data-pagefind-ignore="all" aria-labelledby="print-notes-heading"><h2 id="print-notes-heading">Link addresses</h2><ol>${items}</ol></section>`,
  });
  let out = '';
  let from = 0;
  for (const { at, text } of inserts.sort((a, b) => a.at - b.at)) {
    out += html.slice(from, at) + text;
    from = at;
  }
  return out + html.slice(from);
}
