/**
 * Records for the articles that did not become records, so that the rules
 * across files see them too: a file with a bad date still takes its id, its
 * publication's spelling and its tags, and check names a clash with another
 * file in the same run as the bad date, not in the run after it is fixed.
 * Each field is kept only when it is valid on its own; the rest is left
 * empty, so a stand-in never adds a problem of its own, only its part in one
 * across files.
 */
import { ArticleFrontMatterSchema, type ArticleFrontMatter } from "../records/article-schema.ts";
import type { ArticleRecord } from "../records/article-record.ts";
import { parseEdtfDate } from "../records/edtf-date.ts";
import { FrontMatterError, parseFrontMatter } from "../records/front-matter.ts";
import { textToSlug, titleToId } from "../records/ids.ts";
import { articleToPermalink } from "../records/permalink.ts";

type Shape = typeof ArticleFrontMatterSchema.shape;

/** The field's value when it is valid on its own; for a list, its valid items. */
function validPart<K extends keyof Shape>(key: K, value: unknown): ArticleFrontMatter[K] | undefined {
  if (value === undefined) return undefined;
  const whole = ArticleFrontMatterSchema.shape[key].safeParse(value);
  if (whole.success) return whole.data as ArticleFrontMatter[K];
  if (!Array.isArray(value)) return undefined;
  const kept = value.filter((item) => ArticleFrontMatterSchema.shape[key].safeParse([item]).success);
  return kept.length ? (ArticleFrontMatterSchema.shape[key].parse(kept) as ArticleFrontMatter[K]) : undefined;
}

/** A stand-in for the article in `file` (its text), or undefined when not even its id can be known. */
export function standInRecord(file: string, text: string): ArticleRecord | undefined {
  let data: Record<string, unknown>;
  try {
    data = parseFrontMatter(text).data;
  } catch (error) {
    if (error instanceof FrontMatterError) return undefined;
    throw error;
  }
  const part = <K extends keyof Shape>(key: K) => validPart(key, data[key]);
  const title = part("title");
  const id = part("id") ?? (title ? titleToId(title) : undefined);
  if (!id) return undefined;
  const date = part("date");
  const parsed = date ? parseEdtfDate(date) : undefined;
  const publication = part("publication") ?? "";
  const optional: Partial<ArticleFrontMatter> = {};
  for (const key of ["tags", "aliases", "translations", "source", "review", "authors"] as const) {
    const value = part(key);
    if (value !== undefined) Object.assign(optional, { [key]: value });
  }
  return {
    ...optional,
    title: title ?? "",
    publication,
    // An unknown language matches no other: no translation is called "the same language" because of it.
    language: part("language") ?? "",
    id,
    file,
    // With no valid date its address is unknown: a path no page has, so it collides with nothing.
    permalink:
      data.date === undefined || parsed?.ok ? articleToPermalink(id, parsed?.ok ? parsed.value : null) : `\0unknown address of ${file}`,
    parsedDate: parsed?.ok ? parsed.value : null,
    publicationSlug: textToSlug(publication),
    html: "",
    text: "",
  };
}
