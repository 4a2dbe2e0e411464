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
import { isUnifiedProcessor, type UnifiedResolvedOptions } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative } from 'node:path';
import { getCodeDigest } from '../fs/code-digest-fs.ts';
import { readContentModelInParallel } from '../fs/content-model-fs.ts';
import { makeRenderPool, MIN_POOLED_RENDERS, type RenderPool } from '../fs/render-pool-fs.ts';
import { getMarkdownPipeline, type PipelineOptions } from '../markdown/pipeline.ts';
import { remarkCrossLinks } from '../markdown/remark-cross-links.ts';
import { makeBodyRenderer, type RenderBody, type RenderedBody, type RenderJob } from '../markdown/render-body.ts';
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
  /** A digest of the rendering code, read once per process. */
  let renderCode: string | undefined;
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
      const planned: Planned[] = [];
      for (const entry of model.entries.values()) {
        if (entry.collection !== collection || !isValidEntry(entry)) continue;
        keep.add(entry.id);
        planned.push(plan(store, context, entry, model));
      }
      const jobs = planned.flatMap((p) => (p.render ? [p.render] : []));
      const rendered = await renderBodies(jobs, context);
      // Stored in the model's order, whichever thread rendered what.
      for (const p of planned) p.store(p.render ? rendered.get(p.render)! : undefined);
      // Said when a body was rendered: a rebuild after an edit renders the edited body and those that link to it.
      const bodies = planned.filter((p) => p.hasBody).length;
      if (jobs.length > 0) context.logger.info(`Rendered ${jobs.length} of ${bodies} bodies (the others unchanged since the last build).`);
    }
    for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  }

  interface Planned {
    hasBody: boolean;
    /** The body to render, when the store does not hold it rendered with these labels yet. */
    render?: RenderJob;
    store(rendered: RenderedBody | undefined): void;
  }

  /** How one entry goes into the store, and whether its body must be rendered first. */
  function plan(store: Store, context: LoaderContext, entry: ValidEntry, model: ContentModel): Planned {
    const filePath = relative(options.root, entry.absolutePath).split('\\').join('/');
    const base = { id: entry.id, data: entry.data, filePath };
    // The stored data is the schemas' output: a change to a schema file (which Astro's own
    // content-config digest does not see) must replace it, so the schemas' digest is part of the key.
    const digest = `${entry.digest}-${stored?.version ?? ''}`;
    if (entry.format === 'mdx' && entry.usesMdx) {
      // Components, JSX or expressions: rendered by Astro's MDX compiler from the file; the body is kept for other outputs.
      return {
        hasBody: true,
        store: () => {
          if (!store.set({ ...base, body: entry.body, digest, deferredRender: true })) store.addModuleImport(filePath);
        },
      };
    }
    if (entry.format === 'yaml') return { hasBody: false, store: () => store.set({ ...base, digest }) };
    // Rendered here, with the labels of its cross-links: no module per entry for Vite to bundle. An MDX body
    // without components is read with MDX's syntax, so it renders as the MDX compiler would render it.
    const labels = crossLinkLabels(entry, model);
    // The code that renders (the pipeline's plugins, the body's Markdown, what the loader stores) is part of the key: a change to it renders again.
    renderCode ??= getCodeDigest(options.root, ['src/markdown', 'src/lib', 'src/loaders'], ['package-lock.json', 'astro.config.mjs']);
    const renderedDigest = context.generateDigest(`${digest}\n${renderCode}\n${JSON.stringify(labels)}`);
    if (store.get(entry.id)?.digest === renderedDigest) return { hasBody: true, store: () => {} };
    return {
      hasBody: true,
      render: {
        format: entry.format,
        body: entry.body,
        labels,
        fileUrl: pathToFileURL(entry.absolutePath).href,
        // Its Markdown for `/<collection>/<id>.md` and `/llms-full.txt`, from the same parse (src/markdown/body-markdown.ts).
        markdown: context.config.site
          ? { entry: { collection: entry.collection, id: entry.id }, origin: new URL('/', context.config.site).href, base: context.config.base }
          : undefined,
      },
      // Without its source: the rendered HTML and Markdown are what the pages use, and the store (which Astro writes,
      // bundles and loads whole every build) is a fifth smaller without it.
      store: (rendered) => store.set({ ...base, digest: renderedDigest, rendered: rendered! }),
    };
  }

  let mainRenderer: Promise<RenderBody> | undefined;
  let pool: RenderPool | undefined;
  /** Bodies asked for by the collections' loaders, which Astro runs side by side, rendered together. */
  let queue: { jobs: RenderJob[]; done: (results: Promise<RenderedBody[]>) => void }[] = [];

  /**
   * Renders a collection's bodies. The batches of all loaders that ask in the same turn are rendered together:
   * on the render threads when they are many (a cold build), else here, with the configured pipeline.
   */
  function renderBodies(jobs: RenderJob[], context: LoaderContext): Promise<Map<RenderJob, RenderedBody>> {
    if (jobs.length === 0) return Promise.resolve(new Map());
    const results = new Promise<RenderedBody[]>((resolve) => {
      if (queue.length === 0) setImmediate(() => flush(context));
      queue.push({ jobs, done: (r) => resolve(r) });
    });
    return results.then((r) => new Map(jobs.map((job, i) => [job, r[i]!])));
  }

  function flush(context: LoaderContext): void {
    const batches = queue;
    queue = [];
    const all = batches.flatMap((b) => b.jobs);
    // Every batch is answered once all are rendered, so the loaders store their entries together: Astro writes its
    // whole data store (devalue, about 0.7 s at 1,000 pages) half a second after the last change, and loaders
    // storing one after the other had it written again and again, on the main thread, while the threads rendered.
    const rendered = getRenderer(context, all.length).then((r) => Promise.all(all.map(r)));
    let at = 0;
    for (const batch of batches) {
      const from = at;
      at += batch.jobs.length;
      batch.done(rendered.then((r) => r.slice(from, from + batch.jobs.length)));
    }
  }

  async function getRenderer(context: LoaderContext, count: number): Promise<RenderBody> {
    const processor = context.config.markdown.processor;
    if (!isUnifiedProcessor(processor)) throw new Error('The Markdown processor must be unified() from @astrojs/markdown-remark.');
    // Shiki's inline styles break the CSP; the renderers are built without a highlighter.
    if (context.config.markdown.syntaxHighlight !== false) throw new Error('markdown.syntaxHighlight must stay false: its inline styles break the CSP.');
    const pipeline = getPipelineOptions(processor.options);
    if (pipeline && count >= MIN_POOLED_RENDERS && availableParallelism() > 1) {
      pool ??= makeRenderPool(pipeline);
      context.logger.info(`Rendering ${count} bodies on ${pool.threads} threads.`);
      return pool.render;
    }
    return (mainRenderer ??= makeBodyRenderer(processor.options));
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

/**
 * The options of the site's pipeline (src/markdown/pipeline.ts) that the configured processor was made from,
 * found in its cross-link plugin's options; undefined when astro.config.mjs made it some other way, in
 * which case the render threads (which build the pipeline from those options) are not used.
 */
export function getPipelineOptions(configured: UnifiedResolvedOptions): PipelineOptions | undefined {
  // By name: astro.config.mjs is loaded apart from this module, so its plugins are other instances of the same functions.
  const crossLinks = configured.remarkPlugins.find((p) => Array.isArray(p) && typeof p[0] === 'function' && p[0].name === remarkCrossLinks.name);
  if (!Array.isArray(crossLinks)) return undefined;
  const pipeline = crossLinks[1] as PipelineOptions;
  const expected = getMarkdownPipeline(pipeline);
  const names = (plugins: readonly unknown[]) => plugins.map((p) => (Array.isArray(p) ? p[0] : p)).map((f) => (typeof f === 'function' ? f.name : String(f)));
  const same =
    configured.gfm === expected.gfm &&
    configured.smartypants === expected.smartypants &&
    Object.keys(configured.remarkRehype).length === 0 &&
    names(configured.remarkPlugins).join() === names(expected.remarkPlugins).join() &&
    names(configured.rehypePlugins).join() === names(expected.rehypePlugins).join();
  return same ? pipeline : undefined;
}

/** The name of the collection that holds the link graph. */
export const graphCollection = 'graph';
