/**
 * The Atom feed as text. The `feed` package writes every entry's title and summary as
 * `type="html"` in CDATA, so a reader would render `<b>` in a title as markup (and a `]]>`
 * would end the CDATA early). Titles and descriptions are plain text: each is written as a
 * placeholder, which is then replaced by a `type="text"` element with the text escaped.
 */
import { Feed, type FeedOptions } from 'feed';

export interface FeedItem {
  title: string;
  /** Absolute URL: the entry's id and link. */
  link: string;
  description: string;
  date: Date;
}

/** Text for an XML element: markup characters escaped, characters XML 1.0 cannot hold dropped. */
export function escapeXmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function makeAtomFeed(options: FeedOptions, items: readonly FeedItem[]): string {
  const feed = new Feed(options);
  items.forEach((item, i) => {
    feed.addItem({ title: `@@title-${i}@@`, id: item.link, link: item.link, description: `@@summary-${i}@@`, date: item.date });
  });
  const text = (tag: string, value: string) => `<${tag} type="text">${escapeXmlText(value)}</${tag}>`;
  return feed
    .atom1()
    .replace(/<title type="html"><!\[CDATA\[@@title-(\d+)@@\]\]><\/title>/g, (_, i: string) => text('title', items[Number(i)]!.title))
    .replace(/<summary type="html"><!\[CDATA\[@@summary-(\d+)@@\]\]><\/summary>/g, (_, i: string) => text('summary', items[Number(i)]!.description));
}
