/**
 * The one-line JSDoc of every frontmatter field, read from the source of `src/schemas/`
 * with the TypeScript compiler API. Zod keeps no comments at runtime; reading them from
 * the source keeps the JSDoc the only copy of each description (no `.describe()` string
 * beside it to drift from it), and the schema files need no change for the guide, the
 * skeletons or the JSON Schemas to show them.
 *
 * The walk follows the shapes the schema files use: `z.object({…})`/`z.strictObject({…})`
 * and the calls chained on them (`.optional()`, `.refine()`), helpers that mark a schema
 * (`fact(label, schema)`, `volatile(schema, meta)`), `z.array(schema)`, spreads
 * (`...pageFields`), and identifiers declared in the same file or imported from another
 * schema file. `tests/unit/schema-docs.test.ts` fails when a field of
 * the runtime schemas has no description here, so a shape it cannot follow is noticed.
 * As for TypeScript itself, a JSDoc counts when it starts its own line, right above the field.
 * Pure: the files are handed in as text.
 */
import ts from 'typescript';
import type { DocTree } from './doc-tree.ts';

/** `files`: path (posix, e.g. `src/schemas/person.ts`) → source text. */
export function getSchemaDocs(files: Record<string, string>, entry: { file: string; name: string }): Record<string, DocTree> {
  const sources = new Map(Object.entries(files).map(([path, text]) => [path, ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true)]));

  /** The initializer of the top-level `const name = …` of `file`, following imports to other files. */
  function resolve(file: string, name: string, seen = new Set<string>()): { file: string; expr: ts.Expression } | undefined {
    const key = `${file}#${name}`;
    const source = sources.get(file);
    if (!source || seen.has(key)) return undefined;
    seen.add(key);
    for (const statement of source.statements) {
      if (ts.isVariableStatement(statement)) {
        for (const decl of statement.declarationList.declarations) {
          if (ts.isIdentifier(decl.name) && decl.name.text === name && decl.initializer) return { file, expr: decl.initializer };
        }
      }
      if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
        const bindings = statement.importClause?.namedBindings;
        if (!bindings || !ts.isNamedImports(bindings)) continue;
        for (const element of bindings.elements) {
          if (element.name.text !== name) continue;
          const target = joinPath(file, statement.moduleSpecifier.text);
          return resolve(target, (element.propertyName ?? element.name).text, seen);
        }
      }
    }
    return undefined;
  }

  /** The fields of the object schema an expression builds, if it builds one (directly or as a list's element). */
  function shapeOf(file: string, expr: ts.Expression, depth = 0): DocTree | undefined {
    if (depth > 20) return undefined;
    const next = (e: ts.Expression, f = file) => shapeOf(f, e, depth + 1);
    if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr)) return next(expr.expression);
    if (ts.isObjectLiteralExpression(expr)) return objectDocs(file, expr, depth);
    if (ts.isIdentifier(expr)) {
      const found = resolve(file, expr.text);
      return found ? next(found.expr, found.file) : undefined;
    }
    if (ts.isCallExpression(expr)) {
      const callee = expr.expression;
      const [first] = expr.arguments;
      // A helper that marks a schema (`fact(label, schema)`, `volatile(schema, meta)`) returns the schema it is given:
      // its first argument that is a schema rather than a label or an object of options.
      if (ts.isIdentifier(callee)) {
        for (const arg of expr.arguments) {
          const shape = ts.isObjectLiteralExpression(arg) || ts.isStringLiteral(arg) ? undefined : next(arg);
          if (shape) return shape;
        }
        return undefined;
      }
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        if (ts.isIdentifier(callee.expression) && callee.expression.text === 'z') {
          // z.object({…}), z.strictObject({…}), z.looseObject({…}), z.array(schema)
          return first && /^(object|strictObject|looseObject|array)$/.test(method) ? next(first) : undefined;
        }
        // A method chained on a schema (`.optional()`, `.default([])`, `.refine(…)`) keeps its fields.
        return next(callee.expression);
      }
    }
    return undefined;
  }

  function objectDocs(file: string, object: ts.ObjectLiteralExpression, depth: number): DocTree {
    const tree: DocTree = new Map();
    for (const property of object.properties) {
      if (ts.isSpreadAssignment(property)) {
        for (const [name, value] of shapeOf(file, property.expression, depth + 1) ?? []) tree.set(name, value);
        continue;
      }
      const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
      if (!name) continue;
      const value = ts.isPropertyAssignment(property) ? property.initializer : ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
      // Set again rather than updated, so a field redefined after a spread keeps the order and text of its new definition.
      tree.delete(name);
      tree.set(name, { doc: jsDocOf(property), fields: value ? shapeOf(file, value, depth + 1) : undefined });
    }
    return tree;
  }

  const root = resolve(entry.file, entry.name);
  const collections: Record<string, DocTree> = {};
  if (!root || !ts.isObjectLiteralExpression(unwrap(root.expr))) return collections;
  for (const property of (unwrap(root.expr) as ts.ObjectLiteralExpression).properties) {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
    collections[property.name.text] = shapeOf(root.file, property.initializer) ?? new Map();
  }
  return collections;
}

function unwrap(expr: ts.Expression): ts.Expression {
  return ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isParenthesizedExpression(expr) ? unwrap(expr.expression) : expr;
}

/** The text of the JSDoc comment right before a node, on one line. */
function jsDocOf(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const text = docs
    .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}

/** `src/schemas/view.ts` + `./fields.ts` → `src/schemas/fields.ts`. */
function joinPath(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}
