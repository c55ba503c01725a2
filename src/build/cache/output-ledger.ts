/**
 * What the last build wrote into the site folder, so that the next one need
 * not write (or even hand to Eleventy) a file whose bytes would be the same.
 *
 * At 10,000 articles a build that changed nothing still rendered and wrote
 * 12,000 pages and 30,000 citation files; Eleventy's work per page, and the
 * writes, were most of its time. The ledger keeps, for every file the build
 * wrote, the hash of its bytes and the size and modification time the file
 * had just after. A file is unchanged when the bytes the build would write
 * hash alike and the file on disk still has that size and time (the test
 * rsync makes, on the output instead of the input) and still hashes as
 * noted: nothing is trusted by its size alone. List pages are still
 * rendered to learn their bytes, so a page is never left stale by an input
 * the ledger did not think of. A file whose bytes cost more to make than
 * what it is made of costs to hash (an article's page, a feed) is vouched
 * for by a key of exactly that instead (`isUnchangedFrom`).
 *
 * The ledger lives in the build cache, one file per output folder, and is
 * safe to delete: without it every file is written. A file touched since
 * (an editor, a deploy tool, a build without the cache) has another time, so
 * it is written again. A build that fails leaves the ledger of the last one
 * that ended; files written in between have other times, so they are written
 * again too.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { sha256 } from "../../lib/sha256.ts";
import { fileDigest, readCacheText, withChecksum, writeCacheFile } from "../../lib/cache-files.ts";
import type { SiteLinker } from "../output/publish.ts";
import { CACHES } from "../../lib/cache-registry.ts";

/** Bumped in cache-registry.ts when what an entry means changes. */
export const OUTPUT_LEDGER_VERSION = CACHES.outputLedger.version;

/** [hash of the bytes, size, mtimeMs], then the key of what the bytes were made from, for a file that has one (`isUnchangedFrom`). */
const EntrySchema = z.tuple([z.string(), z.number().int().nonnegative(), z.number().nonnegative()], z.string());
const LedgerSchema = z.strictObject({
  version: z.literal(OUTPUT_LEDGER_VERSION),
  output: z.string(),
  /** Site-relative path (with `/`) -> entry. */
  files: z.record(z.string(), EntrySchema),
});

type Entry = z.infer<typeof EntrySchema>;

function contentHash(content: string | Uint8Array): string {
  return sha256(content, "base64url");
}

export class OutputLedger {
  private readonly outputDir: string;
  private readonly file: string | undefined;
  private readonly previous: Map<string, Entry>;
  private readonly current = new Map<string, Entry>();
  /** Files left as the last build wrote them, in this build. */
  readonly unchanged: string[] = [];
  /** When the new site is made beside the old one (publish.ts): what links each file left as it was into it. */
  private readonly linker: SiteLinker | undefined;

  private constructor(outputDir: string, file: string | undefined, previous: Map<string, Entry>, linker: SiteLinker | undefined) {
    this.outputDir = outputDir;
    this.file = file;
    this.previous = previous;
    this.linker = linker;
  }

  /** Where the ledger of `outputDir` is kept in `cacheDir`, whether or not there is one. */
  static fileOf(cacheDir: string, outputDir: string): string {
    return path.join(cacheDir, `${sha256(path.resolve(outputDir)).slice(0, 16)}.json`);
  }

  /**
   * The ledger of `outputDir` kept in `cacheDir`; an empty one when there is
   * none, it cannot be read, or there is no cache (then `save` does nothing).
   */
  static async open(cacheDir: string | undefined, outputDir: string, linker?: SiteLinker): Promise<OutputLedger> {
    const output = path.resolve(outputDir);
    if (!cacheDir) return new OutputLedger(output, undefined, new Map(), linker);
    const file = OutputLedger.fileOf(cacheDir, output);
    let previous = new Map<string, Entry>();
    // Checked against its checksum (cache-files.ts); without a whole ledger every file is written.
    const text = readCacheText(file);
    try {
      const parsed = text === undefined ? undefined : LedgerSchema.safeParse(JSON.parse(text));
      if (parsed?.success && parsed.data.output === output) previous = new Map(Object.entries(parsed.data.files));
    } catch {
      // Whole but not JSON: written by other code, so every file is written.
    }
    return new OutputLedger(output, file, previous, linker);
  }

  /**
   * True when the file at `relative` holds exactly `content` as the last
   * build left it; it is then kept in this build's ledger as it is.
   * `content` is asked for only when the file is as the ledger has it.
   */
  isUnchanged(relative: string, content: () => string | Uint8Array): boolean {
    const entry = this.previous.get(relative);
    if (!entry || !this.isAsLeft(relative, entry) || contentHash(content()) !== entry[0]) return false;
    return this.keep(relative, entry);
  }

  /**
   * True when the file at `relative` was made last time from the same
   * `source` (a key naming exactly what its bytes are made of, such as a feed
   * cache key) and is still as that build left it. Nothing is rendered or
   * read: for a file whose bytes cost more to make or read than its source
   * costs to hash.
   */
  isUnchangedFrom(relative: string, source: string): boolean {
    const entry = this.previous.get(relative);
    if (!entry || entry[3] !== source || !this.isAsLeft(relative, entry)) return false;
    return this.keep(relative, entry);
  }

  /**
   * The file has the size and modification time it had just after the last
   * build wrote it (rsync's quick check, which rules out most changes without
   * a read), and its bytes still have the hash noted then: a file edited in
   * place with its size and time kept (`touch -r`) is written again too.
   */
  private isAsLeft(relative: string, entry: Entry): boolean {
    const file = path.join(this.outputDir, relative);
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats?.isFile() || stats.size !== entry[1] || stats.mtimeMs !== entry[2]) return false;
    const digest = fileDigest(file);
    return digest !== undefined && Buffer.from(digest, "hex").toString("base64url") === entry[0];
  }

  /** Keeps a file as it is: in the new site being made beside this one, a hard link to it. */
  private keep(relative: string, entry: Entry): boolean {
    if (this.linker && !this.linker.link(relative)) return false;
    this.current.set(relative, entry);
    this.unchanged.push(relative);
    return true;
  }

  /**
   * Notes that `relative` now holds `content`, made from `source` when it is
   * given (`isUnchangedFrom`). With `since` (a time from
   * `Date.now()`), only a file modified since then is noted: Eleventy's dry
   * run hands over what it would have written without writing it, and that
   * must not be taken for what the file holds.
   */
  noteWritten(relative: string, content: string | Uint8Array, since = 0, source?: string): void {
    const stats = statSync(path.join(this.linker?.to ?? this.outputDir, relative), { throwIfNoEntry: false });
    if (!stats?.isFile() || stats.mtimeMs < since) return;
    this.current.set(relative, [contentHash(content), stats.size, stats.mtimeMs, ...(source === undefined ? [] : [source])]);
  }

  /** Replaces the kept ledger with this build's: the files it wrote or left unchanged, and nothing else. */
  async save(): Promise<void> {
    if (!this.file) return;
    await writeCacheFile(
      this.file,
      withChecksum(JSON.stringify({ version: OUTPUT_LEDGER_VERSION, output: this.outputDir, files: Object.fromEntries(this.current) })),
    );
  }
}
