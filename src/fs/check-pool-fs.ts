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
import { parseOutputJobs, readOutput, type OutputCache, type OutputParseJob, type OutputRead, type PageLinks } from './check-output-fs.ts';
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
 * Reads the output (`readOutput`) and parses the texts it found new into `cache`: on up to one thread per core when
 * they are many (a cold build), else here. The jobs are let go once parsed, not held through the check.
 */
export async function readOutputParsed(dir: string, cache: OutputCache, threads = availableParallelism()): Promise<OutputRead> {
  const { output, unparsed } = readOutput(dir, cache);
  await parseOutputTexts(unparsed, cache, threads);
  return output;
}

/** Parses `jobs` into `cache`, on threads when they hold many texts; returns how many texts were parsed on threads. */
export async function parseOutputTexts(jobs: readonly OutputParseJob[], cache: OutputCache, threads = availableParallelism()): Promise<number> {
  const texts = jobs.reduce((sum, job) => sum + job.texts.length, 0);
  if (threads < 2 || texts < MIN_PARALLEL_TEXTS) {
    parseOutputJobs(jobs, cache);
    return 0;
  }
  const shares = shareJobs(jobs, threads, (job) => job.size);
  const results = await Promise.all(shares.map(parseOnWorker));
  shares.forEach((share, s) => share.forEach((job, j) => results[s]![j]!.forEach((found, i) => cache.set(job.texts[i]!.key, found))));
  return texts;
}
