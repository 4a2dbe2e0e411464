/**
 * Names in search: the form in which titles and aliases are stored in the `name` search
 * filter, and in which a query (and each run of words in it) is looked up there. An exact
 * name ("BDS", "Roskosmos", "Байконур") puts its entry first, whatever BM25 thinks; a name
 * inside a longer query ("Roscosmos chief") lifts its entry. Shared by the build and the
 * browser: the same function runs on both sides, so an other spelling that folds to the same
 * key finds the entry without being declared.
 */

import { distance } from 'fastest-levenshtein';

/** The readable normal form of a name: what the content report compares to find names two entries share. */
export function toSearchName(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'«»]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * Cyrillic letters of Russian and Kazakh in Latin letters (a plain scientific-style
 * transliteration), so that "Роскосмос", "Токаев" or "Байқоңыр" meet their Latin spellings;
 * the folds below then settle the differences between transliterations.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
};

/**
 * Spelling folds for names in Latin letters, applied in order to each word. They cover the
 * common other spellings of the dossier's names: transliterations of Russian, Kazakh and
 * Chinese (Baykonur/Baiqonyr/Baikonur, Tokayev/Tokaev/Toqaev, Roskosmos/Roscosmos,
 * Zhaslan/Jaslan, Yury/Yuri), German and Turkish letters (Süß, Mädiev, Bağdat) and a doubled
 * letter (Mussabayev/Musabayev). Over-folding is harmless as long as both sides fold alike:
 * only two different names folding together would be, and the unit tests list such pairs.
 */
const LATIN_FOLDS: [RegExp, string][] = [
  [/zh/g, 'j'],
  [/kh/g, 'h'],
  [/c(?!h)/g, 'k'],
  [/q/g, 'k'],
  [/y/g, 'i'],
  [/ou/g, 'u'],
  // The y (now i) between vowels that one transliteration writes and another leaves out: Tokayev, Tokaev.
  [/([aeou])i(?=[aeou])/g, '$1'],
];

/** A doubled letter is one letter, except in a Roman numeral (Artemis II is not Artemis III). */
const DOUBLED = /(\p{L})\1+/gu;
const ROMAN = /^[ivxlcdm]+$/;

function foldWord(word: string): string {
  let key = [...word].map((c) => CYRILLIC[c] ?? c).join('');
  if (ROMAN.test(key)) return key;
  key = key.replace(DOUBLED, '$1');
  for (const [pattern, replacement] of LATIN_FOLDS) key = key.replace(pattern, replacement);
  return key.replace(DOUBLED, '$1');
}

/**
 * The key under which a name is stored and looked up: lower case, without accents,
 * spaces, hyphens or punctuation ("Bei Dou" is "BeiDou", "Nur-Sultan" is "Nursultan",
 * "Chang'e 6" is "Change-6"), Cyrillic in Latin letters, with the spelling folds above.
 * Chinese characters stay as they are: their names are declared as aliases.
 */
export function toNameKey(text: string): string {
  return toSearchName(text)
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .map(foldWord)
    .join('');
}

/** At most this many words of a query are looked up as names: a pasted paragraph is no name. */
export const MAX_NAME_WORDS = 6;

/**
 * The keys of every run of consecutive words in a query, longest first, for the
 * "a name stands in the query" lookup: "Roscosmos chief" gives the keys of "Roscosmos
 * chief", "Roscosmos" and "chief". The whole query's key comes first.
 */
export function getQueryNameKeys(query: string): string[] {
  const words = toSearchName(query)
    .split(/[\s\u00a0]+|(?<=\p{L})[-‐–—/](?=\p{L})/u)
    .filter((w) => toNameKey(w) !== '');
  const all = toNameKey(query);
  const keys = new Set(all ? [all] : []);
  const limited = words.slice(0, MAX_NAME_WORDS);
  for (let length = limited.length; length >= 1; length--) {
    for (let start = 0; start + length <= limited.length; start++) {
      const key = toNameKey(limited.slice(start, start + length).join(' '));
      if (key) keys.add(key);
    }
  }
  return [...keys];
}

/**
 * The name keys a misspelt word or name may have meant, for when nothing in a query is a
 * name and Pagefind finds (almost) nothing: a dropped, added or changed letter (two in
 * names of eight letters or more, where a swap of two letters counts as two). Pagefind
 * itself has no typo tolerance; the name keys are few (those of the `name` filter), so
 * comparing each with the query's keys costs well under a millisecond.
 */
export function getSpellingMatches(query: string, names: readonly string[]): string[] {
  const keys = getQueryNameKeys(query).filter((key) => [...key].length >= 4);
  const found = new Set<string>();
  for (const key of keys) {
    const allowed = [...key].length >= 8 ? 2 : 1;
    for (const name of names) {
      if (Math.abs(name.length - key.length) > allowed || found.has(name)) continue;
      if (distance(key, name) <= allowed) found.add(name);
    }
  }
  return [...found];
}
