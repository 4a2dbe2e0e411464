/**
 * Checks the whole of `content/` before Astro loads or renders anything: file names and
 * duplicate ids, YAML, every frontmatter field against its schema (with line numbers),
 * every reference, cross-link, anchor and internal link. All problems are reported at
 * once and stop the build (and `astro sync`, `astro check`, `astro dev`).
 */
import type { AstroIntegration } from 'astro';
import type { CollectionName } from '../lib/collections.ts';
import { buildContentIndex, type ContentIndex } from '../lib/content-index.ts';
import { ContentError, type Problem } from '../lib/errors.ts';
import { checkContentIndex } from '../lib/resolve-links.ts';
import { issueToProblem, type SchemaIssue } from '../lib/schema-errors.ts';
import { SCHEMAS } from '../schemas/index.ts';
import { setKnownIds } from '../schemas/references.ts';

export function checkSchemas(index: ContentIndex): Problem[] {
  const ids = new Map<string, string[]>();
  for (const entry of index.entries.values()) ids.set(entry.collection, [...(ids.get(entry.collection) ?? []), entry.id]);
  setKnownIds(ids);
  const problems: Problem[] = [];
  for (const entry of index.entries.values()) {
    const schema = SCHEMAS[entry.collection as CollectionName];
    const result = schema.safeParse(entry.data);
    if (result.success) continue;
    const fields = Object.keys(schema.shape);
    for (const issue of result.error.issues) problems.push(issueToProblem(entry, issue as SchemaIssue, fields));
  }
  return problems;
}

export function checkContent(root: string, contentDir: string): { index: ContentIndex; problems: Problem[] } {
  const index = buildContentIndex(root, contentDir);
  return { index, problems: [...checkContentIndex(index), ...checkSchemas(index)] };
}

export function contentCheck(options: { root: string; contentDir: string }): AstroIntegration {
  return {
    name: 'orbital-dossier:content-check',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const { index, problems } = checkContent(options.root, options.contentDir);
        if (problems.length > 0) throw new ContentError(problems);
        logger.info(`${index.entries.size} entries checked: every field, reference and cross-link is valid.`);
      },
    },
  };
}
