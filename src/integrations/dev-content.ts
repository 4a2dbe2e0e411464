/**
 * `astro dev` only: the content checks, live in the browser. The content source logs each
 * model's problems in the terminal; this integration shows the same messages in Astro's
 * error overlay, in every open page, and answers every page request with them while they
 * last (a page rendered from half-updated content would fail with a message of its own,
 * further from the author's mistake). Once they are fixed, the pages reload. It also says
 * which Node the server runs on.
 */
import type { AstroIntegration } from 'astro';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { CONTENT_STATE_EVENT, formatDevProblems, type ContentState } from '../loaders/content-source.ts';
import type { Problem } from '../lib/errors.ts';

/** The error Astro's overlay shows: the terminal's text, and the first problem's file and line for the code frame. */
export function toOverlayError(problems: readonly Problem[], root: string) {
  const first = problems[0]!;
  return {
    name: 'ContentError',
    title: problems.length === 1 ? 'Content problem' : `${problems.length} content problems`,
    message: formatDevProblems(problems),
    hint: 'Save the fix: this message goes away and the page reloads.',
    // A problem of the whole file (a missing field) points at its first line; no column, no caret.
    loc: { file: join(root, first.file), line: first.line ?? 1, column: first.column ?? 0 },
    // No stack: an author's mistake is told by its message (and Astro would take the place from a stack).
    stack: '',
  };
}

/** Served to the problems page: it reloads once the problems are gone, even if it missed the server's reload message. */
const POLL_SCRIPT = '__content-problems.js';
const POLL_STATE = '__content-problems.json';
const pollScript = (base: string) => `// Reloads this page once the content problems are fixed.
const poll = async () => {
  try {
    const { count } = await (await fetch(${JSON.stringify(base + POLL_STATE)}, { cache: 'no-store' })).json();
    if (count === 0) return location.reload();
  } catch {}
  setTimeout(poll, 500);
};
setTimeout(poll, 500);
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The page served in place of any page while there are problems: their text, and Vite's client, which shows the overlay. */
export function problemsPage(problems: readonly Problem[], base: string): string {
  const title = problems.length === 1 ? 'Content problem' : `${problems.length} content problems`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title} · Orbital Dossier</title><link rel="icon" href="data:,"><script type="module" src="${base}@vite/client"></script><script type="module" src="${base}${POLL_SCRIPT}"></script></head>
<body><main><h1>${title}</h1><pre>${escapeHtml(formatDevProblems(problems))}</pre><p>Save the fix and this page reloads.</p></main></body>
</html>
`;
}

/** A browser asking for a page (not a module, style or asset). */
function isPageRequest(req: IncomingMessage): boolean {
  const dest = req.headers['sec-fetch-dest'];
  return req.method === 'GET' && (dest === 'document' || (!dest && /text\/html/.test(req.headers.accept ?? '')));
}

export function devContent(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'orbital-dossier:dev-content',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = new URL('.', config.root).pathname;
      },
      'astro:server:setup': ({ server, logger }) => {
        logger.info(`Dev server on Node ${process.version}; content checks run on every save.`);
        const hot = server.environments.client.hot;
        const base = server.config.base;
        let problems: readonly Problem[] = [];
        let contentDir: string | undefined;
        /** Set from a change under the content folder until the model it leads to is told: page requests wait for it. */
        let changed: Promise<void> | undefined;
        let settle: (() => void) | undefined;
        const show = () => {
          if (problems.length > 0) hot.send({ type: 'error', err: toOverlayError(problems, root) });
        };
        server.watcher.on(CONTENT_STATE_EVENT, (state: ContentState) => {
          contentDir = state.model.contentDir;
          const had = problems.length > 0;
          problems = state.problems;
          settle?.();
          changed = settle = undefined;
          if (problems.length > 0) show();
          // Astro reloads the pages when the store changes; a fix that restores the last good content changes nothing in it.
          else if (had) hot.send({ type: 'full-reload' });
        });
        // A save reloads the open pages (Vite's module reload) before the content source has checked the file: a page
        // rendered then would fail on the broken content with a message of its own, or show problems just fixed.
        server.watcher.on('all', (_event: string, path: string) => {
          if (!contentDir || !path.startsWith(contentDir) || changed) return;
          changed = new Promise<void>((resolve) => {
            settle = resolve;
            setTimeout(resolve, 5000);
          });
        });
        // A page opened (or reloaded) while problems last shows them too.
        hot.on('vite:client:connect', () => setTimeout(show, 50));
        server.middlewares.use((req, res, next) => {
          const path = req.url?.split('?')[0];
          if (path === `${base}${POLL_STATE}` || path === `${base}${POLL_SCRIPT}`) {
            res.setHeader('content-type', path.endsWith('.js') ? 'text/javascript' : 'application/json');
            res.setHeader('cache-control', 'no-store');
            res.end(path.endsWith('.js') ? pollScript(base) : JSON.stringify({ count: problems.length }));
            return;
          }
          if (!isPageRequest(req)) return next();
          void (changed ?? Promise.resolve()).then(() => {
            if (problems.length === 0) return next();
            res.statusCode = 500;
            res.setHeader('content-type', 'text/html; charset=utf-8');
            res.end(problemsPage(problems, base));
          });
        });
      },
    },
  };
}
