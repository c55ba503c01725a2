/**
 * Tags come from an editable vocabulary, `content/tags.yml`: each tag lists
 * the words that mean it in each language (`any` for names that do not
 * change). A tag is given only when one of its words is in the item's text,
 * as a whole word, ignoring case and accents. A word ending in `*` matches
 * any word that starts with it (`protest*`: protests, protesters).
 */
import { escapeRegExp } from "../lib/escape-reg-exp.ts";
import path from "node:path";
import { z } from "zod";
import { problemToString, type Problem } from "../records/problems.ts";
import { readTextFile, refusedFileProblem } from "../records/text-file.ts";
import { readYamlFile, type YamlFileWording } from "../records/yaml-file.ts";
import { ImportError } from "../records/import-error.ts";
import { fold } from "./markdown-text.ts";

export const TAGS_FILE = "content/tags.yml";

const LANGUAGE_KEY = /^(?:[a-z]{2,3}|any)$/;

const TagEntrySchema = z
  .object({
    // The tag's name in other languages (`labels: { es: huelga }`): names, not words to look for.
    labels: z.record(z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/), z.string().trim().min(1)).optional(),
  })
  .catchall(z.array(z.string().trim().min(1)))
  .superRefine((entry, context) => {
    for (const key of Object.keys(entry)) {
      if (key !== "labels" && !LANGUAGE_KEY.test(key)) {
        context.addIssue({
          code: "custom",
          path: [key],
          message: "a language is a code such as `en` or `es`, or `any` for words of every language",
        });
      }
    }
  });

const VocabularySchema = z.record(z.string().trim().min(1), TagEntrySchema);

export interface TagRule {
  tag: string;
  /** Language code -> compiled patterns (`any` applies to every language). */
  patterns: Map<string, RegExp[]>;
  /** Language code -> the tag's name in that language, if the vocabulary gives one. */
  labels: Record<string, string>;
}

export type Vocabulary = TagRule[];

function compile(word: string): RegExp {
  const folded = fold(word).replace(/[’`]/g, "'");
  const prefix = folded.endsWith("*");
  const core = escapeRegExp(prefix ? folded.slice(0, -1) : folded).replace(/\s+/g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${core}${prefix ? "[\\p{L}\\p{N}]*" : ""}(?![\\p{L}\\p{N}])`, "u");
}

const VOCABULARY_HINT =
  "each entry is a tag, then its words per language, and optionally its labels: `strike: { en: [strike, strikes], es: [huelga*], labels: { es: huelga } }`";
const WORDING: YamlFileWording = {
  what: "the tag vocabulary",
  syntaxHint: "each entry is `tag:` followed by its words, indented; see CONTRIBUTING.md",
  formPrefix: "the tag vocabulary is not in the expected form: ",
  key: "tag",
  missingHint: () => VOCABULARY_HINT,
  hints: { default: VOCABULARY_HINT },
};

export type ReadVocabulary = { vocabulary: Vocabulary; problems: [] } | { vocabulary: undefined; problems: Problem[] };

/**
 * The vocabulary in `text` (the file `file`), or every problem that keeps it
 * from being one, each at its line and field: read as every file editors
 * write is (yaml-file.ts), so `npm run check` and the importer agree.
 */
export function readVocabulary(text: string, file = TAGS_FILE): ReadVocabulary {
  const { data, problems } = readYamlFile(text, file, VocabularySchema, WORDING);
  if (!data) return { vocabulary: undefined, problems };
  const vocabulary = Object.entries(data).map(([tag, { labels, ...languages }]) => ({
    tag,
    patterns: new Map(Object.entries(languages).map(([language, words]) => [language, (words ?? []).map(compile)])),
    labels: labels ?? {},
  }));
  return { vocabulary, problems: [] };
}

/** What stops the importer when the vocabulary cannot be read: every problem with its file, line and field. */
function vocabularyError(file: string, problems: readonly Problem[]): ImportError {
  return new ImportError(`${file}: the tag vocabulary cannot be read; nothing was imported`, { details: problems.map(problemToString) });
}

/** `readVocabulary`, for the importer: the vocabulary, or `vocabularyError`. */
export function parseVocabulary(text: string, file = TAGS_FILE): Vocabulary {
  const { vocabulary, problems } = readVocabulary(text, file);
  if (vocabulary) return vocabulary;
  throw vocabularyError(file, problems);
}

/** Far more than any vocabulary needs. */
const MAX_VOCABULARY_BYTES = 1024 * 1024;

/**
 * Reads the vocabulary file `file` (relative to `root`) under the rules of
 * every file editors write (text-file.ts), then `readVocabulary`: what
 * `npm run check` reports and what the importer stops on. A missing file is
 * no vocabulary and no problem.
 */
export async function readVocabularyFile(root: string, file = TAGS_FILE): Promise<ReadVocabulary> {
  const read = await readTextFile(path.resolve(root, file), MAX_VOCABULARY_BYTES, {
    notAFile: "put the vocabulary file itself here",
    tooLarge: "keep the vocabulary to tags and their words",
    notUtf8: "save it with UTF-8 encoding",
  });
  if (read.missing) return { vocabulary: undefined, problems: [] };
  if (read.problem) return { vocabulary: undefined, problems: [refusedFileProblem(file, read.problem)] };
  return readVocabulary(read.text, file);
}

/** The importer's vocabulary: undefined when there is no file, an error listing every problem when it cannot be read. */
export async function loadVocabulary(root: string): Promise<Vocabulary | undefined> {
  const { vocabulary, problems } = await readVocabularyFile(root);
  if (problems.length) throw vocabularyError(TAGS_FILE, problems);
  return vocabulary;
}

function countMatches(folded: string, patterns: readonly RegExp[]): number {
  let count = 0;
  for (const pattern of patterns) count += folded.match(new RegExp(pattern.source, "gu"))?.length ?? 0;
  return count;
}

export interface TagOptions {
  /** The headline and opening text: one match there is enough even in a long article. */
  lead?: string;
}

/**
 * The tags whose words occur in the text, in vocabulary order. A long text
 * (a whole print article) mentions many things in passing, so there a tag
 * needs its words in the lead or at least three times in the text.
 */
export function assignTags(text: string, language: string, vocabulary: Vocabulary, options: TagOptions = {}): string[] {
  const normalize = (value: string) => fold(value).replace(/[’`]/g, "'");
  const folded = normalize(text);
  const lead = options.lead !== undefined ? normalize(options.lead) : undefined;
  const long = (text.match(/\S+/g)?.length ?? 0) > 300;
  const tags: string[] = [];
  for (const rule of vocabulary) {
    const patterns = [...(rule.patterns.get(language) ?? []), ...(rule.patterns.get("any") ?? [])];
    if (!patterns.some((pattern) => pattern.test(folded))) continue;
    if (long && !(lead !== undefined && patterns.some((pattern) => pattern.test(lead))) && countMatches(folded, patterns) < 3) continue;
    tags.push(rule.tag);
  }
  return tags;
}
