/**
 * An independent check of the emitted site: every internal href and src must name a file
 * of the output, every #fragment an id on the target page, and every external link must be
 * a well-formed https URL (the rule of `external-url.ts`). Reads the HTML files only;
 * knows nothing of the content.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';
import { ContentErrors, type Problem } from '../lib/errors.ts';
import { externalUrlProblem, isExternalUrl } from '../lib/external-url.ts';
import { normalizeBase } from '../lib/urls.ts';

interface PageLinks {
  ids: Set<string>;
  links: { attribute: string; url: string }[];
}

const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  form: ['action'],
  blockquote: ['cite'],
};

function readPage(file: string): PageLinks {
  const page: PageLinks = { ids: new Set(), links: [] };
  const parser = new Parser({
    onopentag(name, attributes) {
      if (attributes.id) page.ids.add(attributes.id);
      if (name === 'a' && attributes.name) page.ids.add(attributes.name);
      for (const attribute of URL_ATTRIBUTES[name] ?? []) {
        const url = attributes[attribute];
        if (url !== undefined) page.links.push({ attribute: `<${name} ${attribute}>`, url });
      }
    },
  });
  parser.write(readFileSync(file, 'utf8'));
  parser.end();
  return page;
}

export function listHtml(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) files.push(join(entry.parentPath, entry.name));
  }
  return files.sort();
}

/** The URL path a file is served at, under `base`. */
export function fileToUrlPath(dir: string, file: string, base: string): string {
  const path = relative(dir, file).split(sep).join('/');
  return normalizeBase(base) + path.replace(/(^|\/)index\.html$/, '$1');
}

/** The file a URL path names, or undefined when there is none. */
export function urlPathToFile(dir: string, pathname: string, base: string): string | undefined {
  const b = normalizeBase(base);
  if (!pathname.startsWith(b)) return undefined;
  const rest = decodeURIComponent(pathname.slice(b.length));
  const candidate = join(dir, rest);
  if (rest === '' || rest.endsWith('/')) return existsSync(join(candidate, 'index.html')) ? join(candidate, 'index.html') : undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

export function checkOutput(dir: string, base: string): Problem[] {
  const problems: Problem[] = [];
  const pages = new Map<string, PageLinks>();
  const pageOf = (file: string) => {
    let page = pages.get(file);
    if (!page) pages.set(file, (page = readPage(file)));
    return page;
  };
  for (const file of listHtml(dir)) {
    const pageUrl = new URL(fileToUrlPath(dir, file, base), 'http://site');
    const at = relative(dir, file);
    for (const { attribute, url } of pageOf(file).links) {
      if (url === '') {
        problems.push({ file: at, ...ContentErrors.emptyOutputLink(attribute) });
        continue;
      }
      if (isExternalUrl(url)) {
        const problem = externalUrlProblem(url, `external link ${attribute}`);
        if (problem) problems.push({ file: at, ...problem });
        continue;
      }
      const target = new URL(url, pageUrl);
      const targetFile = urlPathToFile(dir, target.pathname, base);
      if (!targetFile) {
        problems.push({ file: at, ...ContentErrors.brokenOutputLink(attribute, url, target.pathname) });
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && targetFile.endsWith('.html') && !pageOf(targetFile).ids.has(fragment)) {
        problems.push({ file: at, ...ContentErrors.brokenOutputAnchor(attribute, url, relative(dir, targetFile), fragment) });
      }
    }
  }
  return problems;
}
