/**
 * Renders an entry's body to HTML with the site's Markdown pipeline, as the content loader stores
 * it: Markdown as Markdown, and MDX without components read with MDX's syntax (remark-mdx in front),
 * so that it parses exactly as the MDX compiler would parse it. The loader renders on the main
 * thread with the configured pipeline, or on render threads with the same options (src/fs/render-pool-fs.ts).
 */
import { unified, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import type { EntryKey } from '../lib/urls.ts';
import { bodyToMarkdown, type BodyMarkdown } from './body-markdown.ts';

export interface RenderJob {
  format: 'md' | 'mdx';
  body: string;
  /** Titles of the entries the body links to without a label, by `collection/id`. */
  labels: Record<string, string>;
  /** The file's URL (a string, so that a job can go to another thread). */
  fileUrl: string;
  /** When given, the body's Markdown is made too, from the same parse (src/markdown/body-markdown.ts). */
  markdown?: { entry: EntryKey; origin: string; base: string } | undefined;
}

/** What Astro's data store keeps as an entry's `rendered`. */
export interface RenderedBody {
  html: string;
  metadata: {
    headings: { depth: number; slug: string; text: string }[];
    localImagePaths: string[];
    remoteImagePaths: string[];
    imagePaths: string[];
    frontmatter: Record<string, unknown>;
    /** The body as Markdown, when the job asked for it. */
    markdown?: BodyMarkdown;
  };
}

export type RenderBody = (job: RenderJob) => Promise<RenderedBody>;

/** A renderer for both formats from the options of `unified()` (the site's are src/markdown/pipeline.ts). */
export async function makeBodyRenderer(options: UnifiedProcessorOptions): Promise<RenderBody> {
  // No highlighter and no image settings: the site has neither (Shiki's inline styles break the CSP).
  const settings = { syntaxHighlight: false as const };
  // The tree as parsed, before any transform, for the jobs that want their Markdown: by the job's frontmatter object.
  const parsed = new WeakMap<object, Root>();
  const wantsMarkdown = new WeakSet<object>();
  const keepParsed = () => (tree: Root, file: { data: { astro?: { frontmatter?: object } } }) => {
    const frontmatter = file.data.astro?.frontmatter;
    if (frontmatter && wantsMarkdown.has(frontmatter)) parsed.set(frontmatter, structuredClone(tree));
  };
  const plugins = [keepParsed, ...(options.remarkPlugins ?? [])];
  const renderers = {
    md: await unified({ ...options, remarkPlugins: plugins }).createRenderer(settings),
    mdx: await unified({ ...options, remarkPlugins: [remarkMdx, ...plugins] }).createRenderer(settings),
  };
  return async (job) => {
    // The labels travel as frontmatter, where remark-cross-links reads them.
    const frontmatter = { crossLinkLabels: job.labels };
    if (job.markdown) wantsMarkdown.add(frontmatter);
    const { code, metadata } = await renderers[job.format].render(job.body, { frontmatter, fileURL: new URL(job.fileUrl) });
    const tree = parsed.get(frontmatter);
    const markdown = job.markdown && tree ? bodyToMarkdown(tree, { ...job.markdown, titleOf: (key) => job.labels[key] }) : undefined;
    const localImagePaths = metadata.localImagePaths ?? [];
    const remoteImagePaths = metadata.remoteImagePaths ?? [];
    return {
      html: code,
      metadata: {
        headings: metadata.headings,
        localImagePaths,
        remoteImagePaths,
        imagePaths: [...localImagePaths, ...remoteImagePaths],
        // Not the labels the frontmatter carried in: no page reads them back, and every entry would store them.
        frontmatter: {},
        ...(markdown ? { markdown } : {}),
      },
    };
  };
}
