/**
 * Bodies rendered on the render threads come out as the main thread renders them with the
 * configured pipeline, and astro.config.mjs makes its processor from the one pipeline module,
 * so that the loader may use the threads at all.
 */
import { isUnifiedProcessor } from '@astrojs/markdown-remark';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import config from '../../astro.config.mjs';
import { makeRenderPool } from '../../src/fs/render-pool-fs.ts';
import { getPipelineOptions } from '../../src/loaders/content-source.ts';
import { getMarkdownPipeline } from '../../src/markdown/pipeline.ts';
import { bodyToMarkdown, parseBody } from '../../src/markdown/body-markdown.ts';
import { makeBodyRenderer, type RenderJob } from '../../src/markdown/render-body.ts';
import { getContentDir } from '../../src/lib/project.ts';

const contentDir = getContentDir();
const body = [
  '## Launch plans',
  '',
  'It is "quoted" -- and [[ilrs/members]] and [[ilrs/members|the members]] ... with a note.[^1]',
  '',
  '| a | b |',
  '| - | - |',
  '| 1 | 2 |',
  '',
  '[^1]: A footnote.',
].join('\n');
const jobs: RenderJob[] = (['mdx', 'md'] as const).map((format) => ({
  format,
  body,
  labels: { 'ilrs/members': 'ILRS members' },
  fileUrl: pathToFileURL(join(contentDir, `ilrs/example.${format}`)).href,
  markdown: { entry: { collection: 'ilrs', id: 'example' }, origin: 'https://od.example/', base: '/kb/' },
}));

describe('rendering bodies', () => {
  test('the configured processor is the site pipeline, so the loader can hand its options to the threads', () => {
    const processor = config.markdown?.processor;
    assert.ok(processor && isUnifiedProcessor(processor), 'Markdown goes through unified()');
    const pipeline = getPipelineOptions(processor.options);
    assert.ok(pipeline, 'astro.config.mjs uses getMarkdownPipeline');
    assert.equal(pipeline.contentDir, contentDir);
  });

  test('a changed pipeline is not mistaken for the site one', () => {
    const options = getMarkdownPipeline({ contentDir, base: '/' });
    const other = { ...options, rehypePlugins: [], remarkRehype: {}, recmaPlugins: [] };
    assert.equal(getPipelineOptions(other), undefined);
    assert.deepEqual(getPipelineOptions({ ...options, remarkRehype: {}, recmaPlugins: [] }), { contentDir, base: '/' });
  });

  test('on the threads, each body renders to the same HTML and headings as on the main thread', async () => {
    const main = await makeBodyRenderer(getMarkdownPipeline({ contentDir, base: '/' }));
    const pool = makeRenderPool({ contentDir, base: '/' }, 2);
    try {
      const [onThreads, here] = await Promise.all([Promise.all(jobs.map(pool.render)), Promise.all(jobs.map(main))]);
      assert.deepEqual(onThreads, here);
      assert.match(here[0]!.html, /<a href="\/ilrs\/members\/" class="cross-link">ILRS members<\/a>/, 'the label handed in');
      assert.match(here[0]!.html, /“quoted” —/, 'SmartyPants, as Astro applies it');
      assert.deepEqual(
        here[0]!.metadata.headings.map((h) => h.slug),
        ['launch-plans', 'footnote-label'],
      );
    } finally {
      await pool.close();
    }
  });

  test('the body’s Markdown comes from the same parse as its HTML, as made from the raw body, before SmartyPants', async () => {
    const pool = makeRenderPool({ contentDir, base: '/' }, 2);
    try {
      for (const job of jobs) {
        const { markdown } = (await pool.render(job)).metadata;
        const expected = bodyToMarkdown(parseBody(body, job.format), { ...job.markdown!, titleOf: (key) => job.labels[key] });
        assert.deepEqual(markdown, expected);
        assert.match(markdown!.page, /It is "quoted" -- and \[ILRS members\]\(https:\/\/od\.example\/kb\/ilrs\/members\/\)/, 'the text as written');
        assert.match(markdown!.llms, /^### Launch plans$/m, 'headings one level down for llms-full.txt');
        assert.match(markdown!.llms, /\[\^ilrs-example-1\]/, 'footnotes renamed after the entry');
      }
      const { metadata } = await pool.render({ ...jobs[0]!, markdown: undefined });
      assert.equal(metadata.markdown, undefined, 'made only when asked for');
    } finally {
      await pool.close();
    }
  });
});
