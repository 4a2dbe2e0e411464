/**
 * Turns schema issues into author-facing problems: `**field**: expected …, received …`,
 * with the line of the field and a fix. Modelled on Starlight's error map.
 */
import type { ModelEntry } from './content-model.ts';
import { getFieldLine } from './content-model.ts';
import { type Problem, suggest } from './errors.ts';

/** The parts of a Zod 4 issue we read. */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  minimum?: number | bigint;
  origin?: string;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

export function issueToProblem(entry: ModelEntry, issue: SchemaIssue, knownFields: string[]): Problem {
  const field = issue.path.map(String).join('.') || '(frontmatter)';
  const received = valueAt(entry.raw, issue.path);
  const base = { file: entry.file, line: getFieldLine(entry, issue.path) };
  switch (issue.code) {
    case 'invalid_type':
      if (received === undefined) {
        return {
          ...base,
          message: `**${field}**: missing, expected ${article(issue.expected ?? 'value')}.`,
          hint: `Add \`${field.split('.').at(-1)}: …\` to the frontmatter; see the field's description in src/schemas/.`,
        };
      }
      return {
        ...base,
        message: `**${field}**: expected ${article(issue.expected ?? 'value')}, received ${show(received)}.`,
        hint: 'See the field’s description in src/schemas/.',
      };
    case 'invalid_value':
      return {
        ...base,
        message: `**${field}**: expected one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(' | ')}, received ${show(received)}.`,
        hint: (() => {
          const near = typeof received === 'string' ? suggest(received, (issue.values ?? []).map(String)) : undefined;
          return near ? `Did you mean "${near}"?` : 'Use one of the listed values.';
        })(),
      };
    case 'unrecognized_keys':
      return {
        ...(issue.keys?.length ? { ...base, line: getFieldLine(entry, [...issue.path, issue.keys[0]!]) ?? base.line } : base),
        message: `Unexpected field${(issue.keys?.length ?? 0) > 1 ? 's' : ''} ${(issue.keys ?? []).map((k) => `**${k}**`).join(', ')}${issue.path.length ? ` in **${field}**` : ''}.`,
        hint: (() => {
          const near = issue.keys?.[0] ? suggest(issue.keys[0], knownFields) : undefined;
          return near ? `Did you mean "${near}"?` : `Remove it, or add it to the collection's schema in src/schemas/.`;
        })(),
      };
    default: {
      const message = issue.message.replace(/^Invalid input: /, '');
      const [what, fix] = message.split(/(?<=\.) (?=Did you mean|Add content)/);
      return {
        ...base,
        message: `**${field}**: ${what}${/[.?]$/.test(what ?? '') ? '' : '.'} Received ${show(received)}.`,
        hint: fix ?? 'See the field’s description in src/schemas/.',
      };
    }
  }
}
