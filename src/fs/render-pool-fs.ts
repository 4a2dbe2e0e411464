/**
 * Renders entry bodies on worker threads, one per core. Rendering (micromark, SmartyPants, rehype)
 * costs about 20 ms of CPU a body and is most of a cold build's content sync; the bodies are
 * independent, so two cores render them in about half the time. Each thread builds the renderer
 * from the same options as astro.config.mjs (src/markdown/pipeline.ts), so a body renders to the
 * same HTML on any thread. The threads stop once they have been idle for a moment.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PipelineOptions } from '../markdown/pipeline.ts';
import type { RenderBody, RenderedBody, RenderJob } from '../markdown/render-body.ts';

/**
 * Below this many bodies in one batch, the main thread renders them: a thread spends about half a
 * second of CPU loading the pipeline, the time of some 25 bodies.
 */
export const MIN_POOLED_RENDERS = 64;

/** Idle threads stop after this long; a later batch starts them again. */
const IDLE_MS = 1000;

interface Pending {
  resolve: (rendered: RenderedBody) => void;
  reject: (error: Error) => void;
}

export interface RenderPool {
  render: RenderBody;
  threads: number;
  /** Stops the threads now (they also stop by themselves once idle). */
  close(): Promise<void>;
}

export function makeRenderPool(pipeline: PipelineOptions, threads = availableParallelism()): RenderPool {
  let workers: { worker: Worker; busy: number }[] = [];
  const pending = new Map<number, Pending>();
  let next = 0;
  let idle: NodeJS.Timeout | undefined;

  function start(): void {
    workers = Array.from({ length: threads }, () => {
      const worker = new Worker(new URL('./render-worker-fs.ts', import.meta.url), { workerData: pipeline });
      const slot = { worker, busy: 0 };
      worker.on('message', ({ n, rendered, error }: { n: number; rendered?: RenderedBody; error?: string }) => {
        slot.busy -= 1;
        // An idle thread does not keep the process alive; one with bodies to render does (a pending promise would not).
        if (slot.busy === 0) worker.unref();
        const job = pending.get(n)!;
        pending.delete(n);
        if (error !== undefined) job.reject(new Error(error));
        else job.resolve(rendered!);
        if (pending.size === 0) idle = setTimeout(() => void close(), IDLE_MS);
      });
      worker.on('error', (error) => fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && pending.size > 0) fail(new Error(`A render thread stopped with exit code ${code}.`));
      });
      return slot;
    });
  }

  function fail(error: Error): void {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
    void close();
  }

  async function close(): Promise<void> {
    clearTimeout(idle);
    const stopping = workers;
    workers = [];
    await Promise.all(stopping.map(({ worker }) => worker.terminate()));
  }

  const render: RenderBody = (job: RenderJob) => {
    clearTimeout(idle);
    if (workers.length === 0) start();
    // To the thread with the fewest bodies waiting: their lengths vary little.
    const slot = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy += 1;
    slot.worker.ref();
    const n = next++;
    return new Promise<RenderedBody>((resolve, reject) => {
      pending.set(n, { resolve, reject });
      slot.worker.postMessage({ n, job });
    });
  };

  return { render, threads, close };
}
