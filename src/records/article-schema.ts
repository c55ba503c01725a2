/**
 * The article file contract (CONTRIBUTING.md, "The fields of an article"): the one schema
 * for an article's front matter. Every TypeScript type for it is inferred from
 * here, so validation and types cannot drift apart.
 */
import { z } from "zod";
import { parseEdtfDate } from "./edtf-date.ts";
import { isDeviceName, isPathSafeId } from "./ids.ts";

const nonEmptyText = z.string({ error: "must be text" }).trim().min(1, { error: "must not be empty" });

/** Bylines, tags and ids are printed lists: a lone string is a common slip, so say so. */
const A_LIST = { error: "must be a list, e.g. `[a, b]` or one `- item` per line" };
const textList = z.array(nonEmptyText, A_LIST);

/*
 * Bounds far above any real article, so that one file cannot cost the build what thousands of
 * articles do: each tag, author and alias makes pages (and a tag two feeds) of its own, and a
 * headline or name is printed on every list that shows the article.
 */
const MOST_CHARACTERS = { title: 1000, name: 300, summary: 5000 } as const;
const MOST_IN_LIST = { tags: 50, authors: 50, aliases: 20, translations: 20 } as const;

const boundedText = (most: number, what: string) =>
  nonEmptyText.max(most, { error: `must be at most ${most.toLocaleString("en")} characters: ${what}` });
const name = boundedText(MOST_CHARACTERS.name, "a name, not a paragraph");
const boundedList = <T extends z.ZodType>(list: z.ZodArray<T>, field: keyof typeof MOST_IN_LIST, why: string) =>
  list.max(MOST_IN_LIST[field], { error: `must hold at most ${MOST_IN_LIST[field]} ${field}: ${why}` });

export const httpUrl = z
  .string({ error: "must be an address" })
  .trim()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return url.protocol === "http:" || url.protocol === "https:";
      } catch {
        return false;
      }
    },
    { error: "must be an http(s) address such as `https://example.org/page`" },
  );

export const idSchema = z.string({ error: "must be text" }).refine(isPathSafeId, {
  error:
    "must be a path-safe slug: lower-case letters, digits and single hyphens, at most 100 characters, not only digits, not a reserved name",
});

export const edtfSchema = z.preprocess(
  // YAML reads an unquoted `date: 2021` as a number; a bare year is what the editor meant.
  (value) => (typeof value === "number" && Number.isInteger(value) ? String(value) : value),
  z
    .string({ error: "must be an EDTF date such as `2023-01-09`, `2022-12`, `2021?` or `2022-12/2023-01`" })
    .trim()
    .superRefine((value, ctx) => {
      const parsed = parseEdtfDate(value);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
    }),
);

export const languageSchema = z
  .string({ error: "must be a BCP 47 language code such as `en` or `es`" })
  .trim()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
    error: "must be a BCP 47 language code such as `en`, `es` or `pt-BR`",
  });

/** An earlier address of the article: site-relative, so old links keep working. */
export const aliasSchema = z
  .string({ error: "must be a site-relative address" })
  .trim()
  .regex(/^\/(?:[a-z0-9][a-z0-9._-]*\/)*$/, {
    error: "must be a site-relative folder address such as `/2022/12/old-id/` (lower case, ending in `/`)",
  })
  .refine((value) => !value.split("/").some((part) => part === ".." || part === "."), {
    error: "must not contain `.` or `..` segments",
  })
  .refine((value) => !value.split("/").some(isDeviceName), {
    error:
      "must not have a folder named like a Windows device (`con`, `prn`, `aux`, `nul`, `com1`…`com9`, `lpt1`…`lpt9`, with or without an extension): it could not be checked out or served from Windows",
  })
  .refine((value) => !value.split("/").some((part) => part.endsWith(".") || part.toLowerCase() === "index.html"), {
    error: "must not have a folder ending in `.` or named `index.html`: each alias folder holds an `index.html` page",
  })
  .refine((value) => !isSiteAddress(value), {
    error: "must not be an address the site makes for itself (such as `/search/`, `/tags/x/` or `/2023/01/`)",
  });

/** First folders the site writes itself, whatever the content. */
const SITE_SECTIONS = new Set([
  "a",
  "articles",
  "years",
  "tags",
  "publications",
  "authors",
  "languages",
  "search",
  "pagefind",
  "data",
  "sources",
]);

/** Pages the site makes (home, sections, date archives and their pages): an alias there would replace one. */
export function isSiteAddress(address: string): boolean {
  const first = address.split("/")[1] ?? "";
  // A first folder with a dot would shadow a file at the top of the site (`/styles.css`, `/feed.xml`).
  // Any number is a year's folder: year pages go back past 1000 (`/800/`).
  return (
    address === "/" ||
    SITE_SECTIONS.has(first) ||
    first.includes(".") ||
    /^\/(?:\d+\/(?:\d{2}\/(?:\d{2}\/)?)?|undated\/)(?:page\/\d+\/)?$/.test(address)
  );
}

export const SourceRefSchema = z.strictObject({
  file: nonEmptyText,
  sha256: z.string().regex(/^[a-f0-9]{64}$/, { error: "must be a 64-character hex sha256" }),
  lines: z
    .tuple([z.number().int().positive(), z.number().int().positive()], {
      error: "must be `[first, last]` line numbers",
    })
    .refine(([first, last]) => first <= last, { error: "first line must not be after the last" }),
});

export const ArticleFrontMatterSchema = z.strictObject({
  title: boundedText(MOST_CHARACTERS.title, "a headline; the text goes below the front matter"),
  publication: name,
  language: languageSchema,
  date: edtfSchema.optional(),
  authors: boundedList(z.array(name, A_LIST), "authors", "each makes a page of its own").optional(),
  summary: boundedText(MOST_CHARACTERS.summary, "a dek or teaser; the text goes below the front matter").optional(),
  tags: boundedList(z.array(name, A_LIST), "tags", "each makes a page and two feeds of its own").optional(),
  place: name.optional(),
  url: httpUrl.optional(),
  id: idSchema.optional(),
  aliases: boundedList(
    z.array(aliasSchema, { error: "must be a list of addresses" }),
    "aliases",
    "each makes a page of its own",
  ).optional(),
  translations: boundedList(
    z.array(idSchema, { error: "must be a list of article ids" }),
    "translations",
    "an article has one in each other language",
  ).optional(),
  source: SourceRefSchema.optional(),
  issue: nonEmptyText.optional(),
  page: z.union([z.number().int().positive(), nonEmptyText], { error: "must be a page number or label" }).optional(),
  review: textList.optional(),
});

export type ArticleFrontMatter = z.infer<typeof ArticleFrontMatterSchema>;
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** The order in which fields are written to a file, for readable, stable diffs. */
export const FRONT_MATTER_FIELD_ORDER = Object.keys(ArticleFrontMatterSchema.shape) as Array<keyof ArticleFrontMatter>;
