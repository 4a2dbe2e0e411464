/** Writes a small content folder from inline files and indexes it, for unit tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildContentIndex, type ContentIndex } from '../../src/lib/content-index.ts';

export function makeContent(files: Record<string, string>): { root: string; contentDir: string; index: ContentIndex } {
  const root = mkdtempSync(join(tmpdir(), 'od-unit-'));
  const contentDir = join(root, 'content');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(contentDir, path)), { recursive: true });
    writeFileSync(join(contentDir, path), text);
  }
  mkdirSync(contentDir, { recursive: true });
  return { root, contentDir, index: buildContentIndex(root, contentDir) };
}

export const page = (title: string, body: string, extra = '') =>
  `---\ntitle: ${title}\ndescription: ${title} page.\nupdated: 2026-11-25\nsources: [wire]\n${extra}---\n\n${body}\n`;

export const SOURCE = 'title: Wire\npublisher: Wire\nurl: https://example.org/\npublished: 2024-08-13\nkind: news\ndescription: A wire story.\n';
