/**
 * Reads the output's new texts for the output check on worker threads, one per core. A cold build's check spends
 * most of its time parsing (htmlparser2 for every page, markdown-it for every Markdown section), each text on its own,
 * while the main thread is the only one at work beside Pagefind's process. The threads read the files themselves (the
 * main thread sends paths, not texts) with the check's own
 * `parseOutputJob` and put what they read into the check's cache, where `checkOutput` then finds it: the check
 * itself, and so its problems and their order, is the same with or without them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { parseOutputJobs, type OutputCache, type OutputParseJob, type OutputRead, type PageLinks } from './check-output-fs.ts';
import { shareJobs } from './parse-pool-fs.ts';

/**
 * Below this many new texts the main thread reads them faster: a thread takes a moment to start, and an edit
 * leaves a few dozen pages and sections new.
 */
export const MIN_PARALLEL_TEXTS = 300;

function parseOnWorker(jobs: OutputParseJob[]): Promise<(PageLinks | string[])[][]> {
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
  read.unparsed = [];
  const texts = unparsed.reduce((sum, job) => sum + job.texts.length, 0);
  if (threads < 2 || texts < MIN_PARALLEL_TEXTS) {
    parseOutputJobs(unparsed, cache);
    return 0;
  }
  const shares = shareJobs(unparsed, threads, (job) => job.size);
  const results = await Promise.all(shares.map(parseOnWorker));
  shares.forEach((share, s) => share.forEach((job, j) => results[s]![j]!.forEach((found, i) => cache.set(job.texts[i]!.key, found))));
  return texts;
}
