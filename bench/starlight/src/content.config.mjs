// Starlight's docs collection; the benchmark writes src/content/docs/ (gitignored) before each run.
// JavaScript, not TypeScript, so that the site's own type check does not reach into this project.
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
};
