// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { contentCheck } from './src/integrations/content-check.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { getContentDir, getProjectRoot } from './src/lib/project.ts';
import { normalizeBase } from './src/lib/urls.ts';
import { remarkCrossLinks } from './src/markdown/remark-cross-links.ts';

const base = normalizeBase(process.env.BASE_PATH);
const root = getProjectRoot();
const contentDir = getContentDir();

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://orbital-dossier.example',
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // GFM is applied once, here; `gfm: false` stops Astro from adding it a second time.
    processor: unified({
      gfm: false,
      remarkPlugins: [remarkGfm, [remarkCrossLinks, { root, contentDir, base }]],
    }),
  },
  integrations: [contentCheck({ root, contentDir }), mdx(), pagefindIndex()],
});
