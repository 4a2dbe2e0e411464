/**
 * The catalogue of author-facing content errors. Each says what happened, quoting the
 * value, and how to fix it. The content checks collect them as `Problem`s so that one
 * build reports every problem at once.
 */
import { closest, distance } from 'fastest-levenshtein';

export interface Problem {
  /** Path of the offending file, relative to the project root. */
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  message: string;
  hint?: string | undefined;
}

export function formatProblem(p: Problem): string {
  const place = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file;
  return `${place}\n  ${p.message}${p.hint ? `\n  Hint: ${p.hint}` : ''}`;
}

/** Thrown when content fails the checks; its message lists every problem. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const count = problems.length === 1 ? '1 content problem' : `${problems.length} content problems`;
    super(`The build stopped on ${count}:\n\n${problems.map(formatProblem).join('\n\n')}\n`);
    this.name = 'ContentError';
    this.problems = problems;
    // An author's mistake is told by the message alone: where our code noticed it is of no use to them.
    this.stack = '';
  }
}

/** The nearest candidate to `value`, if it is close enough to be a likely typo. */
export function suggest(value: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length === 0) return undefined;
  // A truncated or partial value ("phase" for "phases-and-dates") is a likely slip too.
  const containing = list.filter((c) => value.length >= 3 && c.includes(value));
  if (containing.length > 0) return closest(value, containing);
  const best = closest(value, list);
  const limit = Math.max(3, Math.floor(value.length / 3));
  return distance(value, best) <= limit ? best : undefined;
}

function didYouMean(suggestion: string | undefined, fallback: string): string {
  return suggestion ? `Did you mean "${suggestion}"?` : fallback;
}

export const ContentErrors = {
  unknownCollection: (value: string, suggestion?: string) => ({
    message: `Unknown collection "${value}" in cross-link.`,
    hint: didYouMean(suggestion, 'Cross-links take the form [[collection/id]], with a folder name of content/.'),
  }),
  malformedCrossLink: (raw: string) => ({
    message: `Unexpected cross-link "${raw}", expected [[collection/id]], [[collection/id|label]] or [[collection/id#heading]].`,
    hint: 'Write the collection folder and the file name without extension, e.g. [[ilrs/overview]].',
  }),
  unclosedCrossLink: (raw: string) => ({
    message: `Unclosed cross-link "${raw}": no "]]" follows it in the same text.`,
    hint: 'Close it as [[collection/id]]. Inside a table cell, escape the label bar: [[collection/id\\|label]].',
  }),
  unknownEntry: (value: string, suggestion?: string) => ({
    message: `Unknown cross-link target "${value}": no such entry.`,
    hint: didYouMean(suggestion, 'Create the entry, or link to an existing file under content/.'),
  }),
  unknownAnchor: (target: string, anchor: string, suggestion?: string) => ({
    message: `Unknown heading anchor "#${anchor}" in "${target}".`,
    hint: didYouMean(suggestion, `"${target}" has no heading with that id; link to the page without an anchor or add the heading.`),
  }),
  unknownInternalLink: (url: string, suggestion?: string) => ({
    message: `Unknown internal link "${url}": no page has that path.`,
    hint: didYouMean(suggestion, 'Prefer a cross-link, [[collection/id]], which is checked and follows the base path.'),
  }),
  duplicateId: (collection: string, id: string, others: string[]) => ({
    message: `Duplicate id "${id}" in collection "${collection}": also defined by ${others.join(', ')}.`,
    hint: 'Each entry needs a file name of its own within its folder; rename or remove one of the files.',
  }),
  invalidId: (file: string, expected: string) => ({
    message: `Unexpected file name "${file}", expected a lowercase kebab-case id.`,
    hint: `Rename it to "${expected}".`,
  }),
  unknownFolder: (folder: string, suggestion?: string) => ({
    message: `Unexpected folder "content/${folder}", expected one of the site's collections.`,
    hint: didYouMean(suggestion, 'Add the collection to src/lib/collections.ts and its schema to src/schemas/index.ts, or move the files.'),
  }),
  unlabelledCrossLinkInHeading: (raw: string) => ({
    message: `Unlabelled cross-link "${raw}" in a heading: the heading's id would change with the target's title.`,
    hint: `Give it a label, e.g. ${raw.replace(/\]\]$/, '|label]]')}, or move the link out of the heading.`,
  }),
  unreadableFile: (file: string, reason: string) => ({
    message: `Unreadable file "${file}": ${reason}.`,
    hint: 'Restore the file or the target of its symbolic link, or remove it.',
  }),
  unreadableFrontmatter: (reason: string) => ({
    message: `Unreadable frontmatter: ${reason}`,
    hint: 'Frontmatter is YAML between two lines of three dashes at the top of the file.',
  }),
  invalidDate: (field: string, value: string) => ({
    message: `**${field}**: invalid date "${value}".`,
    hint: 'Write a real calendar date as YYYY-MM-DD, e.g. 2024-07-03.',
  }),
} as const;
