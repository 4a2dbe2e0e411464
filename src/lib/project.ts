/**
 * Where the project's content lives. `CONTENT_DIR` points a build at another content
 * folder (the test fixtures use it); everything else reads `content/`.
 */
import { resolve } from 'node:path';

export function getProjectRoot(): string {
  return process.cwd();
}

export function getContentDir(): string {
  return resolve(getProjectRoot(), process.env.CONTENT_DIR ?? 'content');
}
