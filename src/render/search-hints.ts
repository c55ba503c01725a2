/**
 * What the search boxes tell readers about the archive they search: which
 * languages one search covers, and a few words worth typing. Both come from
 * the archive, so another collection never shows this one's words, and an
 * example never leads to "No results".
 */
import { mostUsedFirst, type Archive } from "../archive/build-archive.ts";
import { formatMessage, messagesFor } from "../archive/interface-messages.ts";
import { fold } from "../lib/text-fold.ts";

/** Articles of a tag looked at for its name: enough to find it in nearly every tag, few enough to cost nothing. */
const ARTICLES_CHECKED = 25;

/** True when `phrase` is in `text` as whole words, case and accents aside. */
function hasPhrase(text: string, phrase: string): boolean {
  const folded = fold(text);
  const wanted = fold(phrase);
  for (let at = folded.indexOf(wanted); at !== -1; at = folded.indexOf(wanted, at + 1)) {
    const before = folded[at - 1];
    const after = folded[at + wanted.length];
    if ((before === undefined || !/[\p{L}\p{N}]/u.test(before)) && (after === undefined || !/[\p{L}\p{N}]/u.test(after))) return true;
  }
  return false;
}

/**
 * Up to `count` words to suggest in a search box: the names of the most used
 * tags that are written, as they are, in the text of one of their articles
 * (a tag may be given for a synonym or another language's word, and a search
 * for its name would then miss). None when no tag qualifies.
 */
export function searchExamples(archive: Pick<Archive, "tags" | "bodyOf">, count: number): string[] {
  const examples: string[] = [];
  for (const tag of mostUsedFirst(archive.tags)) {
    if (examples.length >= count) break;
    if (tag.articles.slice(0, ARTICLES_CHECKED).some((article) => hasPhrase(`${article.title}\n${archive.bodyOf(article).text}`, tag.name)))
      examples.push(tag.name);
  }
  return examples;
}

/** The placeholder of a search box, in the interface's language: "e.g. protests, coup", or "Words to find" when the archive offers no example. */
export function searchPlaceholder(archive: Pick<Archive, "tags" | "site" | "bodyOf">, count: number): string {
  const m = messagesFor(archive.site.language);
  const examples = searchExamples(archive, count);
  return examples.length ? formatMessage(m.searchExamples, { examples: examples.join(", ") }) : m.wordsToFind;
}

/**
 * The archive's languages named in the interface's language and joined as a
 * list ("English and Spanish"), when there are several; undefined for one.
 */
export function languagesOfArchive(archive: Pick<Archive, "languages" | "site">): string | undefined {
  if (archive.languages.length < 2) return undefined;
  const locale = archive.site.language;
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([locale], { type: "language" });
  } catch {
    names = undefined;
  }
  const named = archive.languages.map((language) => names?.of(language.slug) ?? language.name);
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(named);
}
