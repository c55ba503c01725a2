/**
 * Names that would split one thing into several on the site. Publications
 * whose names give the same address (`Fight Back News`, `fight back! news`,
 * `Fight Back! News`) share one page while the exports and citations keep
 * every spelling; a tag that is a vocabulary tag written otherwise, its label
 * in another language, or one of its words (`huelga` beside `strike`) makes a
 * second page for one topic.
 */
import type { ArticleRecord } from "../records/article-record.ts";
import { textToSlug } from "../records/ids.ts";
import type { Locate } from "../records/validate-archive.ts";
import type { TagRule, Vocabulary } from "../import/assign-tags.ts";
import type { CheckProblem } from "./check-problem.ts";

type At = (
  record: ArticleRecord,
  fieldPath: Array<string | number>,
  message: string,
  hint: string,
  severity?: CheckProblem["severity"],
) => void;

function reporter(problems: CheckProblem[], locate: Locate, origin: string): At {
  return (record, fieldPath, message, hint, severity = "error") =>
    problems.push({ file: record.file, ...locate(record.file, fieldPath), field: fieldPath.join("."), message, hint, severity, origin });
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/**
 * Each publication written in one way: the spelling most articles use (most
 * of those not `under review`, when some are: the files an editor asked about
 * are the new ones), and an error on every other.
 */
export function checkPublicationSpellings(
  records: readonly ArticleRecord[],
  locate: Locate,
  underReview: (file: string) => boolean = () => false,
): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const at = reporter(problems, locate, "publication-spelling");
  const bySlug = new Map<string, Map<string, ArticleRecord[]>>();
  for (const record of records) {
    if (!record.publication) continue;
    const spellings = bySlug.get(record.publicationSlug) ?? new Map<string, ArticleRecord[]>();
    spellings.set(record.publication, [...(spellings.get(record.publication) ?? []), record]);
    bySlug.set(record.publicationSlug, spellings);
  }
  for (const spellings of bySlug.values()) {
    if (spellings.size < 2) continue;
    // Ties go to the spelling of the first file, so the answer does not depend on the order files were read.
    const settled = (owners: readonly ArticleRecord[]) => owners.filter((record) => !underReview(record.file)).length;
    const ranked = [...spellings].sort(
      ([, a], [, b]) => settled(b) - settled(a) || b.length - a.length || (a[0]!.file < b[0]!.file ? -1 : 1),
    );
    const [existing, users] = ranked[0]!;
    for (const [spelling, owners] of ranked.slice(1)) {
      for (const record of owners) {
        at(
          record,
          ["publication"],
          `publication \`${spelling}\` differs from \`${existing}\` (${plural(users.length, "article")}) only in case, accents or punctuation: the site would merge them into one page, while the exports and citations keep ${spellings.size} spellings`,
          `write it as \`${existing}\``,
        );
      }
    }
  }
  return problems;
}

/** As the vocabulary's words are matched (assign-tags.ts): accents and case folded, typographic apostrophes made plain. */
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’`]/g, "'");

interface TagIndex {
  tags: Set<string>;
  bySlug: Map<string, TagRule>;
  byLabel: Map<string, { rule: TagRule; language: string }>;
  /** Each rule's words, as the importer matches them (`wholeMatch` makes them match a whole tag only). */
  words: Array<{ rule: TagRule; patterns: RegExp[] }>;
}

/**
 * Whether `pattern` matches all of `text`. A word's pattern is its words,
 * then a greedy run of letters for a prefix (`protest*`): its first match
 * is whole if any is. (Testing the importer's patterns, instead of compiling
 * anchored copies, saves compiling a regular expression per word at every
 * check.)
 */
function wholeMatch(pattern: RegExp, text: string): boolean {
  const match = pattern.exec(text);
  return match !== null && match.index === 0 && match[0].length === text.length;
}

function indexVocabulary(vocabulary: Vocabulary): TagIndex {
  const index: TagIndex = { tags: new Set(), bySlug: new Map(), byLabel: new Map(), words: [] };
  for (const rule of vocabulary) {
    index.tags.add(rule.tag);
    index.bySlug.set(textToSlug(rule.tag), rule);
    for (const [language, label] of Object.entries(rule.labels)) index.byLabel.set(fold(label), { rule, language });
    index.words.push({ rule, patterns: [...rule.patterns.values()].flat() });
  }
  return index;
}

/**
 * Article tags against the vocabulary: a vocabulary tag written otherwise, or
 * its label in a language, is an error; one of a tag's words is a warning
 * (a word may also be a topic of its own).
 */
export function checkVocabularyTags(records: readonly ArticleRecord[], vocabulary: Vocabulary | undefined, locate: Locate): CheckProblem[] {
  if (!vocabulary?.length) return [];
  const index = indexVocabulary(vocabulary);
  const problems: CheckProblem[] = [];
  const variant = reporter(problems, locate, "tag-variant");
  const translation = reporter(problems, locate, "tag-label");
  const word = reporter(problems, locate, "tag-word");
  for (const record of records) {
    (record.tags ?? []).forEach((tag, position) => {
      if (index.tags.has(tag)) return;
      const field = ["tags", position];
      const same = index.bySlug.get(textToSlug(tag));
      if (same) {
        variant(
          record,
          field,
          `tag \`${tag}\` is the vocabulary's tag \`${same.tag}\` written differently`,
          `write it as \`${same.tag}\`, as in content/tags.yml`,
        );
        return;
      }
      const label = index.byLabel.get(fold(tag));
      if (label) {
        translation(
          record,
          field,
          `tag \`${tag}\` is the \`${label.language}\` label of the vocabulary's tag \`${label.rule.tag}\``,
          `write \`${label.rule.tag}\`: a topic has one tag in every language, so all its articles are on one page`,
        );
        return;
      }
      const folded = fold(tag);
      const meant = index.words
        .filter(({ patterns }) => patterns.some((pattern) => wholeMatch(pattern, folded)))
        .map(({ rule }) => `\`${rule.tag}\``);
      if (meant.length) {
        word(
          record,
          field,
          `tag \`${tag}\` is one of the words of the vocabulary's tag ${meant.join(" or ")}`,
          `write ${meant.join(" or ")} so its articles share one page; if \`${tag}\` is a topic of its own, add it to content/tags.yml as a tag`,
          "warning",
        );
      }
    });
  }
  return problems;
}
