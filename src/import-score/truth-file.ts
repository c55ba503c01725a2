/**
 * The truth file of a corpus page (`truth.yml`): what a reader found on the
 * page, item by item, and which lines are the site's chrome. One schema, its
 * types inferred; a file that does not fit it stops the score with the file,
 * the field and what is wrong.
 */
import { z } from "zod";
import { edtfSchema, httpUrl, languageSchema } from "../records/article-schema.ts";
import { problemToString } from "../records/problems.ts";
import { readYamlFile, type YamlFileWording } from "../records/yaml-file.ts";

export const LAYOUTS = ["listing", "article", "print-issue"] as const;

/** A truth file that cannot be read, or that does not match its page; the score cannot go on without it. */
export class TruthFileError extends Error {
  override name = "TruthFileError";
}

const text = z.string({ error: "must be text" }).trim().min(1, { error: "must not be empty" });

const TruthItemSchema = z
  .strictObject({
    headline: text.nullable(),
    /** At least 4 words, or a whole shorter line (checked on the page). */
    start: text.nullable(),
    bylines: z.array(text, { error: "must be a list of names, `[]` when none is printed" }),
    date: edtfSchema.nullable(),
    date_printed: text.nullable(),
    language: languageSchema,
  })
  .refine((item) => item.headline !== null || item.start !== null, { error: "needs a headline or a start (or both)" });

export const TruthSchema = z.strictObject({
  url: httpUrl,
  retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date such as `2026-12-07`" }),
  outlet: text,
  domain: z.string().regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, { error: "must be a registrable domain such as `example.org`" }),
  language: languageSchema,
  layout: z.enum(LAYOUTS, { error: `must be one of ${LAYOUTS.join(", ")}` }),
  what: text,
  items: z.array(TruthItemSchema, { error: "must be a list of items" }).min(1, { error: "must hold at least one item" }),
  boilerplate: z.array(text, { error: "must be a list of lines" }).default([]),
});

export type Truth = z.infer<typeof TruthSchema>;
export type TruthItem = Truth["items"][number];

const WORDING: YamlFileWording = {
  what: "the truth file",
  syntaxHint: "a truth file is YAML: see test/fixtures/pages/README.md for its fields",
  notAMap: "the truth file must be a map of fields (url, retrieved, outlet, domain, language, layout, what, items, boilerplate)",
  key: "field",
  missingHint: (field) => `add a line \`${field}: ...\` (see test/fixtures/pages/README.md)`,
  hints: {},
};

/** Reads a truth file's text; `file` names it in errors, each problem as `file line:col field: message`. */
export function parseTruth(yamlText: string, file: string): Truth {
  const { data, problems } = readYamlFile(yamlText, file, TruthSchema, WORDING);
  if (data === undefined) throw new TruthFileError(problems.map(problemToString).join("\n"));
  return data;
}
