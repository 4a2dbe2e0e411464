/**
 * The one rule for links that leave the site, shared by the content check (file and line
 * of the author's link) and the output check (every emitted `href` and `src`): an
 * absolute https URL with a real host name. `mailto:` and `tel:` pass.
 */
import { ContentErrors, type Raised } from './errors.ts';

/** Whether a URL leaves the site: it has a scheme or is protocol-relative. */
export function isExternalUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
}

/** What is wrong with an external URL, or `undefined` when it is a well-formed https URL. */
export function externalUrlProblem(url: string, what = 'external link'): Raised | undefined {
  if (/^(mailto|tel):/i.test(url)) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol === 'http:' && parsed.hostname.includes('.')) return ContentErrors.insecureExternalUrl(url, what);
  if (!parsed || parsed.protocol !== 'https:' || !parsed.hostname.includes('.') || parsed.hostname.startsWith('.') || parsed.hostname.endsWith('.')) {
    return ContentErrors.malformedExternalUrl(url, what);
  }
  return undefined;
}

/**
 * The scheme of a URL as a browser reads it (it ignores ASCII whitespace and control
 * characters inside, so `java\tscript:` is `javascript:`), lower-cased; undefined for a path.
 */
export function urlScheme(url: string): string | undefined {
  const squeezed = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return squeezed.match(/^([a-z][a-z0-9+.-]*):/i)?.[1]?.toLowerCase();
}

/** Whether an address may appear in content at all: a path, or an https, http (refused later, with its fix), mailto or tel URL. */
export function isAllowedScheme(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || ['https', 'http', 'mailto', 'tel'].includes(scheme);
}
