/**
 * Names that would split one thing into several on the site. Publications
 * whose names give the same address (`Fight Back News`, `fight back! news`,
 * `Fight Back! News`) share one page while the exports and citations keep
 * every spelling; a tag that is a vocabulary tag written otherwise, its label
 * in another language, or one of its words (`huelga` beside `strike`) makes a
 * second page for one topic. `npm run check` reports them; `npm run new`
 * writes the archive's spelling instead, saying why in check's words.
 */
import type { ArticleRecord } from "./article-record.ts";
import { textToSlug } from "./ids.ts";
import { problemReporter, type Locate, type Problem } from "./problems.ts";

/** A tag of the vocabulary (`content/tags.yml`) as the importer reads it (its `TagRule`): its words' patterns and its labels. */
export interface VocabularyTag {
  tag: string;
  /** Language code -> the compiled patterns of the words that mean the tag (`any` for every language). */
  patterns: ReadonlyMap<string, readonly RegExp[]>;
  /** Language code -> the tag's name in that language. */
  labels: Readonly<Record<string, string>>;
}

/** What these rules read of an article: `npm run new` has no record yet, only the fields it is given. */
export type NamedRecord = Pick<ArticleRecord, "file" | "publication" | "publicationSlug" | "tags">;

/** A problem these rules found; `origin` names the rule. */
export type NameProblem = Problem & { origin: string };

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** An article whose publication is spelt otherwise than the settled spelling of the same name. */
export interface Respelling {
  record: NamedRecord;
  /** As the article writes it. */
  spelling: string;
  /** As most articles write it: the spelling to use. */
  settled: string;
  /** How many articles write the settled spelling, and how many spellings there are. */
  users: number;
  spellings: number;
}

/**
 * Each publication written in one way: the spelling most articles use (most
 * of those not `under review`, when some are: the files an editor asked about,
 * or the one `new` is about to write, are the new ones); every article
 * spelling it otherwise is answered.
 */
export function publicationRespellings(
  records: readonly NamedRecord[],
  underReview: (file: string) => boolean = () => false,
): Respelling[] {
  const respellings: Respelling[] = [];
  const bySlug = new Map<string, Map<string, NamedRecord[]>>();
  for (const record of records) {
    if (!record.publication) continue;
    const spellings = bySlug.get(record.publicationSlug) ?? new Map<string, NamedRecord[]>();
    spellings.set(record.publication, [...(spellings.get(record.publication) ?? []), record]);
    bySlug.set(record.publicationSlug, spellings);
  }
  for (const spellings of bySlug.values()) {
    if (spellings.size < 2) continue;
    // Ties go to the spelling of the first file, so the answer does not depend on the order files were read.
    const settled = (owners: readonly NamedRecord[]) => owners.filter((record) => !underReview(record.file)).length;
    const ranked = [...spellings].sort(
      ([, a], [, b]) => settled(b) - settled(a) || b.length - a.length || (a[0]!.file < b[0]!.file ? -1 : 1),
    );
    const [existing, users] = ranked[0]!;
    for (const [spelling, owners] of ranked.slice(1))
      for (const record of owners)
        respellings.push({ record, spelling, settled: existing, users: users.length, spellings: spellings.size });
  }
  return respellings;
}

/** Check's words for a respelling: what is wrong, and what to write. */
export function respellingWords({ spelling, settled, users, spellings }: Respelling): { message: string; hint: string } {
  return {
    message: `publication \`${spelling}\` differs from \`${settled}\` (${plural(users, "article")}) only in case, accents or punctuation: the site would merge them into one page, while the exports and citations keep ${spellings} spellings`,
    hint: `write it as \`${settled}\``,
  };
}

/** Every publication spelt otherwise than its settled spelling: an error. */
export function checkPublicationSpellings(
  records: readonly NamedRecord[],
  locate: Locate,
  underReview: (file: string) => boolean = () => false,
): NameProblem[] {
  const problems: NameProblem[] = [];
  const at = problemReporter(problems, locate, "publication-spelling");
  for (const respelling of publicationRespellings(records, underReview)) {
    const { message, hint } = respellingWords(respelling);
    at(respelling.record, ["publication"], message, hint);
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

/** The vocabulary, indexed for looking up article tags. */
export interface TagIndex {
  tags: Set<string>;
  bySlug: Map<string, VocabularyTag>;
  byLabel: Map<string, { rule: VocabularyTag; language: string }>;
  /** Each rule's words, as the importer matches them (`wholeMatch` makes them match a whole tag only). */
  words: Array<{ rule: VocabularyTag; patterns: RegExp[] }>;
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

export function indexVocabulary(vocabulary: readonly VocabularyTag[]): TagIndex {
  const index: TagIndex = { tags: new Set(), bySlug: new Map(), byLabel: new Map(), words: [] };
  for (const rule of vocabulary) {
    index.tags.add(rule.tag);
    index.bySlug.set(textToSlug(rule.tag), rule);
    for (const [language, label] of Object.entries(rule.labels)) index.byLabel.set(fold(label), { rule, language });
    index.words.push({ rule, patterns: [...rule.patterns.values()].flat() });
  }
  return index;
}

/** What an article tag is to the vocabulary, in check's words; `write` is the vocabulary's tag to use instead, if one is certain. */
export interface VocabularyAdvice {
  origin: "tag-variant" | "tag-label" | "tag-word";
  severity: Problem["severity"];
  message: string;
  hint: string;
  write?: string;
}

/**
 * A tag against the vocabulary: a vocabulary tag written otherwise, or its
 * label in a language, is an error (write the vocabulary's tag); one of a
 * tag's words is a warning (a word may also be a topic of its own); any other
 * tag, nothing.
 */
export function vocabularyAdvice(tag: string, index: TagIndex): VocabularyAdvice | undefined {
  if (index.tags.has(tag)) return undefined;
  const same = index.bySlug.get(textToSlug(tag));
  if (same)
    return {
      origin: "tag-variant",
      severity: "error",
      message: `tag \`${tag}\` is the vocabulary's tag \`${same.tag}\` written differently`,
      hint: `write it as \`${same.tag}\`, as in content/tags.yml`,
      write: same.tag,
    };
  const label = index.byLabel.get(fold(tag));
  if (label)
    return {
      origin: "tag-label",
      severity: "error",
      message: `tag \`${tag}\` is the \`${label.language}\` label of the vocabulary's tag \`${label.rule.tag}\``,
      hint: `write \`${label.rule.tag}\`: a topic has one tag in every language, so all its articles are on one page`,
      write: label.rule.tag,
    };
  const folded = fold(tag);
  const meant = index.words
    .filter(({ patterns }) => patterns.some((pattern) => wholeMatch(pattern, folded)))
    .map(({ rule }) => `\`${rule.tag}\``);
  if (!meant.length) return undefined;
  return {
    origin: "tag-word",
    severity: "warning",
    message: `tag \`${tag}\` is one of the words of the vocabulary's tag ${meant.join(" or ")}`,
    hint: `write ${meant.join(" or ")} so its articles share one page; if \`${tag}\` is a topic of its own, add it to content/tags.yml as a tag`,
  };
}

/** Article tags against the vocabulary (`vocabularyAdvice`). */
export function checkVocabularyTags(
  records: readonly NamedRecord[],
  vocabulary: readonly VocabularyTag[] | undefined,
  locate: Locate,
): NameProblem[] {
  if (!vocabulary?.length) return [];
  const index = indexVocabulary(vocabulary);
  const problems: NameProblem[] = [];
  for (const record of records) {
    (record.tags ?? []).forEach((tag, position) => {
      const advice = vocabularyAdvice(tag, index);
      if (advice)
        problemReporter(problems, locate, advice.origin)(record, ["tags", position], advice.message, advice.hint, advice.severity);
    });
  }
  return problems;
}
