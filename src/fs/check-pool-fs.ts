/**
 * Reads the output's new texts for the output check on worker threads, one per core. A cold build's check spends
 * most of its time parsing (htmlparser2 for every page, markdown-it for every Markdown section), each text on its own,
 * while the main thread is the only one at work beside Pagefind's process. The threads run the check's own
 * `parseOutputText` and put what they read into the check's cache, where `checkOutput` then finds it: the check
 * itself, and so its problems and their order, is the same with or without them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseOutputText, type OutputCache, type OutputParseJob, type OutputRead, type PageLinks } from './check-output-fs.ts';
import { shareJobs } from './parse-pool-fs.ts';

/**
 * Below this many new texts the main thread reads them faster: a thread takes a moment to start, and an edit
 * leaves a few dozen pages and sections new.
 */
export const MIN_PARALLEL_TEXTS = 300;

function parseOnWorker(jobs: OutputParseJob[]): Promise<(PageLinks | string[])[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker-fs.ts', import.meta.url), { workerData: jobs });
    worker.once('message', (results) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`An output check thread stopped with exit code ${code}.`));
    });
  });
}

/**
 * Parses the texts `readOutput` found new into `cache`: on up to one thread per core when they are many (a cold
 * build), else here. Returns how many were parsed on threads.
 */
export async function parseOutputTexts(read: OutputRead, cache: OutputCache, threads = availableParallelism()): Promise<number> {
  const { unparsed } = read;
  if (threads < 2 || unparsed.length < MIN_PARALLEL_TEXTS) {
    for (const { key, job } of unparsed) cache.set(key, parseOutputText(job));
    return 0;
  }
  const shares = shareJobs(
    unparsed.map(({ key, job }) => ({ key, source: job.source, job })),
    threads,
  );
  const results = await Promise.all(shares.map((share) => parseOnWorker(share.map((s) => s.job))));
  shares.forEach((share, s) => share.forEach(({ key }, i) => cache.set(key, results[s]![i]!)));
  return unparsed.length;
}
