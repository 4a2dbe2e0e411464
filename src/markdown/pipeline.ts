/**
 * The site's Markdown pipeline: the options of `unified()` from @astrojs/markdown-remark, in one
 * place. astro.config.mjs hands them to Astro (which renders MDX with components through them), and
 * the content loader's render threads build the same renderer from them (src/fs/render-pool-fs.ts).
 */
import remarkGfm from 'remark-gfm';
import { rehypeUnindexedFootnoteRefs } from './rehype-unindexed-footnote-refs.ts';
import { remarkCrossLinks } from './remark-cross-links.ts';
import { remarkSmartypants } from './remark-smartypants.ts';

export interface PipelineOptions {
  /** The content folder: the cross-link plugin resolves only files under it. */
  contentDir: string;
  /** The base path every internal link is written under. */
  base: string;
}

export function getMarkdownPipeline(options: PipelineOptions) {
  return {
    // GFM is applied once, here; `gfm: false` stops Astro from adding it a second time.
    gfm: false,
    // SmartyPants as Astro does it (first, before the project's plugins), only faster: src/markdown/remark-smartypants.ts.
    smartypants: false,
    remarkPlugins: [remarkSmartypants, remarkGfm, [remarkCrossLinks, { contentDir: options.contentDir, base: options.base }]] as [
      typeof remarkSmartypants,
      typeof remarkGfm,
      [typeof remarkCrossLinks, PipelineOptions],
    ],
    rehypePlugins: [rehypeUnindexedFootnoteRefs],
  };
}
