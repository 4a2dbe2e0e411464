/**
 * The one mechanism that reads `content/` for Astro: a content source builds the content
 * model once per sync (once per change in `astro dev`) and its loaders hand each
 * collection its entries, already validated, to Astro's data store. The model is passed
 * to the loaders explicitly, as the object they are made from.
 *
 * A build refuses content with problems. `astro dev` keeps running instead: it logs the
 * problems as the build words them, leaves the store as it was (the last good content), and emits
 * each model on the dev server's watcher (`CONTENT_STATE_EVENT`) for the dev integrations
 * (src/integrations/dev-*.ts), which show the problems in the browser and index search.
 *
 * Astro's own glob loader would read and parse the files a second time; the schemas run
 * here, once, inside the model, so the loaders store the parsed data as it is.
 */
import { isUnifiedProcessor, parseFrontmatter, unified } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import remarkMdx from 'remark-mdx';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative } from 'node:path';
import { readContentModelInParallel } from '../fs/content-model-fs.ts';
import { openParseCache, type StoredParseCache } from '../fs/parse-cache-fs.ts';
import type { CollectionName } from '../lib/collections.ts';
import type { ContentModel, ModelEntry, ValidEntry } from '../lib/content-model.ts';
import { CROSS_LINK, isValidEntry, parseCrossLink } from '../lib/content-model.ts';
import { ContentError, formatProblem, type Problem } from '../lib/errors.ts';
import { entryToKey } from '../lib/urls.ts';

type Store = LoaderContext['store'];

/**
 * In `astro dev`, the content source emits this event on the dev server's file watcher (the
 * one object it shares with the integrations) after each model it builds: the dev
 * integrations show the problems in the browser and re-index search from it.
 */
export const CONTENT_STATE_EVENT = 'orbital-dossier:content-state';

export interface ContentState {
  /** The model just built, problems included. */
  model: ContentModel;
  /** Its problems; while there are any, the data store keeps the last good content (the pages show the problems). */
  problems: Problem[];
}

/** What the terminal shows for the problems of a model in `astro dev`: the build's message for each. */
export function formatDevProblems(problems: readonly Problem[]): string {
  const count = problems.length === 1 ? '1 content problem' : `${problems.length} content problems`;
  return `${count}, shown in every page until ${problems.length === 1 ? 'it is' : 'they are'} fixed:\n\n${problems.map(formatProblem).join('\n\n')}\n`;
}

export interface ContentSource {
  /** The model of the current content; built on first use and after each change. */
  getModel(context?: LoaderContext): Promise<ContentModel>;
  /** A loader for one collection of the model. */
  loader(collection: CollectionName): Loader;
  /** A loader for the link graph: one entry per page, `collection/id` → what it links to and what links to it. */
  graphLoader(): Loader;
}

/** Labels of the unlabelled cross-links of a Markdown body, handed to the renderer with the body. */
function crossLinkLabels(entry: ModelEntry, model: ContentModel): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const m of entry.body.matchAll(CROSS_LINK)) {
    const link = parseCrossLink(m[1]!);
    const target = link && model.entries.get(`${link.collection}/${link.id}`);
    if (target) labels[entryToKey(target)] = target.title;
  }
  return labels;
}

export function makeContentSource(options: { root: string; contentDir: string }): ContentSource {
  let stored: StoredParseCache | undefined;
  let current: Promise<ContentModel> | undefined;
  /** Each collection's store and context, so that one change updates all of them from one new model. */
  const contexts = new Map<string, LoaderContext>();

  let builds = 0;
  const getModel = (context?: LoaderContext) =>
    (current ??= Promise.resolve().then(async () => {
      const started = performance.now();
      // The parsed files of the last build, if any: only changed files are parsed again.
      stored ??= context ? openParseCache(options.root, fileURLToPath(context.config.cacheDir)) : { cache: new Map(), version: '', save: () => {} };
      const known = new Set(stored.cache.keys());
      const model = await readContentModelInParallel(options.root, options.contentDir, stored.cache);
      const digests = [...model.byPath.values()].map((e) => e.digest);
      const parsed = digests.filter((d) => !known.has(d)).length;
      if (parsed > 0 || known.size !== new Set(digests).size) stored.save(digests);
      builds += 1;
      // Said once per model built: a build that says it twice has read the content twice.
      context?.logger.info(
        `Content model #${builds}: ${model.byPath.size} files read, ${parsed} parsed (the others unchanged since the last build), checked in ${Math.round(performance.now() - started)} ms.`,
      );
      return model;
    }));

  async function fill(collection: string, context: LoaderContext, model: ContentModel): Promise<void> {
    const { store } = context;
    const keep = new Set<string>();
    if (collection === graphCollection) {
      for (const [key, outgoing] of model.graph.outgoing) {
        keep.add(key);
        const data = { outgoing, incoming: model.graph.incoming.get(key) ?? [] };
        store.set({ id: key, data, digest: context.generateDigest(data) });
      }
    } else {
      let bodies = 0;
      let rendered = 0;
      for (const entry of model.entries.values()) {
        if (entry.collection !== collection || !isValidEntry(entry)) continue;
        keep.add(entry.id);
        if (entry.format !== 'yaml') bodies += 1;
        if (await setEntry(store, context, entry, model)) rendered += 1;
      }
      // Said when a body was rendered: a rebuild after an edit renders the edited body and those that link to it.
      if (rendered > 0) context.logger.info(`Rendered ${rendered} of ${bodies} bodies (the others unchanged since the last build).`);
    }
    for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  }

  /** Stores one entry; true when its body was rendered here (it was new or changed, or a label it shows changed). */
  async function setEntry(store: Store, context: LoaderContext, entry: ValidEntry, model: ContentModel): Promise<boolean> {
    const filePath = relative(options.root, entry.absolutePath).split('\\').join('/');
    const base = { id: entry.id, data: entry.data, filePath };
    // The stored data is the schemas' output: a change to a schema file (which Astro's own
    // content-config digest does not see) must replace it, so the schemas' digest is part of the key.
    const digest = `${entry.digest}-${stored?.version ?? ''}`;
    if (entry.format === 'mdx' && entry.usesMdx) {
      // Components, JSX or expressions: rendered by Astro's MDX compiler from the file; the body is kept for other outputs.
      if (!store.set({ ...base, body: entry.body, digest, deferredRender: true })) store.addModuleImport(filePath);
      return false;
    } else if (entry.format === 'mdx' || entry.format === 'md') {
      // Rendered here, with the labels of its cross-links: no module per entry for Vite to bundle. An MDX body
      // without components is read with MDX's syntax, so it renders as the MDX compiler would render it.
      const labels = crossLinkLabels(entry, model);
      const renderedDigest = context.generateDigest(`${digest}\n${JSON.stringify(labels)}`);
      if (store.get(entry.id)?.digest === renderedDigest) return false;
      const render = entry.format === 'mdx' ? await getMdxSyntaxRenderer(context) : context.renderMarkdown;
      const rendered = await render(`---\ncrossLinkLabels: ${JSON.stringify(labels)}\n---\n${entry.body}`, {
        fileURL: pathToFileURL(entry.absolutePath),
      });
      store.set({ ...base, body: entry.body, digest: renderedDigest, rendered });
      return true;
    }
    store.set({ ...base, digest });
    return false;
  }

  let mdxSyntaxRenderer: Promise<Render> | undefined;
  /** The project's Markdown pipeline (its remark and rehype plugins, as configured) reading MDX's syntax. */
  function getMdxSyntaxRenderer(context: LoaderContext): Promise<Render> {
    return (mdxSyntaxRenderer ??= makeMdxSyntaxRenderer(context.config));
  }

  /** The model last told to the dev integrations, so that one sync reports it once, not once per collection. */
  let told: ContentModel | undefined;
  function tell(context: LoaderContext, model: ContentModel): void {
    if (told === model) return;
    told = model;
    if (model.problems.length > 0) context.logger.error(formatDevProblems(model.problems));
    context.watcher?.emit(CONTENT_STATE_EVENT, { model, problems: model.problems } satisfies ContentState);
  }

  /** The context of the latest load in astro dev: its logger and watcher serve the rebuilds. */
  let devContext: LoaderContext | undefined;
  let refreshing = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  /** Rebuilds the model after a change under the content folder, and refills every collection when it is valid. */
  function rebuild(): void {
    const context = devContext!;
    // One rebuild at a time, in the order of the changes: a quick second save cannot be overtaken by the first.
    refreshing = refreshing.then(async () => {
      current = undefined;
      const next = await getModel(context);
      if (next.problems.length === 0) {
        for (const [name, ctx] of contexts) await fill(name, ctx, next);
        context.logger.info(`Content updated: ${next.entries.size} entries checked.`);
      }
      // Told once the store holds it, so that what listens can read the pages it makes.
      tell(context, next);
    });
  }

  function refresh(path: string): void {
    if (!path.startsWith(options.contentDir)) return;
    // Read once the writes have settled: the watcher reports the first write of a file written in several (and
    // drops the next ones for a moment), and a rename of many files comes as many events.
    clearTimeout(timer);
    timer = setTimeout(rebuild, 100);
  }

  function watch(context: LoaderContext): void {
    devContext = context;
    // The dev server watches the project; a CONTENT_DIR elsewhere (a test's copy of a fixture) is watched too.
    context.watcher!.add(options.contentDir);
    // Astro drops the listeners its loaders added before each full sync: adding them again, once each, keeps them.
    for (const event of ['add', 'change', 'unlink'] as const) {
      context.watcher!.off(event, refresh);
      context.watcher!.on(event, refresh);
    }
  }

  async function load(collection: string, context: LoaderContext): Promise<void> {
    contexts.set(collection, context);
    const model = await getModel(context);
    if (!context.watcher) {
      if (model.problems.length > 0) throw new ContentError(model.problems);
      await fill(collection, context, model);
      return;
    }
    // In astro dev, problems are shown (terminal and browser) rather than thrown, so the server stays up to see them
    // fixed; the store keeps the last good content meanwhile.
    watch(context);
    if (model.problems.length === 0) await fill(collection, context, model);
    tell(context, model);
  }

  return {
    getModel,
    loader: (collection) => ({ name: `orbital-dossier:${collection}`, load: (context) => load(collection, context) }),
    graphLoader: () => ({ name: 'orbital-dossier:graph', load: (context) => load(graphCollection, context) }),
  };
}

type Render = LoaderContext['renderMarkdown'];

async function makeMdxSyntaxRenderer(config: AstroConfig): Promise<Render> {
  const { markdown } = config;
  if (!isUnifiedProcessor(markdown.processor)) throw new Error('The Markdown processor must be unified() from @astrojs/markdown-remark.');
  // The renderer below is handed no highlighter and no image settings: the site has neither (Shiki's inline styles break the CSP).
  if (markdown.syntaxHighlight !== false)
    throw new Error('Syntax highlighting must stay off (markdown.syntaxHighlight: false): its inline styles break the CSP.');
  const { options } = markdown.processor;
  const renderer = await unified({ ...options, remarkPlugins: [remarkMdx, ...options.remarkPlugins] }).createRenderer({
    syntaxHighlight: false,
    // unified()'s own gfm and smartypants win over these (deprecated) top-level settings, as in Astro's renderer.
    ...(markdown.gfm !== undefined ? { gfm: markdown.gfm } : {}),
    ...(markdown.smartypants !== undefined ? { smartypants: markdown.smartypants } : {}),
  });
  return async (content, renderOptions) => {
    const { frontmatter, content: body } = parseFrontmatter(content);
    const { code, metadata } = await renderer.render(body, { frontmatter, ...(renderOptions?.fileURL ? { fileURL: renderOptions.fileURL } : {}) });
    return { html: code, metadata: { ...metadata, imagePaths: [...(metadata.localImagePaths ?? []), ...(metadata.remoteImagePaths ?? [])] } };
  };
}

/** The name of the collection that holds the link graph. */
export const graphCollection = 'graph';
