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
