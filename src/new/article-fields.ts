/**
 * The fields `npm run new` asks for, each validated by its own part of the
 * article schema, so a flag or an answer is refused with the same message
 * `check` would give.
 */
import { ArticleFrontMatterSchema, type ArticleFrontMatter } from "../records/article-schema.ts";

export type FieldName = "title" | "publication" | "language" | "date" | "url" | "tags" | "authors" | "summary" | "place";

export interface FieldSpec {
  name: FieldName;
  label: string;
  required: boolean;
  list: boolean;
  example: string;
}

export const FIELDS: readonly FieldSpec[] = [
  { name: "title", label: "Title (the headline as published)", required: true, list: false, example: "Police massacre in Juliaca" },
  { name: "publication", label: "Publication", required: true, list: false, example: "Fight Back! News" },
  { name: "language", label: "Language (BCP 47 code)", required: true, list: false, example: "en" },
  {
    name: "date",
    label: "Date (EDTF)",
    required: false,
    list: false,
    example: "2023-01-09, 2022-12, 2021, 2022-12-07?, 2023-01~ or 2022-12/2023-01",
  },
  { name: "url", label: "Original address", required: false, list: false, example: "https://example.org/page" },
  { name: "tags", label: "Tags, separated by commas", required: false, list: true, example: "repression, Juliaca" },
  { name: "authors", label: "Authors as printed, separated by commas", required: false, list: true, example: "staff, Jim Byrne" },
  { name: "summary", label: "Summary (the dek or teaser)", required: false, list: false, example: "One sentence that says what happened" },
  { name: "place", label: "Place (the dateline)", required: false, list: false, example: "Tucson, AZ" },
];

export type FieldValues = Partial<Record<FieldName, string>>;

/** `a, b,,c ` -> `["a", "b", "c"]`. */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

/** One field's answer -> its front-matter value, or the schema's message. */
export function validateField(name: FieldName, raw: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const spec = FIELDS.find((f) => f.name === name)!;
  const value: unknown = spec.list ? splitList(raw) : raw.trim();
  const result = ArticleFrontMatterSchema.shape[name].safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? ` (item ${Number(issue.path[0]) + 1})` : "";
  return { ok: false, error: `${issue?.message ?? "is not valid"}${where}` };
}

export type NewFrontMatter = Pick<ArticleFrontMatter, FieldName>;
