/** Fetches a page's Markdown once and writes it to the clipboard: the part of `<copy-markdown>` loaded on use. */

export interface MarkdownClipboard {
  /** Starts fetching the Markdown, if it is not already fetched. */
  prefetch(): void;
  /** Writes the Markdown to the clipboard; false when it could not be fetched or written. */
  copy(): Promise<boolean>;
}

export function makeMarkdownClipboard(src: string): MarkdownClipboard {
  let text: Promise<string> | undefined;
  const load = () =>
    (text ??= fetch(src).then((response) => {
      if (!response.ok) throw new Error(`${response.status} for ${src}`);
      return response.text();
    }));
  return {
    prefetch() {
      // A failed fetch is reported by the click that needs it, and tried again then.
      load().catch(() => (text = undefined));
    },
    async copy() {
      try {
        await navigator.clipboard.writeText(await load());
        return true;
      } catch {
        text = undefined;
        return false;
      }
    },
  };
}
