/**
 * What the archive already holds, so that importing it again under another
 * name writes no copies: a raw page whose text is already kept (same sha256)
 * under another file name is a re-import of that kept copy; an item whose
 * title and text equal an article of the same publication already kept from
 * another source is dropped to the report, naming the article that holds it.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { listFiles } from "../lib/list-files.ts";
import { readSourceText, splitSource } from "../records/read-sources.ts";
import type { SourceHeader } from "../records/source-schema.ts";
import { articleFingerprint, type ExistingArticle } from "./existing-articles.ts";
import { SOURCES_DIR } from "./source-file.ts";
import type { Draft, DroppedLine } from "./types.ts";

/** A teaser of a few words may well recur in two articles; below this, the text alone does not make two items one. */
const MIN_WORDS_BY_TEXT_ALONE = 30;

export interface KeptCopyHeader {
  file: string;
  header: SourceHeader;
  /** sha256 of the text as it is now (differs from the header's when an editor changed it). */
  sha256: string;
}

/** The headers of every kept copy in the project (a copy `npm run check` would refuse is left out: it is check's to report). */
export async function readKeptCopyHeaders(root: string): Promise<KeptCopyHeader[]> {
  // Links are never followed (src/lib/list-files.ts), as `npm run check` refuses them.
  const { files } = listFiles(path.join(root, SOURCES_DIR), SOURCES_DIR);
  const headers: KeptCopyHeader[] = [];
  for (const file of files) {
    if (!file.endsWith(".md")) continue;
    const text = await readFile(path.join(root, file), "utf8").catch(() => undefined);
    if (text === undefined || !splitSource(text)) continue;
    const { source } = readSourceText(file, text);
    if (source?.header) headers.push({ file, header: source.header, sha256: source.sha256 });
  }
  return headers;
}

/** The kept copy (other than `except`) whose verbatim text has this sha256, unedited. */
export function keptCopyWithText(copies: readonly KeptCopyHeader[], sha: string, except: string): KeptCopyHeader | undefined {
  return copies.find((copy) => copy.file !== except && copy.header.sha256 === sha && copy.sha256 === sha);
}

export interface KnownItems {
  drafts: Draft[];
  /** The lines of each item already held, each naming the article that holds it. */
  dropped: DroppedLine[];
  /** One message per item already held. */
  notes: string[];
}

/**
 * Drops the drafts already held by an article of the same publication from another source: same title and
 * text, and the same page address (or text long enough to be one article's alone). Articles of this same
 * source are a re-import's business (their ids and files are given back), not duplicates; the same text
 * printed by another publication (an agency's piece) is that publication's record.
 */
export function withoutKnownItems(
  drafts: readonly Draft[],
  existing: readonly ExistingArticle[],
  page: { file: string; publication: string; url?: string; lines: ReadonlyArray<{ n: number; text: string }> },
  copies: readonly KeptCopyHeader[],
): KnownItems {
  const addressOf = new Map(copies.flatMap((copy) => (copy.header.url ? [[copy.file, copy.header.url] as const] : [])));
  const held = new Map<string, ExistingArticle>();
  for (const article of existing) {
    if (
      article.fingerprint &&
      article.publication === page.publication &&
      article.sourceFile !== page.file &&
      !held.has(article.fingerprint)
    )
      held.set(article.fingerprint, article);
  }
  const result: KnownItems = { drafts: [], dropped: [], notes: [] };
  if (held.size === 0) return { ...result, drafts: [...drafts] };
  const textOf = new Map(page.lines.map((line) => [line.n, line.text]));
  for (const draft of drafts) {
    const article = held.get(articleFingerprint(draft.title, draft.body));
    const words = `${draft.title} ${draft.body}`.split(/\s+/).filter(Boolean).length;
    const address = article && (article.url ?? (article.sourceFile ? addressOf.get(article.sourceFile) : undefined));
    const sameAddress = page.url !== undefined && address === page.url;
    if (!article || !(sameAddress || words >= MIN_WORDS_BY_TEXT_ALONE)) {
      result.drafts.push(draft);
      continue;
    }
    const reason = `already in the archive as ${article.file} (same ${sameAddress ? "address, title and text" : "title and text"}); not written again`;
    for (const line of [...new Set(draft.consumed.map((entry) => entry.line))].sort((a, b) => a - b)) {
      result.dropped.push({ line, text: textOf.get(line) ?? "", reason });
    }
    const lines = draft.consumed.map((entry) => entry.line);
    result.notes.push(`lines ${Math.min(...lines)}-${Math.max(...lines)} (“${draft.title}”): ${reason}`);
  }
  return result;
}
