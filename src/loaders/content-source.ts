/**
 * The one mechanism that reads `content/` for Astro: a content source builds the content
 * model once per sync (once per change in `astro dev`) and its loaders hand each
 * collection its entries, already validated, to Astro's data store. The model is passed
 * to the loaders explicitly, as the object they are made from.
 *
 * Astro's own glob loader would read and parse the files a second time; the schemas run
 * here, once, inside the model, so the loaders store the parsed data as it is.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative } from 'node:path';
import { readContentModel } from '../fs/content-model-fs.ts';
import { openParseCache, type StoredParseCache } from '../fs/parse-cache-fs.ts';
import type { CollectionName } from '../lib/collections.ts';
import type { ContentModel, ModelEntry, ValidEntry } from '../lib/content-model.ts';
import { CROSS_LINK, isValidEntry, parseCrossLink } from '../lib/content-model.ts';
import { ContentError } from '../lib/errors.ts';
import { entryToKey } from '../lib/urls.ts';

type Store = LoaderContext['store'];

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
  let watching = false;

  let builds = 0;
  const getModel = (context?: LoaderContext) =>
    (current ??= Promise.resolve().then(() => {
      const started = performance.now();
      // The parsed files of the last build, if any: only changed files are parsed again.
      stored ??= context ? openParseCache(options.root, fileURLToPath(context.config.cacheDir)) : { cache: new Map(), version: '', save: () => {} };
      const known = new Set(stored.cache.keys());
      const model = readContentModel(options.root, options.contentDir, stored.cache);
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
      for (const entry of model.entries.values()) {
        if (entry.collection !== collection || !isValidEntry(entry)) continue;
        keep.add(entry.id);
        await setEntry(store, context, entry, model);
      }
    }
    for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  }

  async function setEntry(store: Store, context: LoaderContext, entry: ValidEntry, model: ContentModel): Promise<void> {
    const filePath = relative(options.root, entry.absolutePath).split('\\').join('/');
    const base = { id: entry.id, data: entry.data, filePath };
    // The stored data is the schemas' output: a change to a schema file (which Astro's own
    // content-config digest does not see) must replace it, so the schemas' digest is part of the key.
    const digest = `${entry.digest}-${stored?.version ?? ''}`;
    if (entry.format === 'mdx') {
      // Rendered by Astro's MDX pipeline from the file; the body is kept for other outputs.
      if (!store.set({ ...base, body: entry.body, digest, deferredRender: true })) store.addModuleImport(filePath);
    } else if (entry.format === 'md') {
      const labels = crossLinkLabels(entry, model);
      const mdDigest = context.generateDigest(`${digest}\n${JSON.stringify(labels)}`);
      if (store.get(entry.id)?.digest === mdDigest) return;
      const rendered = await context.renderMarkdown(`---\ncrossLinkLabels: ${JSON.stringify(labels)}\n---\n${entry.body}`, {
        fileURL: pathToFileURL(entry.absolutePath),
      });
      store.set({ ...base, body: entry.body, digest: mdDigest, rendered });
    } else {
      store.set({ ...base, digest });
    }
  }

  async function load(collection: string, context: LoaderContext): Promise<void> {
    contexts.set(collection, context);
    const model = await getModel(context);
    if (model.problems.length > 0) throw new ContentError(model.problems);
    await fill(collection, context, model);
    if (context.watcher && !watching) {
      watching = true;
      const refresh = async (path: string) => {
        if (!path.startsWith(options.contentDir)) return;
        current = undefined;
        const next = await getModel(context);
        if (next.problems.length > 0) {
          context.logger.error(new ContentError(next.problems).message);
          return;
        }
        for (const [name, ctx] of contexts) await fill(name, ctx, next);
        context.logger.info(`Content updated: ${next.entries.size} entries checked.`);
      };
      for (const event of ['add', 'change', 'unlink'] as const) context.watcher.on(event, (path) => void refresh(path));
    }
  }

  return {
    getModel,
    loader: (collection) => ({ name: `orbital-dossier:${collection}`, load: (context) => load(collection, context) }),
    graphLoader: () => ({ name: 'orbital-dossier:graph', load: (context) => load(graphCollection, context) }),
  };
}

/** The name of the collection that holds the link graph. */
export const graphCollection = 'graph';
