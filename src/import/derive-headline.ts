/**
 * When the converter lost an item's headline, a provisional one is taken from
 * its teaser: the first sentence, or its first clause when the sentence is
 * long. It is always the teaser's own words, never a paraphrase, and the
 * record says so in `review`. A headline that stops inside its sentence ends
 * with `…`, as a quotation cut short does, so that no reader takes the cut for
 * the whole.
 */
import { datelineDate, findDates, type FoundDate } from "./extract-date.ts";
import { fold, wordCount, words } from "./markdown-text.ts";
import { ALL_STOPWORDS } from "./stopwords.ts";

const ABBREVIATIONS = new Set([
  "dr",
  "dra",
  "mr",
  "mrs",
  "ms",
  "sr",
  "sra",
  "srta",
  "st",
  "prof",
  "gen",
  "gral",
  "col",
  "cap",
  "lt",
  "sgt",
  "gov",
  "sen",
  "rep",
  "pres",
  "jr",
  "no",
  "nº",
  "n°",
  "vol",
  "pp",
  "p",
  "etc",
  "vs",
  "ca",
  "approx",
  "av",
  "avda",
  "jan",
  "feb",
  "mar",
  "apr",
  "aug",
  "sept",
  "sep",
  "oct",
  "nov",
  "dec",
  "ene",
  "dic",
  "inc",
  "ltd",
  "co",
  "corp",
  "u.s",
  "u.k",
  "e.g",
  "i.e",
  "ee.uu",
  "uu",
]);

const DATELINE = /^((?:\p{Lu}[\p{L}.'’]*)(?:,?\s+\p{Lu}[\p{L}.'’]*){0,4})\s+[–—-]{1,2}\s+(?=\S)/u;

/** `Tucson, AZ – On December 7 ...` -> `Tucson, AZ`. */
export function extractDateline(text: string): { place: string; rest: string } | undefined {
  const match = DATELINE.exec(text.trim());
  if (!match) return undefined;
  const place = match[1]!.trim();
  if (words(place).length > 5) return undefined;
  // `Tucson, AZ –`, `LIMA –`; not a sentence that happens to use a dash (`The Party – ...`).
  if (!place.includes(",") && place !== place.toUpperCase()) return undefined;
  if (ALL_STOPWORDS.has(fold(place.split(/\s+/)[0]!))) return undefined;
  return { place, rest: text.trim().slice(match[0].length) };
}

// `YEREVAN/BAKU (Reuters) - `, `LIMA (EFE).- `, `SPRINGFIELD, Ill. (AP) — `: a place in capitals (its state
// or country may follow as printed, `Ill.`, `Texas`, `New Mexico`), the agency in brackets, a dash.
const AGENCY_DATELINE =
  /^(\p{Lu}[\p{Lu}\p{M}.'’/ ,-]{1,40}?(?:,\s*\p{Lu}[\p{L}.]{1,14}(?:\s+\p{Lu}[\p{L}.]{1,14})?)?)\s*\(([^()]{2,40})\)\s*\.?\s*[–—-]{1,2}\s+(?=\S)/u;

/** The agency a dateline without a date credits: `WASHINGTON (Reuters) - The ...` -> `Reuters`. */
export function datelineAgency(text: string): string | undefined {
  const match = AGENCY_DATELINE.exec(text.trim());
  if (!match || words(match[1]!).length > 5) return undefined;
  return match[2]!.trim();
}

/** Sentences of running text, not broken after abbreviations (`Dr.`, `U.S.`) or inside names like `Fight Back!`. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /([.!?…]+)(["'”’»)\]]*)\s+(?=[\p{Lu}¿¡"“‘'(\d])/gu;
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(text))) {
    const end = match.index + match[1]!.length + match[2]!.length;
    const before = text.slice(start, match.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? "";
    if (
      match[1] === "." &&
      (ABBREVIATIONS.has(fold(lastWord).replace(/\.$/, "")) || /^\p{Lu}$/u.test(lastWord) || /^(?:\p{L}\.)+\p{L}?$/u.test(lastWord))
    )
      continue;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

const MIN_WORDS = 6;
const MAX_WORDS = 22;

function trimEnd(text: string): string {
  let result = text
    .trim()
    .replace(/[,;:–—-]+$/, "")
    .trim();
  // A cut should not end on a function word ("... awaited the").
  const parts = result.split(/[ \t]+/);
  while (parts.length > MIN_WORDS && ALL_STOPWORDS.has(fold(parts[parts.length - 1]!).replace(/[^\p{L}]/gu, ""))) parts.pop();
  result = parts
    .join(" ")
    .replace(/[,;:–—-]+$/, "")
    .trim();
  return result;
}

/**
 * A provisional headline from a teaser (plain text), or undefined when the
 * teaser has no words.
 */
export function headlineFromTeaser(teaser: string): string | undefined {
  // Collapse line breaks and runs of spaces only: a no-break space is part of the printed text.
  const opening = extractDateline(teaser) ? undefined : datelineDate(teaser.trim());
  const text = (extractDateline(teaser)?.rest ?? (opening ? teaser.trim().slice(opening.length) : teaser))
    .replace(/[ \t\r\n]+/g, " ")
    .trim();
  if (words(text).length === 0) return undefined;
  const sentences = splitSentences(text);
  let first = sentences[0] ?? text;
  // A first "sentence" of two or three words (`Jackson, Mississippi.`) says nothing alone: read on.
  for (let k = 1; k < sentences.length && words(first).length < 4 && words(`${first} ${sentences[k]}`).length <= MAX_WORDS; k++) {
    first = `${first} ${sentences[k]}`;
  }
  const sentence = first
    .replace(/(?<![.][.])[.]$/, "")
    .replace(/\s*(?:\[…\]|\[\.\.\.\]|…)$/, "")
    .trim();
  if (words(sentence).length <= MAX_WORDS) return sentence;

  // Long sentence: its first clause that says something (8 to 22 words).
  const clause = /[,;:](?=\s)|\s[–—](?=\s)/g;
  let match: RegExpExecArray | null;
  while ((match = clause.exec(sentence))) {
    const prefix = sentence.slice(0, match.index);
    const count = words(prefix).length;
    if (count > MAX_WORDS) break;
    if (count >= 8) return `${trimEnd(prefix)}…`;
  }
  const cut = sentence
    .split(/[ \t]+/)
    .slice(0, 16)
    .join(" ");
  return `${trimEnd(cut)}…`;
}

/**
 * `Pigs at the troughApr 17, 2010 11:00 pm - Most Americans ...`: a converter glued an item's headline,
 * its date and its teaser into one line. The headline (as printed, before the date), the date and where
 * the teaser starts; undefined unless a full date sits glued to the words before it and a dash follows.
 */
export function gluedHeadlineAndDate(text: string): { headline: string; date: FoundDate; rest: string } | undefined {
  const glue = /(?<=[\p{Ll}?!.…"”'’)])(?=\p{Lu})/gu;
  for (const match of text.slice(0, 200).matchAll(glue)) {
    const at = match.index;
    const date = findDates(text.slice(at, at + 40)).find(
      (found) => found.index === 0 && found.year !== undefined && found.day !== undefined,
    );
    if (!date) continue;
    const after = /^\s*(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?\s*[-–—]\s+(?=\S)/i.exec(text.slice(at + date.text.length));
    const headline = text.slice(0, at).trim();
    if (!after || wordCount(headline) < 2 || wordCount(headline) > 25) continue;
    return { headline, date: { ...date, index: at }, rest: text.slice(at + date.text.length + after[0].length) };
  }
  return undefined;
}
