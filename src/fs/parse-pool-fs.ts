/**
 * Parses content files on worker threads, one per core: parsing Markdown (micromark) is most of
 * a cold content pass, and the main thread has nothing else to do meanwhile. Each worker parses
 * an equal share of the text with the model's own `parseFile`, so the results are the ones the
 * model would have made itself; they go into the parse cache, from which the model takes them.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DATE_FIELDS, type ParseCache, type ParseJob } from '../lib/build-model.ts';
import type { ParsedEntry } from '../lib/parse-entry.ts';

/**
 * Below this many files, parsing on one thread is quicker: a worker spends about 0.4 s of CPU loading the parser
 * before its first file, and a file takes about 5 ms (measured on the dossier), so two workers on two cores
 * gain once there are a few hundred files to parse (a cold build of a large site; an edit parses one).
 */
export const MIN_PARALLEL_JOBS = 400;

/** Splits jobs into `n` shares of about the same amount of text (`size`), each keeping the jobs' order. */
export function shareJobs<T>(jobs: readonly T[], n: number, size: (job: T) => number): T[][] {
  const shares: { jobs: T[]; size: number }[] = Array.from({ length: n }, () => ({ jobs: [], size: 0 }));
  // Longest first, each to the lightest share: shares within one file's length of each other.
  const order = jobs.map((job, i) => ({ job, i })).sort((a, b) => size(b.job) - size(a.job) || a.i - b.i);
  const placed: { share: number; i: number }[] = [];
  for (const { job, i } of order) {
    const lightest = shares.reduce((best, s, k) => (s.size < shares[best]!.size ? k : best), 0);
    shares[lightest]!.size += size(job);
    placed.push({ share: lightest, i });
  }
  placed.sort((a, b) => a.i - b.i);
  for (const { share, i } of placed) shares[share]!.jobs.push(jobs[i]!);
  return shares.map((s) => s.jobs).filter((s) => s.length > 0);
}

function parseOnWorker(jobs: ParseJob[]): Promise<ParsedEntry[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker-fs.ts', import.meta.url), { workerData: { jobs, dateFields: [...DATE_FIELDS] } });
    worker.once('message', (results: ParsedEntry[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`A content parser thread stopped with exit code ${code}.`));
    });
  });
}

/** Parses `jobs` on up to one thread per core and puts each result into `cache` under the job's digest. */
export async function parseIntoCache(jobs: readonly ParseJob[], cache: ParseCache, threads = availableParallelism()): Promise<void> {
  if (jobs.length < MIN_PARALLEL_JOBS || threads < 2) return;
  const shares = shareJobs(jobs, threads, (job) => job.source.length);
  const results = await Promise.all(shares.map(parseOnWorker));
  shares.forEach((share, s) => share.forEach((job, i) => cache.set(job.digest, results[s]![i]!)));
}
