/**
 * The truth file of a corpus page (`truth.yml`): what a reader found on the
 * page, item by item, and which lines are the site's chrome. One schema, its
 * types inferred; a file that does not fit it stops the score with the file,
 * the field and what is wrong.
 */
import { parse } from "yaml";
import { z } from "zod";
import { edtfSchema, httpUrl, languageSchema } from "../records/article-schema.ts";

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

/** Reads a truth file's text; `file` names it in errors. */
export function parseTruth(yamlText: string, file: string): Truth {
  let data: unknown;
  try {
    data = parse(yamlText, { customTags: [] });
  } catch (error) {
    throw new TruthFileError(`${file}: not valid YAML: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
  const result = TruthSchema.safeParse(data);
  if (!result.success) {
    const details = result.error.issues.map((issue) => `${issue.path.join(".") || "file"}: ${issue.message}`);
    throw new TruthFileError(`${file}: ${details.join("; ")}`);
  }
  return result.data;
}
