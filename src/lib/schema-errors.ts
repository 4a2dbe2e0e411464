/**
 * Turns schema issues into author-facing problems: `**field**: expected …, received …`,
 * with the line of the field and a fix. Modelled on Starlight's error map.
 */
import type { ModelEntry } from './content-model.ts';
import { getFieldLine } from './content-model.ts';
import { ContentErrors, type Problem, suggest } from './errors.ts';

/** The parts of a Zod 4 issue we read. */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
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

export function issueToProblem(entry: ModelEntry, issue: SchemaIssue, knownFields: string[]): Problem {
  const field = issue.path.map(String).join('.') || '(frontmatter)';
  const received = valueAt(entry.raw, issue.path);
  const base = { file: entry.file, line: getFieldLine(entry, issue.path) };
  switch (issue.code) {
    case 'invalid_type':
      if (received === undefined) return { ...base, ...ContentErrors.missingField(field, issue.expected ?? 'value') };
      return { ...base, ...ContentErrors.wrongFieldType(field, issue.expected ?? 'value', show(received)) };
    case 'invalid_value': {
      const near = typeof received === 'string' ? suggest(received, (issue.values ?? []).map(String)) : undefined;
      return { ...base, ...ContentErrors.unlistedFieldValue(field, issue.values ?? [], show(received), near) };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys ?? [];
      const line = keys.length ? (getFieldLine(entry, [...issue.path, keys[0]!]) ?? base.line) : base.line;
      return { ...base, line, ...ContentErrors.unknownField(keys, issue.path.length ? field : '', keys[0] ? suggest(keys[0], knownFields) : undefined) };
    }
    case 'too_big':
      // A text over its limit: the schema's message says why the limit is there.
      if (issue.origin === 'string' && typeof received === 'string' && issue.maximum !== undefined) {
        return { ...base, ...ContentErrors.fieldTooLong(field, received.length, Number(issue.maximum), issue.message) };
      }
      break;
  }
  const message = issue.message.replace(/^Invalid input: /, '');
  const [what = message, fix] = message.split(/(?<=\.) (?=Did you mean|Add content)/);
  return { ...base, ...ContentErrors.invalidFieldValue(field, what, show(received), fix) };
}
