import assert from 'node:assert/strict';
import { test } from 'node:test';
import remarkGfm from 'remark-gfm';
import config from '../../astro.config.mjs';

test('GFM is applied exactly once: by the project’s remark-gfm, with Astro’s own turned off', () => {
  const processor = config.markdown?.processor as { name: string; options: { gfm?: boolean; remarkPlugins?: unknown[] } } | undefined;
  assert.equal(processor?.name, 'unified', 'Markdown goes through the unified processor');
  assert.equal(processor.options.gfm, false, 'Astro must not add GFM a second time');
  const plugins = (processor.options.remarkPlugins ?? []).map((p) => (Array.isArray(p) ? p[0] : p));
  assert.equal(plugins.filter((p) => p === remarkGfm).length, 1);
});
