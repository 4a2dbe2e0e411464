import assert from 'node:assert/strict';
import { test } from 'node:test';
import remarkGfm from 'remark-gfm';
import config from '../../astro.config.mjs';
import { remarkSmartypants } from '../../src/markdown/remark-smartypants.ts';

test('GFM is applied exactly once: by the project’s remark-gfm, with Astro’s own turned off', () => {
  const processor = config.markdown?.processor as { name: string; options: { gfm?: boolean; remarkPlugins?: unknown[] } } | undefined;
  assert.equal(processor?.name, 'unified', 'Markdown goes through the unified processor');
  assert.equal(processor.options.gfm, false, 'Astro must not add GFM a second time');
  const plugins = (processor.options.remarkPlugins ?? []).map((p) => (Array.isArray(p) ? p[0] : p));
  assert.equal(plugins.filter((p) => p === remarkGfm).length, 1);
});

test('SmartyPants runs once: the project’s (src/markdown/remark-smartypants.ts) first, with Astro’s own turned off', () => {
  const processor = config.markdown?.processor as { options: { smartypants?: unknown; remarkPlugins?: unknown[] } } | undefined;
  assert.equal(processor?.options.smartypants, false, 'Astro must not add remark-smartypants');
  const plugins = (processor?.options.remarkPlugins ?? []).map((p) => (Array.isArray(p) ? p[0] : p));
  assert.equal(plugins[0], remarkSmartypants, 'first, where Astro would run its own');
});
