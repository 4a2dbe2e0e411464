import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { parseOutputTexts, MIN_PARALLEL_TEXTS } from '../../src/fs/check-pool-fs.ts';
import {
  checkOutput,
  fileToUrlPath,
  getCheckedOutput,
  getFilesToCheck,
  markdownSections,
  parseOutputJobs,
  readMarkdownLinks,
  readOutput,
  urlPathToFile,
  type CheckedOutput,
  type OutputCache,
} from '../../src/fs/check-output-fs.ts';
import { readContentModel } from '../../src/fs/content-model-fs.ts';
import { entryToMarkdown, makeLlmsFullTxt, makeLlmsTxt } from '../../src/lib/entry-markdown.ts';
import { getContentDir, getProjectRoot } from '../../src/lib/project.ts';
import { toSiteData } from './fake-site.ts';

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'od-out-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const html = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;

describe('the output link check', () => {
  test('maps files to URLs and back, under a base', () => {
    const dir = site({ 'index.html': html(''), 'ilrs/overview/index.html': html(''), '_astro/a.css': '' });
    assert.equal(fileToUrlPath(dir, join(dir, 'ilrs/overview/index.html'), '/kb/'), '/kb/ilrs/overview/');
    assert.equal(fileToUrlPath(dir, join(dir, 'index.html'), '/'), '/');
    assert.equal(urlPathToFile(dir, '/kb/ilrs/overview/', '/kb/'), join(dir, 'ilrs/overview/index.html'));
    assert.equal(urlPathToFile(dir, '/kb/_astro/a.css', '/kb/'), join(dir, '_astro/a.css'));
    assert.equal(urlPathToFile(dir, '/ilrs/overview/', '/kb/'), undefined);
    assert.equal(urlPathToFile(dir, '/kb/ilrs/missing/', '/kb/'), undefined);
  });

  test('accepts a site whose links, assets and anchors all resolve', () => {
    const dir = site({
      'index.html': html(
        '<a href="/ilrs/overview/#phases">x</a><a href="ilrs/overview/">rel</a><link href="/_astro/a.css"><a href="https://example.org/a">ext</a><a href="#top" id="top">top</a>',
      ),
      'ilrs/overview/index.html': html('<h2 id="phases">P</h2><a href="../../">home</a>'),
      '_astro/a.css': 'body{}',
    });
    assert.deepEqual(checkOutput(dir, '/'), []);
  });

  test('reports a missing page, a missing asset, a missing anchor, a malformed and an insecure external link', () => {
    const dir = site({
      'index.html': html(
        '<a href="/ilrs/nope/">a</a><script src="/_astro/gone.js"></script><a href="/ilrs/overview/#nope">b</a><a href="https//example.org">c</a><a href="ftp://example.org/">d</a><a href="http://example.org/x">e</a><img src="https://localhost/a.png" alt="">',
      ),
      'ilrs/overview/index.html': html('<h2 id="phases">P</h2>'),
    });
    assert.deepEqual(
      checkOutput(dir, '/').map((p) => p.message),
      [
        'Broken internal link <a href> "/ilrs/nope/": no file serves /ilrs/nope/.',
        'Broken internal link <script src> "/_astro/gone.js": no file serves /_astro/gone.js.',
        'Broken anchor <a href> "/ilrs/overview/#nope": ilrs/overview/index.html has no id "nope".',
        'Broken internal link <a href> "https//example.org": no file serves /https//example.org.',
        'Malformed external link <a href> "ftp://example.org/".',
        'Insecure external link <a href> "http://example.org/x": plain http.',
        'Malformed external link <img src> "https://localhost/a.png".',
      ],
    );
  });

  test('a relative link is judged on each page, a link from the root once for all', () => {
    const dir = site({
      'a/index.html': html('<a href="x/">x</a><a href="/a/x/">root</a>'),
      'b/index.html': html('<a href="x/">x</a><a href="/a/x/">root</a>'),
      'a/x/index.html': html('<p>X</p>'),
    });
    assert.deepEqual(
      checkOutput(dir, '/').map((p) => `${p.file}: ${p.message}`),
      ['b/index.html: Broken internal link <a href> "x/": no file serves /b/x/.'],
    );
  });

  test('a rebuild reads again only the files whose bytes changed, and finds what an edit broke', () => {
    const dir = site({ 'index.html': html('<a href="/a/">a</a>'), 'a/index.html': html('<p>A</p>') });
    const cache: OutputCache = new Map();
    assert.deepEqual(checkOutput(dir, '/', undefined, cache), []);
    assert.equal(cache.size, 2, 'one entry per file read');
    // What the cache says stands for a file with the same bytes: a planted entry shows it is not parsed again.
    const [homeKey] = [...cache.keys()].filter((k) => (cache.get(k) as { links: unknown[] }).links.length === 1);
    cache.set(homeKey!, { ids: new Set(), links: [{ attribute: '<a href>', url: '/planted/' }] });
    assert.deepEqual(
      checkOutput(dir, '/', undefined, cache).map((p) => p.message),
      ['Broken internal link <a href> "/planted/": no file serves /planted/.'],
    );
    // An edited file has other bytes: read again.
    writeFileSync(join(dir, 'index.html'), html('<a href="/b/">b</a>'));
    assert.deepEqual(
      checkOutput(dir, '/', undefined, cache).map((p) => p.message),
      ['Broken internal link <a href> "/b/": no file serves /b/.'],
    );
    assert.equal(cache.size, 2, 'entries of files no longer in the output are dropped');
  });

  test('after a passing check, judges again only the files that changed, unless a file or an id came or went', () => {
    const dir = site({
      'index.html': html('<a href="/a/#x">a</a>'),
      'a/index.html': html('<h2 id="x">X</h2><a href="/">home</a>'),
      'b/index.html': html('<p>B</p>'),
    });
    const cache: OutputCache = new Map();
    const check = (last?: CheckedOutput) => {
      const { output, unparsed } = readOutput(dir, cache);
      parseOutputJobs(unparsed, cache);
      return {
        problems: checkOutput(dir, '/', undefined, cache, output, last).map((p) => `${p.file}: ${p.message}`),
        seen: getCheckedOutput(dir, '/', undefined, output),
      };
    };
    const first = check();
    assert.deepEqual(first.problems, []);
    // A planted entry for the unchanged home page: judged, it would be a broken link.
    const homeKey = first.seen.files.get('index.html')!;
    cache.set(homeKey, { ids: new Set(), links: [{ attribute: '<a href>', url: '/planted/' }] });
    assert.deepEqual(check(first.seen).problems, [], 'an unchanged file is not judged again');
    assert.deepEqual(
      check().problems,
      ['index.html: Broken internal link <a href> "/planted/": no file serves /planted/.'],
      'without the last check, every file is',
    );
    cache.set(homeKey, { ids: new Set(), links: [{ attribute: '<a href>', url: '/a/#x' }] });
    // A changed page with the same ids: judged alone, its new problem found.
    writeFileSync(join(dir, 'b/index.html'), html('<p>B</p><a href="/c/">c</a>'));
    assert.deepEqual(check(first.seen).problems, ['b/index.html: Broken internal link <a href> "/c/": no file serves /c/.']);
    writeFileSync(join(dir, 'b/index.html'), html('<p>B</p>'));
    // An id gone from a changed page: every file is judged, and the unchanged page that named it fails.
    writeFileSync(join(dir, 'a/index.html'), html('<h2 id="y">X</h2><a href="/">home</a>'));
    assert.deepEqual(check(first.seen).problems, ['index.html: Broken anchor <a href> "/a/#x": a/index.html has no id "x".']);
    writeFileSync(join(dir, 'a/index.html'), html('<h2 id="x">X</h2><a href="/">home</a>'));
    // A file gone: every file is judged.
    rmSync(join(dir, 'a/index.html'));
    assert.deepEqual(check(first.seen).problems, ['index.html: Broken internal link <a href> "/a/#x": no file serves /a/.']);
  });

  test('judges every file when the last check saw another base or origin, or none', () => {
    const files = new Map([
      ['index.html', 'html:1'],
      ['a/index.html', 'html:2'],
    ]);
    const ids = () => new Set(['x']);
    const last: CheckedOutput = { setting: '/\n', files };
    assert.deepEqual(getFilesToCheck(last, { setting: '/', files: new Map(files) } as CheckedOutput, ids), undefined);
    assert.deepEqual(getFilesToCheck(last, { setting: '/kb/\n', files: new Map(files) }, ids), undefined);
    assert.deepEqual(getFilesToCheck(undefined, last, ids), undefined);
    assert.deepEqual(getFilesToCheck(last, { setting: '/\n', files: new Map(files) }, ids), new Set(), 'nothing changed, nothing to judge');
    assert.deepEqual(getFilesToCheck(last, { setting: '/\n', files: new Map([...files, ['a/index.html', 'html:3']]) }, ids), new Set(['a/index.html']));
    assert.equal(
      getFilesToCheck(last, { setting: '/\n', files: new Map([...files, ['a/index.html', 'html:3']]) }, () => undefined),
      undefined,
      'ids it cannot read: all',
    );
  });

  test('reading a cold build’s texts on threads first gives the same problems and the same cache', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) {
      files[`p${i}/index.html`] = html(`<h2 id="h${i}">H</h2><a href="/p${(i + 1) % 200}/#h${(i + 1) % 200}">next</a><a href="/p${i}/#gone">broken</a>`);
      files[`p${i}.md`] =
        `# P${i}\n\n[next](https://od.example/p${(i + 1) % 200}/) and [nowhere](https://od.example/none${i}/)\n\n## More\n\n![img](/missing${i}.png)\n`;
    }
    const dir = site(files);
    const alone: OutputCache = new Map();
    const expected = checkOutput(dir, '/', 'https://od.example', alone);
    assert.equal(expected.length, 600, 'a broken anchor in each page, two broken links in each Markdown file');
    const prefilled: OutputCache = new Map();
    const { output, unparsed } = readOutput(dir, prefilled);
    const parsed = await parseOutputTexts(unparsed, prefilled, 2);
    assert.ok(parsed >= MIN_PARALLEL_TEXTS, `the threads read the texts (${parsed})`);
    assert.deepEqual(prefilled, alone, 'the threads read each text as the check does');
    assert.deepEqual(checkOutput(dir, '/', 'https://od.example', prefilled, output), expected);
    assert.equal(await parseOutputTexts(readOutput(dir, prefilled).unparsed, prefilled, 2), 0, 'nothing new: no thread starts');
  });

  test('checks the output as readOutput found it: the check itself reads no file', async () => {
    const dir = site({ 'index.html': html('<a href="/a/#x">a</a>'), 'a/index.html': html('<h2 id="x">X</h2>') });
    const cache: OutputCache = new Map();
    const { output, unparsed } = readOutput(dir, cache);
    assert.equal(unparsed.length, 2);
    await parseOutputTexts(unparsed, cache, 2);
    // Changed on disk after the read: the check still sees what readOutput read, so the files were not read again.
    writeFileSync(join(dir, 'a/index.html'), html('<h2 id="y">Y</h2>'));
    assert.deepEqual(checkOutput(dir, '/', undefined, cache, output), []);
    assert.equal(checkOutput(dir, '/').length, 1, 'read afresh, the anchor is gone');
  });

  test('reads Markdown by sections, cut before headings outside code, so an edit re-reads one section', () => {
    const text = '# T\n\n[a](/a/)\n\n## B\n\n```\n## not a heading\n```\n\n[^1]: [b](/b/)\n### C\n[c](/c/)\n';
    const sections = markdownSections(text);
    assert.equal(sections.join(''), text, 'nothing lost');
    assert.deepEqual(
      sections.map((s) => s.split('\n')[0]),
      ['# T', '## B', '### C'],
    );
    const dir = site({ 'index.html': html(''), 'a/index.html': html(''), 'llms-full.txt': text });
    const cache: OutputCache = new Map();
    assert.deepEqual(
      checkOutput(dir, '/', 'https://od.example', cache).map((p) => p.message),
      ['Broken internal link in Markdown "/b/": no file serves /b/.', 'Broken internal link in Markdown "/c/": no file serves /c/.'],
    );
    assert.equal(cache.size, 3 + 1, 'one entry per Markdown section, one for the two HTML pages of the same bytes');
  });

  test('under a base path, a link that forgets the base is broken', () => {
    const dir = site({ 'index.html': html('<a href="/ilrs/overview/">x</a>'), 'ilrs/overview/index.html': html('') });
    assert.equal(checkOutput(dir, '/kb/').length, 1);
    assert.deepEqual(checkOutput(dir, '/'), []);
  });

  test('checks the links of the Markdown files and llms.txt: absolute links to the site as internal ones', () => {
    const files = {
      'index.html': html(''),
      'ilrs/overview/index.html': html('<h2 id="phases">P</h2>'),
      'ilrs/overview.md':
        '# ILRS\n\nSee [the phases](https://od.example/kb/ilrs/overview/#phases), [home](https://od.example/kb/) and [a source](https://example.org/a).\n',
      'llms.txt': '# OD\n\n- [ILRS](https://od.example/kb/ilrs/overview.md): the station.\n',
    };
    assert.deepEqual(checkOutput(site(files), '/kb/', 'https://od.example'), []);
    const broken = site({
      ...files,
      'ilrs/overview.md':
        '[gone](https://od.example/kb/ilrs/gone/), [anchor](https://od.example/kb/ilrs/overview/#nope), [no base](https://od.example/ilrs/overview/), [ref][r]\n\n[r]: http://example.org/\n',
      'llms-full.txt': '[missing](https://od.example/kb/ilrs/missing.md)\n',
      'notes.txt': '[not Markdown, not read](https://od.example/kb/nowhere/)\n',
    });
    assert.deepEqual(
      checkOutput(broken, '/kb/', 'https://od.example').map((p) => `${p.file}: ${p.message}`),
      [
        'ilrs/overview.md: Broken internal link in Markdown "https://od.example/kb/ilrs/gone/": no file serves /kb/ilrs/gone/.',
        'ilrs/overview.md: Broken anchor in Markdown "https://od.example/kb/ilrs/overview/#nope": ilrs/overview/index.html has no id "nope".',
        'ilrs/overview.md: Broken internal link in Markdown "https://od.example/ilrs/overview/": no file serves /ilrs/overview/.',
        'ilrs/overview.md: Insecure external link in Markdown "http://example.org/": plain http.',
        'llms-full.txt: Broken internal link in Markdown "https://od.example/kb/ilrs/missing.md": no file serves /kb/ilrs/missing.md.',
      ],
    );
  });

  // The check reads Markdown with markdown-it for speed; remark (with GFM) is the reference it must agree with.
  const remark = unified().use(remarkParse).use(remarkGfm);
  const remarkLinks = (text: string) => {
    const urls: string[] = [];
    visit(remark.parse(text), (node) => {
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url);
    });
    return urls.sort();
  };
  const sorted = (urls: string[]) => [...urls].sort();

  test('finds the links remark with GFM finds, case by case', () => {
    const cases = [
      '[a](/a/) and ![img](/i.png "t") and <https://example.org/x> and [ref][r] and [r] and [gone][nowhere]\n\n[r]: /r/ "T"\n',
      '`[code](/not/)` and\n\n```\n[fenced](/not/)\n```\n\n    [indented](/not/)\n',
      '| a | [b](/t\\|u) |\n| --- | --- |\n| [c](/v/) | ~~[d](/w/)~~ |\n',
      'Text[^1] and[^n].\n\n[^1]: See [one](/one/).\n[^n]: And <https://example.org/n>.\n',
      '[^orphan]: A definition whose reference is elsewhere, [its link](/orphan/).\n',
      'Literals: https://example.org/a. www.example.com, a@b.example and Node.js or example.com stay text.\n',
      '[javascript](javascript:alert(1)) [spaces](</a b/>) [entity](/a&amp;b/) [escaped](/a\\)b/) [empty]()\n',
      '<div>\n\n[in html](/h/)\n\n</div>\n\n<a href="/raw/">raw html is not a Markdown link</a>\n',
      '> - [quoted list](/q/)\n>   1. [nested](/n/)\n\n* **[strong](/s/)** _[em](/e/)_\n',
      '\\[not a link](/x/) [a [nested] label](/nl/) [[cross]] [x]: /late/\n',
    ];
    for (const text of cases) assert.deepEqual(sorted(readMarkdownLinks(text)), remarkLinks(text), text);
  });

  test('finds the links remark finds in every section of the dossier’s own Markdown (.md files, llms.txt, llms-full.txt)', () => {
    const site = toSiteData(readContentModel(getProjectRoot(), getContentDir()));
    const ctx = { site, origin: 'https://od.example' };
    const texts = [makeLlmsTxt(ctx), makeLlmsFullTxt(ctx), ...[...site.byKey.values()].map((entry) => entryToMarkdown(entry, ctx))];
    let links = 0;
    for (const section of texts.flatMap(markdownSections)) {
      const found = sorted(readMarkdownLinks(section));
      assert.deepEqual(found, remarkLinks(section), section.slice(0, 200));
      links += found.length;
    }
    assert.ok(links > 10_000, `${links} links compared`);
  });
});
