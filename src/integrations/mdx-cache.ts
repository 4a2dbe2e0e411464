/**
 * A cache of compiled MDX, keyed by content hash. Compiling MDX (parse, remark, rehype,
 * recma) is most of the bundling time, and a compiled body depends on nothing but its own
 * file and the Markdown pipeline: the cross-link plugin needs no other entry (see
 * docs/architecture.md). So the result of @astrojs/mdx's transform is kept under
 * `<cacheDir>/orbital-dossier/mdx/`, keyed by the file's text and path and by a digest of
 * everything that shapes the pipeline (the lockfile, the Astro config, the plugin sources,
 * BASE_PATH, CONTENT_DIR); a change to any of them is a new key, so a stale entry is never read.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The name of @astrojs/mdx's Vite plugin, whose transform is wrapped. */
const MDX_PLUGIN = '@mdx-js/rolldown';

interface CachedResult {
  code: string;
  map: unknown;
  meta: unknown;
}

function hashFiles(hash: ReturnType<typeof createHash>, paths: string[]): void {
  for (const path of paths) {
    hash.update(path);
    try {
      hash.update(readFileSync(path));
    } catch {
      hash.update('missing');
    }
  }
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

/** What every compiled body depends on besides its own text. */
function pipelineDigest(root: string): string {
  const hash = createHash('sha256');
  hash.update(`${process.version}\n${process.env.BASE_PATH ?? ''}\n${process.env.CONTENT_DIR ?? ''}\n`);
  hashFiles(hash, [
    join(root, 'package-lock.json'),
    join(root, 'astro.config.mjs'),
    ...listSources(join(root, 'src/markdown')),
    ...listSources(join(root, 'src/lib')),
  ]);
  return hash.digest('hex');
}

export interface MdxCacheStats {
  hits: number;
  misses: number;
}

/** Transforms already wrapped: Vite resolves one config per environment, all sharing the MDX plugin. */
const wrapped = new WeakSet<object>();

function cachePlugin(dir: string, digest: string, stats: MdxCacheStats): Plugin {
  return {
    name: 'orbital-dossier:mdx-cache',
    configResolved(resolved) {
      const mdx = resolved.plugins.find((p) => p.name === MDX_PLUGIN);
      const transform = mdx?.transform;
      if (!mdx || !transform || typeof transform !== 'object')
        throw new Error(`The MDX cache found no "${MDX_PLUGIN}" transform to wrap: has @astrojs/mdx changed?`);
      if (wrapped.has(transform)) return;
      wrapped.add(transform);
      const compile = transform.handler;
      mkdirSync(dir, { recursive: true });
      transform.handler = async function (code, id, options) {
        const key = createHash('sha256').update(digest).update('\0').update(id).update('\0').update(code).digest('hex');
        const file = join(dir, `${key}.json`);
        try {
          const cached = JSON.parse(readFileSync(file, 'utf8')) as CachedResult;
          stats.hits += 1;
          return cached as Awaited<ReturnType<typeof compile>>;
        } catch {
          // Not cached yet (or unreadable): compile it.
        }
        const result = await compile.call(this, code, id, options);
        stats.misses += 1;
        if (result && typeof result === 'object' && 'code' in result) {
          const temporary = `${file}.${process.pid}.tmp`;
          writeFileSync(temporary, JSON.stringify({ code: result.code, map: result.map ?? null, meta: result.meta ?? {} }));
          renameSync(temporary, file);
        }
        return result;
      };
    },
  };
}

export function mdxCache(): AstroIntegration {
  const stats: MdxCacheStats = { hits: 0, misses: 0 };
  return {
    name: 'orbital-dossier:mdx-cache',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const root = fileURLToPath(config.root);
        const dir = join(fileURLToPath(config.cacheDir), 'orbital-dossier', 'mdx');
        updateConfig({ vite: { plugins: [cachePlugin(dir, pipelineDigest(root), stats)] } });
      },
      'astro:build:done': ({ logger }) => {
        logger.info(`Compiled MDX: ${stats.hits} from the cache, ${stats.misses} compiled.`);
      },
    },
  };
}
