/**
 * Items of one page that are the same piece in two languages: they share the
 * names, numbers and dates (which translation keeps) but not the words. Each
 * item is paired with at most one per language, and only with its mutual best
 * match, when the shared names are many and specific to the two.
 */
import { findDates } from "./extract-date.ts";
import { fold } from "./markdown-text.ts";
import { ALL_STOPWORDS } from "./stopwords.ts";

export interface TranslationCandidate {
  language: string;
  /** Title, summary, body and bylines. */
  text: string;
}

/** Names (capitalized words not opening a sentence), acronyms, numbers and month-day dates. */
export function signatureTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  const plain = text.replace(/[*_#>\\[\]()]/g, " ");
  const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  let match: RegExpExecArray | null;
  while ((match = wordPattern.exec(plain))) {
    const word = match[0].replace(/['’]s$/, "").replace(/['’-]+$/, "");
    const before = plain.slice(Math.max(0, match.index - 3), match.index);
    const opensSentence = match.index === 0 || /(?:[.!?¿¡:"“«]\s*|\n\s*)$/.test(before);
    if (/^\d{2,}$/.test(word) || /^\d+(?:[.,]\d+)+$/.test(word)) {
      tokens.add(word.replace(/[.,]/g, ""));
      continue;
    }
    if (!/^\p{Lu}/u.test(word)) continue;
    const folded = fold(word);
    if (folded.length < 3 || ALL_STOPWORDS.has(folded)) continue;
    if (opensSentence && !/^\p{Lu}{2,}$/u.test(word)) continue;
    tokens.add(folded);
  }
  for (const date of findDates(text)) {
    if (date.month !== undefined && date.day !== undefined) tokens.add(`date:${date.month}-${date.day}`);
  }
  return tokens;
}

function similar(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.startsWith("date:") || b.startsWith("date:")) return false;
  if (Math.min(a.length, b.length) < 5) return false;
  // Brasil/Brazil, Constitución/Constitution, Perú/Peru (already folded).
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i >= 5 && Math.abs(a.length - b.length) <= 3) return true;
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) differences++;
  return differences <= 1;
}

/** Returns pairs of indices into `items` that are translations of each other. */
export function pairTranslations(items: readonly TranslationCandidate[]): Array<[number, number]> {
  const signatures = items.map((item) => signatureTokens(item.text));
  const documentFrequency = new Map<string, number>();
  for (const signature of signatures) for (const token of signature) documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
  const idf = (token: string) => Math.log(1 + items.length / (documentFrequency.get(token) ?? 1));

  const score = (a: number, b: number) => {
    let total = 0;
    let shared = 0;
    for (const token of signatures[a]!) {
      const match = [...signatures[b]!].find((other) => similar(token, other));
      if (match) {
        shared++;
        total += Math.min(idf(token), idf(match));
      }
    }
    const smaller = Math.min(signatures[a]!.size, signatures[b]!.size) || 1;
    return { total, shared, coverage: shared / smaller };
  };

  const best = new Map<number, { other: number; total: number }>();
  for (let a = 0; a < items.length; a++) {
    for (let b = 0; b < items.length; b++) {
      if (a === b || items[a]!.language === items[b]!.language) continue;
      const { total, shared, coverage } = score(a, b);
      const near = Math.abs(a - b) <= 3;
      if (shared < 3 || coverage < (near ? 0.35 : 0.5)) continue;
      const current = best.get(a);
      if (!current || total > current.total) best.set(a, { other: b, total });
    }
  }
  const pairs: Array<[number, number]> = [];
  for (const [a, { other }] of best) {
    if (a < other && best.get(other)?.other === a) pairs.push([a, other]);
  }
  return pairs;
}
