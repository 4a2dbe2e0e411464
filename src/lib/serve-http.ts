/**
 * The HTTP decisions of scripts/serve.ts that need no file system: reading the request
 * target, building a redirect, negotiating the content coding, conditional requests and
 * Range. Each refuses what it cannot read safely instead of guessing.
 */

export type Target = { ok: true; path: string; query: string } | { ok: false; status: 400 | 404; reason: string };

/**
 * Reads a request target (`req.url`) into its decoded, NFC-normalized path and raw query.
 * 400: not a path, a fragment, a malformed %-escape, bytes that are not UTF-8, control
 * characters (CR, LF, NUL…) once decoded. 404: what can never name a file here: an encoded
 * `/` or `\` (never turned into a path separator, so never into a redirect), a raw `\`,
 * `.` and `..` segments, empty segments (`//`).
 */
export function parseTarget(url: string): Target {
  let target = url;
  const absolute = /^https?:\/\/[^/?#]*/i.exec(target); // absolute-form, which servers must accept
  if (absolute) target = target.slice(absolute[0].length) || '/';
  if (!target.startsWith('/')) return { ok: false, status: 400, reason: 'not a path' };
  if (target.includes('#')) return { ok: false, status: 400, reason: 'a fragment in the request' };
  const q = target.indexOf('?');
  const rawPath = q === -1 ? target : target.slice(0, q);
  const query = q === -1 ? '' : target.slice(q);
  // Node hands raw bytes over as Latin-1 characters: put them back as the bytes they were.
  if (/[^\x00-\xff]/.test(rawPath)) return { ok: false, status: 400, reason: 'not bytes' };
  const escaped = rawPath.replace(/[^\x21-\x7e]/g, (c) => percent(c.charCodeAt(0)));
  if (/%(?![0-9A-Fa-f]{2})/.test(escaped)) return { ok: false, status: 400, reason: 'malformed %-encoding' };
  if (/%2f|%5c|\\/i.test(escaped)) return { ok: false, status: 404, reason: 'an encoded / or a \\ in the path' };
  let path: string;
  try {
    path = decodeURIComponent(escaped);
  } catch {
    return { ok: false, status: 400, reason: 'not UTF-8' };
  }
  if (/[\u0000-\u001f\u007f-\u009f]/.test(path)) return { ok: false, status: 400, reason: 'control characters in the path' };
  path = path.normalize('NFC');
  const segments = path.split('/').slice(1);
  for (const [i, segment] of segments.entries()) {
    if (segment === '.' || segment === '..') return { ok: false, status: 404, reason: 'a dot segment' };
    if (segment === '' && i < segments.length - 1) return { ok: false, status: 404, reason: 'an empty segment' };
  }
  return { ok: true, path, query };
}

function percent(byte: number): string {
  return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * A path-absolute Location for a decoded path and the raw query of the request: every
 * segment percent-encoded, the query's bytes outside printable ASCII too. It starts with one
 * `/` and holds only printable ASCII (no CR, LF, space or raw byte); anything else throws.
 */
export function locationFor(path: string, query = ''): string {
  const segments = path.split('/').slice(1);
  if (!path.startsWith('/') || segments.slice(0, -1).some((s) => s === '')) throw new Error(`Not a redirect target: ${JSON.stringify(path)}`);
  const location = `/${segments.map((s) => encodeURIComponent(s)).join('/')}${query.replace(/[^\x21-\x7e]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error('A query is raw bytes');
    return percent(code);
  })}`;
  if (location.startsWith('//') || location.startsWith('/\\') || !/^[\x21-\x7e]+$/.test(location))
    throw new Error(`Unsafe Location: ${JSON.stringify(location)}`);
  return location;
}

export type Coding = 'br' | 'gzip';

/**
 * Picks the content coding from Accept-Encoding (RFC 9110 §12.5.3) among those available:
 * the highest q above 0 wins, ties go to br, then gzip, then identity; `q=0` refuses; `*`
 * stands for every coding not named; `x-gzip` is gzip. No header, or nothing acceptable:
 * identity.
 */
export function negotiateEncoding(header: string | undefined, available: readonly Coding[]): Coding | 'identity' {
  if (header === undefined) return 'identity';
  const q = new Map<string, number>();
  for (const item of header.split(',')) {
    const [name = '', ...params] = item.split(';').map((s) => s.trim());
    if (!name) continue;
    let weight = 1;
    for (const param of params) {
      const m = /^q=([0-9.]+)$/i.exec(param);
      if (m) weight = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(m[1]!) ? Number(m[1]) : Number.NaN;
    }
    if (Number.isNaN(weight)) continue; // a malformed qvalue: the entry is ignored
    const coding = name.toLowerCase() === 'x-gzip' ? 'gzip' : name.toLowerCase();
    q.set(coding, Math.max(weight, q.get(coding) ?? 0));
  }
  const star = q.get('*');
  const weight = (coding: string) => q.get(coding) ?? (coding === 'identity' ? (star === 0 ? 0 : Math.max(star ?? 0, 0.001)) : (star ?? 0));
  let best: Coding | 'identity' = 'identity';
  let bestWeight = weight('identity');
  for (const coding of (['br', 'gzip'] as const).filter((c) => available.includes(c))) {
    const w = weight(coding);
    if (w > 0 && (w > bestWeight || (w === bestWeight && best === 'identity'))) {
      best = coding;
      bestWeight = w;
    }
  }
  return best;
}

/**
 * Whether a GET or HEAD is answered 304 (RFC 9110 §13.1): If-None-Match, when present,
 * decides alone (`*`, or any listed tag equal by weak comparison); otherwise
 * If-Modified-Since, at one-second precision.
 */
export function notModified(
  headers: { 'if-none-match'?: string | undefined; 'if-modified-since'?: string | undefined },
  etag: string,
  lastModified: Date,
): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    if (inm.trim() === '*') return true;
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    return inm.split(',').some((tag) => opaque(tag) === opaque(etag));
  }
  const ims = headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

/**
 * The Range header to pass on, or undefined to ignore it and send the whole file (which
 * RFC 9110 allows): only one `bytes=first-[last]` range with last ≥ first and last > 0, and
 * never with If-Range.
 */
export function acceptedRange(range: string | undefined, withIfRange: boolean): string | undefined {
  if (range === undefined || withIfRange) return undefined;
  const m = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(range.trim());
  if (!m) return undefined;
  if (m[2] !== '' && (Number(m[2]) < Number(m[1]) || Number(m[2]) === 0)) return undefined;
  return m[0];
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
};

/** The Content-Type for a file name; Pagefind's own (already compressed) files and anything unknown are bytes. */
export function contentType(name: string): string {
  const ext = /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  return TYPES[ext] ?? 'application/octet-stream';
}

/** Whether a file of this type is worth compressing (text; images and fonts are compressed already). */
export function compressible(type: string): boolean {
  return /^text\/|^application\/(json|manifest\+json|xml|atom\+xml|wasm)|^image\/svg\+xml|^image\/x-icon/.test(type);
}
