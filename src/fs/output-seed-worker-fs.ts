/** The worker thread of src/fs/output-seed-fs.ts: copies the last build's kept pages beside the output. */
import { parentPort, workerData } from 'node:worker_threads';
import { copySeed } from './output-seed-fs.ts';

const { from, seed } = workerData as { from: string; seed: string };
parentPort!.postMessage(copySeed(from, seed));
