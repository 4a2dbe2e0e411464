// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { devContent } from './src/integrations/dev-content.ts';
import { devSearch } from './src/integrations/dev-search.ts';
import { headersFile } from './src/integrations/headers.ts';
import { mdxCache } from './src/integrations/mdx-cache.ts';
import { outputCheck } from './src/integrations/output-check.ts';
import { outputSeed } from './src/integrations/output-seed.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { getCacheDir, getContentDir } from './src/lib/project.ts';
import { checkBasePath, checkSiteUrl } from './src/lib/urls.ts';
import { CSP_DIRECTIVES, THEME_SCRIPT_HASH } from './src/lib/security.ts';
import { getMarkdownPipeline } from './src/markdown/pipeline.ts';

// A BASE_PATH or SITE_URL that cannot be the site's path or origin stops here, before anything is built.
const baseCheck = checkBasePath(process.env.BASE_PATH);
if (!baseCheck.ok) throw new Error(`${baseCheck.message} ${baseCheck.hint}`);
const siteCheck = checkSiteUrl(process.env.SITE_URL, 'https://orbital-dossier.example');
if (!siteCheck.ok) throw new Error(`${siteCheck.message} ${siteCheck.hint}`);
const base = baseCheck.base;
const contentDir = getContentDir();
const check = outputCheck();

export default defineConfig({
  // ASTRO_CACHE_DIR gives a build caches of its own (the incremental-build tests compare warm and cold builds).
  cacheDir: getCacheDir(),
  site: siteCheck.site,
  base,
  trailingSlash: 'always',
  // No inline <style>: every page's CSS is one hashed file, so one CSP without 'unsafe-inline' fits all pages.
  // Four pages at a time: while one page's files are written (or copied from the incremental cache), the next renders.
  // The output does not depend on the order (the CI's two builds are compared byte for byte; the sitemap is sorted).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // Page scripts stay files, downloaded once and cached for every page, rather than repeated in each page's HTML.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  security: {
    csp: {
      directives: CSP_DIRECTIVES,
      // The theme's pre-paint script is inline (is:inline, which Astro does not hash itself): its hash, computed once.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"], hashes: [THEME_SCRIPT_HASH] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  markdown: {
    // Shiki writes inline styles, which the CSP forbids; the dossier has no code to highlight.
    syntaxHighlight: false,
    // GFM once (remark-gfm, Astro's own off), cross-links, footnote markers: src/markdown/pipeline.ts.
    processor: unified(getMarkdownPipeline({ contentDir, base })),
  },
  // Entry pages whose inputs are unchanged (their cacheKey, src/lib/page-inputs.ts) are copied from the last build.
  experimental: { incrementalBuild: true },
  integrations: [
    mdx(),
    mdxCache(),
    // Reusable pages copied into the output while the content syncs and Vite bundles; first, so that the files this
    // build did not emit are gone before any integration reads the output.
    outputSeed(),
    // The 404 page is served for missing URLs, not listed.
    sitemap({ filter: (page) => !/\/404\/?$/.test(new URL(page).pathname) }),
    check,
    // The output check runs while Pagefind's process indexes the pages; the index is written once it has passed.
    pagefindIndex({ alongside: check.run }),
    headersFile(),
    // astro dev only: content problems in the browser's error overlay; search from an index kept in memory.
    devContent(),
    devSearch(),
  ],
});
