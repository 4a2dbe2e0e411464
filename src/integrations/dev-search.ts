/**
 * `astro dev` only: search works as in the built site. Once the server listens, every entry
 * page is fetched from it and indexed in memory with Pagefind's Node API (the same pages,
 * markup and options as the build's index of dist/, src/integrations/pagefind.ts); the
 * files are served under `<base>pagefind/`. After each change the content source reports, the
 * pages it can have changed are fetched again — the changed entries, the entries they link
 * to and those that link to them, old links and new — and a fresh index replaces the old one.
 * A request for the index waits for the first one.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { AddressInfo } from 'node:net';
import * as pagefind from 'pagefind';
import { CONTENT_STATE_EVENT, type ContentState } from '../loaders/content-source.ts';
import type { ContentModel } from '../lib/content-model.ts';
import { entryToKey, entryToUrl } from '../lib/urls.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** Pages fetched at once: the dev server renders on the same cores as everything else. */
const CONCURRENCY = 2;

/** The entry pages of a model, by key: each is indexed as the build indexes it. */
function pagesOf(model: ContentModel, base: string): Map<string, string> {
  const pages = new Map<string, string>();
  for (const entry of model.entries.values()) if (entry.data) pages.set(entryToKey(entry), entryToUrl(entry, base));
  return pages;
}

/** The entries whose pages a change from `before` to `after` can alter: changed, added or removed, and their neighbours in either graph. */
export function getAffectedKeys(before: ContentModel, after: ContentModel): Set<string> {
  const changed = new Set<string>();
  for (const [key, entry] of after.entries) if (before.entries.get(key)?.digest !== entry.digest) changed.add(key);
  for (const key of before.entries.keys()) if (!after.entries.has(key)) changed.add(key);
  const affected = new Set(changed);
  for (const key of changed) {
    for (const graph of [before.graph, after.graph]) {
      for (const other of [...(graph.incoming.get(key) ?? []), ...(graph.outgoing.get(key) ?? [])]) affected.add(other);
    }
  }
  return affected;
}

/**
 * Astro logs every request of the dev server; the indexer's own would bury the author's.
 * Drops exactly one log line per page the indexer has in flight.
 */
function muteRequests(logger: AstroIntegrationLogger): Map<string, number> {
  const inFlight = new Map<string, number>();
  const destination = logger.options.destination;
  logger.options.destination = {
    ...destination,
    write(message) {
      // eslint-disable-next-line no-control-regex
      const path = message.message?.replace(/\u001b\[[0-9;]*m/g, '').match(/^\[\d{3}\] (\S+) /)?.[1];
      const count = path ? inFlight.get(path) : undefined;
      if (path && count) {
        if (count === 1) inFlight.delete(path);
        else inFlight.set(path, count - 1);
        return;
      }
      destination.write(message);
    },
  };
  return inFlight;
}

export function devSearch(): AstroIntegration {
  let base = '/';
  return {
    name: 'orbital-dossier:dev-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server, logger }) => {
        const inFlight = muteRequests(logger);
        /** The HTML of each indexed page, by entry key. */
        const html = new Map<string, { url: string; content: string }>();
        let files = new Map<string, Uint8Array>();
        let resolveFirst: () => void;
        const first = new Promise<void>((resolve) => (resolveFirst = resolve));
        let origin: string | undefined;
        let indexed: ContentModel | undefined;
        let latest: ContentModel | undefined;
        let running: Promise<void> | undefined;

        async function fetchPage(url: string): Promise<string | undefined> {
          inFlight.set(url, (inFlight.get(url) ?? 0) + 1);
          try {
            const response = await fetch(new URL(url, origin));
            return response.ok ? await response.text() : undefined;
          } catch {
            return undefined;
          }
        }

        async function reindex(): Promise<void> {
          const model = latest!;
          const pages = pagesOf(model, base);
          const todo = indexed ? [...getAffectedKeys(indexed, model)].filter((key) => pages.has(key)) : [...pages.keys()];
          for (const key of html.keys()) if (!pages.has(key)) html.delete(key);
          const started = performance.now();
          if (!indexed) logger.info(`Search index: rendering ${todo.length} pages in the background; search answers once it is built.`);
          const queue = [...todo];
          await Promise.all(
            Array.from({ length: CONCURRENCY }, async () => {
              for (let key = queue.shift(); key; key = queue.shift()) {
                const url = pages.get(key)!;
                const content = await fetchPage(url);
                if (content) html.set(key, { url, content });
              }
            }),
          );
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          try {
            for (const page of html.values()) await index.addHTMLFile(page);
            const built = await index.getFiles();
            if (built.errors.length > 0) throw new Error(built.errors.join('; '));
            files = new Map(built.files.map((f) => [f.path.replace(/\\/g, '/'), f.content]));
          } finally {
            await index.deleteIndex();
          }
          const fresh = !indexed;
          indexed = model;
          resolveFirst();
          logger.info(
            `Search index ${fresh ? 'built' : 'updated'}: ${todo.length} of ${html.size} pages rendered in ${Math.round(performance.now() - started)} ms.`,
          );
        }

        function schedule(): void {
          if (!origin || !latest || running) return;
          running = reindex()
            .catch((error: Error) => logger.error(`Search index not updated: ${error.message}`))
            .finally(() => {
              running = undefined;
              // A change during indexing: index again from the newest model.
              if (latest !== indexed) schedule();
            });
        }

        // A new model is in the loaders' store at once, but pages render it only once Astro has written the store
        // and reloaded its module, which it ends by telling the browsers to reload ('full-reload', path '*').
        let waiting: { model: ContentModel; timer: NodeJS.Timeout } | undefined;
        const storeReloaded = () => {
          if (!waiting) return;
          clearTimeout(waiting.timer);
          latest = waiting.model;
          waiting = undefined;
          schedule();
        };
        const hot = server.environments.client.hot;
        const send = hot.send.bind(hot) as (...args: unknown[]) => void;
        hot.send = ((...args: unknown[]) => {
          const payload = args[0] as { type?: string; path?: string } | undefined;
          if (payload?.type === 'full-reload' && payload.path === '*') setTimeout(storeReloaded, 0);
          send(...args);
        }) as typeof hot.send;
        server.watcher.on(CONTENT_STATE_EVENT, (state: ContentState) => {
          // A model with problems leaves the pages as they were: its fix is indexed.
          if (state.problems.length > 0) return;
          if (!origin) {
            latest = state.model;
            return;
          }
          if (waiting) clearTimeout(waiting.timer);
          // A change that leaves the store as it was makes Astro reload nothing: index anyway, a little later.
          waiting = { model: state.model, timer: setTimeout(storeReloaded, 3000) };
        });
        server.httpServer?.once('listening', () => {
          const address = server.httpServer!.address() as AddressInfo;
          const host =
            address.family === 'IPv6'
              ? `[${address.address === '::' ? '::1' : address.address}]`
              : address.address === '0.0.0.0'
                ? '127.0.0.1'
                : address.address;
          origin = `http://${host}:${address.port}`;
          schedule();
        });
        server.httpServer?.once('close', () => void pagefind.close());

        const prefix = `${base}pagefind/`;
        server.middlewares.use((req, res, next) => {
          const path = req.url?.split('?')[0];
          if (!path?.startsWith(prefix)) return next();
          void first.then(() => {
            const file = files.get(decodeURIComponent(path.slice(prefix.length)));
            if (!file) {
              res.statusCode = 404;
              res.end();
              return;
            }
            res.setHeader('content-type', TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream');
            res.setHeader('cache-control', 'no-cache');
            res.end(file);
          });
        });
      },
    },
  };
}
