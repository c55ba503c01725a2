/**
 * Shared shapes of the importer. A splitter turns a source page's lines into
 * drafts (one per article) and dropped lines (each with its reason); later
 * steps fill in language, tags, ids and translations, then write.
 */
import type { SOURCE_KINDS } from "../records/source-schema.ts";

export type SourceKind = (typeof SOURCE_KINDS)[number];

/** One line of the content/sources file: `n` is its 1-based line number in that file (header included). */
export interface Line {
  n: number;
  text: string;
}

/** What a consumed source line became in its record. */
export type LineRole = "title" | "summary" | "body" | "byline" | "date" | "place";

export interface ConsumedLine {
  line: number;
  role: LineRole;
}

/** An article before ids, language, tags and translations are settled. */
export interface Draft {
  title: string;
  /** Notes for editors (`review:`). */
  review: string[];
  body: string;
  summary?: string;
  authors?: string[];
  place?: string;
  /** EDTF. */
  date?: string;
  url?: string;
  issue?: string;
  page?: number | string;
  /** Every source line this record took, with what it became. */
  consumed: ConsumedLine[];
  /** Listing items only: whether the date came from the item itself (used to bound undated neighbours). */
  dateIsFirm?: boolean;
  /** Listing items only: a day and month printed as the item's date without a year, for the neighbour rule to complete. */
  yearless?: { month: number; day: number; text: string; line?: number };
}

export interface DroppedLine {
  line: number;
  /** The dropped text: the whole line, or with `partial` the end of a line whose rest is in a record. */
  text: string;
  reason: string;
  /** Only `text` was dropped from the line (`... the masses. Read more »`); the rest is in a record. */
  partial?: boolean;
  /** No splitter claimed the line: the accounting dropped it as left over (an importer fault, `UNRECOGNISED`). */
  leftOver?: true;
}

export interface SplitResult {
  kind: SourceKind;
  drafts: Draft[];
  dropped: DroppedLine[];
}

/** A source page ready to split: its kept copy's path and lines. */
export interface SourcePage {
  publication: string;
  kind: SourceKind | undefined;
  /** Repo-relative path of the content/sources file, `/`-separated. */
  file: string;
  /** The verbatim text below the header. */
  text: string;
  sha256: string;
  /** The full content/sources file (header + text). */
  fileText: string;
  /** Number of lines before the verbatim text in the content/sources file. */
  headerLineCount: number;
  /** The verbatim text's lines, numbered as in the content/sources file. */
  lines: Line[];
  url?: string;
  retrieved?: string;
  original?: string;
}
