/**
 * An independent check of the emitted site: every internal href and src must name a file
 * of the output, every #fragment an id on the target page, and every external link must be
 * a well-formed https URL (the rule of `external-url.ts`). Reads the HTML files, and the
 * links of the Markdown files (`.md`, `llms*.txt`, parsed by remark), whose links to the
 * site itself are absolute; knows nothing of the content.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
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

const markdownParser = unified().use(remarkParse).use(remarkGfm);

/** The URLs of a Markdown file's links, images and link definitions. */
function readMarkdownLinks(file: string): string[] {
  const urls: string[] = [];
  visit(markdownParser.parse(readFileSync(file, 'utf8')), (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url);
  });
  return urls;
}

/** The Markdown files of the output: every `.md`, and `llms.txt` and the like at the top. */
export function listMarkdown(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const top = entry.parentPath === dir || entry.parentPath === `${dir}${sep}`;
    if (entry.isFile() && (entry.name.endsWith('.md') || (top && /^llms(-[a-z]+)?\.txt$/.test(entry.name)))) files.push(join(entry.parentPath, entry.name));
  }
  return files.sort();
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

/**
 * Every problem of the output's links. `origin` is the site's address (Astro's `site`): a Markdown link to it is
 * checked as an internal link, since Markdown links to the site are absolute.
 */
export function checkOutput(dir: string, base: string, origin?: string): Problem[] {
  const problems: Problem[] = [];
  const pages = new Map<string, PageLinks>();
  const pageOf = (file: string) => {
    let page = pages.get(file);
    if (!page) pages.set(file, (page = readPage(file)));
    return page;
  };
  const own = origin ? new URL(origin).origin : undefined;
  const check = (at: string, attribute: string, url: string, pageUrl: URL, sameOriginIsInternal: boolean) => {
    if (url === '') {
      problems.push({ file: at, ...ContentErrors.emptyOutputLink(attribute) });
      return;
    }
    const internal = sameOriginIsInternal && own !== undefined && URL.canParse(url) && new URL(url).origin === own;
    if (!internal && isExternalUrl(url)) {
      const problem = externalUrlProblem(url, `external link ${attribute}`);
      if (problem) problems.push({ file: at, ...problem });
      return;
    }
    const target = new URL(url, pageUrl);
    const targetFile = urlPathToFile(dir, target.pathname, base);
    if (!targetFile) {
      problems.push({ file: at, ...ContentErrors.brokenOutputLink(attribute, url, target.pathname) });
      return;
    }
    const fragment = decodeURIComponent(target.hash.slice(1));
    if (fragment && targetFile.endsWith('.html') && !pageOf(targetFile).ids.has(fragment)) {
      problems.push({ file: at, ...ContentErrors.brokenOutputAnchor(attribute, url, relative(dir, targetFile), fragment) });
    }
  };
  for (const file of listHtml(dir)) {
    const pageUrl = new URL(fileToUrlPath(dir, file, base), 'http://site');
    for (const { attribute, url } of pageOf(file).links) check(relative(dir, file), attribute, url, pageUrl, false);
  }
  for (const file of listMarkdown(dir)) {
    const fileUrl = new URL(fileToUrlPath(dir, file, base), own ?? 'http://site');
    for (const url of readMarkdownLinks(file)) check(relative(dir, file), 'in Markdown', url, fileUrl, true);
  }
  return problems;
}
