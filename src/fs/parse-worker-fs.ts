/**
 * A worker thread of src/fs/parse-pool-fs.ts: parses its share of the files, as the model's `parseFile` does, and
 * posts the results in order. It imports the parser alone (not the schemas), which keeps its start short.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseEntry } from '../lib/parse-entry.ts';
import type { ParseJob } from '../lib/build-model.ts';

const { jobs, dateFields } = workerData as { jobs: ParseJob[]; dateFields: string[] };
const dates = new Set(dateFields);
parentPort!.postMessage(jobs.map((job) => parseEntry(job.source, job.format, dates)));
