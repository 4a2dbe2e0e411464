/** Builds a content model from inline files, for unit tests: no file system involved. */
import { createHash } from 'node:crypto';
import { buildContentModel, type ContentFile } from '../../src/lib/build-model.ts';
import type { ContentModel } from '../../src/lib/content-model.ts';

export const ROOT = '/site';
export const CONTENT_DIR = '/site/content';

/** `files`: paths relative to the content folder → text. */
export function makeContent(files: Record<string, string>): { root: string; contentDir: string; model: ContentModel } {
  const list: ContentFile[] = Object.entries(files)
    .map(([path, source]) => ({
      collection: path.split('/')[0]!,
      path: `${CONTENT_DIR}/${path}`,
      source,
      digest: createHash('sha256').update(source).digest('hex').slice(0, 16),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
  return { root: ROOT, contentDir: CONTENT_DIR, model: buildContentModel(ROOT, CONTENT_DIR, list) };
}

export const page = (title: string, body: string, extra = '') =>
  `---\ntitle: ${title}\ndescription: ${title} page.\nupdated: 2026-11-25\nsources: [wire]\n${extra}---\n\n${body}\n`;

export const SOURCE = 'title: Wire\npublisher: Wire\nurl: https://example.org/\npublished: 2024-08-13\nkind: news\ndescription: A wire story.\n';
