/** Builds a content model from inline files, for unit tests: no file system involved. */
import { createHash } from 'node:crypto';
import { buildContentModel, decodeUtf8, type ContentFile, type ModelOptions } from '../../src/lib/build-model.ts';
import type { ContentModel } from '../../src/lib/content-model.ts';

export const ROOT = '/site';
export const CONTENT_DIR = '/site/content';

/** The day the fake builds run, unless a test says otherwise: the future-date check depends on it. */
export const TODAY = '2026-12-01';

/**
 * `files`: paths relative to the content folder → text, or bytes (decoded as the file system
 * layer decodes them, so bytes that are not UTF-8 are reported).
 */
export function makeContent(
  files: Record<string, string | Uint8Array>,
  options: ModelOptions = { today: TODAY },
): { root: string; contentDir: string; model: ContentModel } {
  const list: ContentFile[] = Object.entries(files)
    .map(([path, content]) => {
      const { text, invalidLine } = typeof content === 'string' ? { text: content, invalidLine: undefined } : decodeUtf8(content);
      return {
        collection: path.split('/')[0]!,
        path: `${CONTENT_DIR}/${path}`,
        source: text,
        digest: createHash('sha256').update(content).digest('hex').slice(0, 16),
        invalidUtf8Line: invalidLine,
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return { root: ROOT, contentDir: CONTENT_DIR, model: buildContentModel(ROOT, CONTENT_DIR, list, new Map(), options) };
}

export const page = (title: string, body: string, extra = '') =>
  `---\ntitle: ${title}\ndescription: ${title} page.\nupdated: 2026-11-25\nsources: [wire]\n${extra}---\n\n${body}\n`;

export const SOURCE = 'title: Wire\npublisher: Wire\nurl: https://example.org/\npublished: 2024-08-13\nkind: news\ndescription: A wire story.\n';
