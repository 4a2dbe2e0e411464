/**
 * A render thread of src/fs/render-pool-fs.ts: builds the site's Markdown pipeline from its options
 * (src/markdown/pipeline.ts) and renders each body it is sent, answering with the job's number.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getMarkdownPipeline, type PipelineOptions } from '../markdown/pipeline.ts';
import { makeBodyRenderer, type RenderJob } from '../markdown/render-body.ts';

const render = await makeBodyRenderer(getMarkdownPipeline(workerData as PipelineOptions));
parentPort!.on('message', async ({ n, job }: { n: number; job: RenderJob }) => {
  try {
    parentPort!.postMessage({ n, rendered: await render(job) });
  } catch (error) {
    parentPort!.postMessage({ n, error: error instanceof Error ? error.message : String(error) });
  }
});
