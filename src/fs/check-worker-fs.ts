/** A worker thread of src/fs/check-pool-fs.ts: reads its share of the output's texts as the output check does. */
import { parentPort, workerData } from 'node:worker_threads';
import { parseOutputJob, type OutputParseJob } from './check-output-fs.ts';

parentPort!.postMessage((workerData as OutputParseJob[]).map(parseOutputJob));
