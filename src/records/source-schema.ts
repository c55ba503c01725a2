/**
 * A raw source page kept in `content/sources/<publication>/<name>.md`: a small
 * YAML header written by the importer, then the page verbatim. The header's
 * `sha256` is of the verbatim text, so `npm run check` can tell if anyone
 * edited a source after import.
 */
import { z } from "zod";
import { httpUrl } from "./article-schema.ts";

/** Print issues converted from PDF are the largest sources; none comes near this. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

export const SOURCE_KINDS = ["listing", "print-issue", "article"] as const;

export const SourceHeaderSchema = z.strictObject({
  publication: z.string().trim().min(1, { error: "must not be empty" }),
  kind: z.enum(SOURCE_KINDS, { error: `must be one of ${SOURCE_KINDS.map((k) => `\`${k}\``).join(", ")}` }),
  url: httpUrl.optional(),
  /** When the page was fetched, if known (ISO date). */
  retrieved: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date such as `2023-02-01`" })
    .optional(),
  /** The file the page came in as, before import. */
  original: z.string().trim().min(1).optional(),
  sha256: z.string().regex(/^[a-f0-9]{64}$/, { error: "must be a 64-character hex sha256" }),
});

export type SourceHeader = z.infer<typeof SourceHeaderSchema>;
