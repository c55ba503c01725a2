/**
 * Tags come from an editable vocabulary, `content/tags.yml`: each tag lists
 * the words that mean it in each language (`any` for names that do not
 * change). A tag is given only when one of its words is in the item's text,
 * as a whole word, ignoring case and accents. A word ending in `*` matches
 * any word that starts with it (`protest*`: protests, protesters).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { ImportError } from "./import-error.ts";
import { fold } from "./markdown-text.ts";

export const TAGS_FILE = "content/tags.yml";

const VocabularySchema = z.record(
  z.string().trim().min(1),
  z.record(z.string().regex(/^(?:[a-z]{2,3}|any)$/, { error: "languages are codes such as `en`, `es`, or `any`" }), z.array(z.string().trim().min(1))),
);

export interface TagRule {
  tag: string;
  /** Language code -> compiled patterns (`any` applies to every language). */
  patterns: Map<string, RegExp[]>;
}

export type Vocabulary = TagRule[];

function compile(word: string): RegExp {
  const folded = fold(word).replace(/[’`]/g, "'");
  const prefix = folded.endsWith("*");
  const core = (prefix ? folded.slice(0, -1) : folded).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${core}${prefix ? "[\\p{L}\\p{N}]*" : ""}(?![\\p{L}\\p{N}])`, "u");
}

export function parseVocabulary(text: string, file = TAGS_FILE): Vocabulary {
  let data: unknown;
  try {
    data = parse(text, { customTags: [] }) ?? {};
  } catch (error) {
    throw new ImportError(`${file}: not valid YAML: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
  const result = VocabularySchema.safeParse(data);
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new ImportError(`${file}: ${detail}`, { details: ["each tag is `tag: { en: [word, ...], es: [palabra, ...] }`"] });
  }
  return Object.entries(result.data).map(([tag, languages]) => ({
    tag,
    patterns: new Map(Object.entries(languages).map(([language, words]) => [language, words.map(compile)])),
  }));
}

export async function loadVocabulary(root: string): Promise<Vocabulary | undefined> {
  try {
    return parseVocabulary(await readFile(path.join(root, TAGS_FILE), "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
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
