import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addPrintNotes } from '../../src/lib/print-notes.ts';

const page = (main: string) =>
  `<!DOCTYPE html><html lang="en"><body><header><a href="/">Home</a></header><main id="main">${main}</main><footer><a href="/feed.xml">Feed</a></footer></body></html>`;
const notes = (html: string) => [...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);
const marks = (html: string) => [...html.matchAll(/<a data-print-note="(\d+)" href="([^"]*)"/g)].map((m) => `${m[1]} ${m[2]}`);

describe('print notes', () => {
  test('number each distinct address of the main content and list them at its end', () => {
    const html = addPrintNotes(
      page(
        '<p><a href="/kb/ilrs/overview/">ILRS</a>, <a href="https://example.org/a?x=1&amp;y=2">a source</a> and <a href="../overview/">the ILRS again</a>.</p>',
      ),
      'https://site.example/kb/ilrs/members/',
    );
    assert.deepEqual(marks(html), ['1 /kb/ilrs/overview/', '2 https://example.org/a?x=1&amp;y=2', '1 ../overview/']);
    assert.deepEqual(notes(html), ['https://site.example/kb/ilrs/overview/', 'https://example.org/a?x=1&amp;y=2']);
    assert.match(html, /<section class="print-notes" hidden[^>]*>.*<\/section><\/main>/);
  });

  test('leave out navigation, same-page anchors, elements hidden in print and links outside main', () => {
    const html = addPrintNotes(
      page(
        '<nav><a href="/x/">Breadcrumb</a></nav><p><a href="#fn-1">1</a></p><div data-print-hide><a href="/y/">Related</a></div><p hidden><a href="/z/">z</a></p><p><a href="/ok/">Kept</a></p>',
      ),
      'https://site.example/',
    );
    assert.deepEqual(marks(html), ['1 /ok/']);
    assert.deepEqual(notes(html), ['https://site.example/ok/']);
  });

  test('leave a page without such links as it was', () => {
    const html = page('<p>No links, only <a href="#top">an anchor</a>.</p>');
    assert.equal(addPrintNotes(html, 'https://site.example/'), html);
  });

  test('escape the addresses they print', () => {
    const html = addPrintNotes(page('<a href="https://example.org/?q=&lt;b&gt;">x</a>'), 'https://site.example/');
    assert.deepEqual(notes(html), ['https://example.org/?q=%3Cb%3E']);
  });
});
