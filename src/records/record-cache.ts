/**
 * A content-addressed cache of parsed article records in `.cache/records/`.
 *
 * The key is the sha256 of everything a record depends on: the file's bytes,
 * its path (records carry it), the Markdown pipeline's version, this cache's
 * own schema version, and a fingerprint of the parsing code itself (every
 * file of src/records/ and src/markdown/, and package-lock.json for the
 * libraries), so a change to the code that makes records is a miss even when
 * nobody remembered to bump a version. An edit, a move or a code change
 * therefore simply misses; nothing is ever invalidated by hand.
 * Each entry starts with the sha256 of its JSON, so a damaged entry is
 * reported as a miss (and overwritten) instead of trusted. It is not
 * validated against `ArticleRecordSchema` again: the same code, which is part
 * of the key, made and checked it, and validating 10,000 records cost a
 * second of every build. Entries are written to a temporary file and renamed
 * into place, so a crash leaves whole entries or none. The folder is safe to
 * delete at any time.
 *
 * Since every edit and every change of the parsing code makes new keys, the
 * old entries would stay forever: a build that had to parse anything ends by
 * removing the entries it did not use (`sweep`), so the folder holds one
 * archive's worth. A build that parsed nothing leaves the folder as it is.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { mkdir, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { MARKDOWN_PIPELINE_VERSION } from "../markdown/render-markdown.ts";
import { dropCacheEntry, readCacheEntry, withChecksum, writeFileAtomically } from "../lib/cache-files.ts";
import type { ArticleRecord } from "./article-record.ts";
import { noteRecordDigest } from "./record-digest.ts";
import { sha256 } from "../lib/sha256.ts";
import { CACHES, codeScope } from "../lib/cache-registry.ts";

/** Bumped in cache-registry.ts when ArticleRecord or the parsing around the pipeline changes shape or meaning. */
export const RECORD_CACHE_SCHEMA_VERSION = CACHES.records.version;

/** The code that turns an article file into a record. */
export const PARSING_CODE = codeScope("records");

/**
 * A hash of source code: the given files, and every file under the given
 * folders (names and bytes, in order). Part of cache keys, so a change to the
 * code that makes a cached thing is a miss.
 */
export async function codeFingerprint(paths: readonly string[]): Promise<string> {
  const hash = createHash("sha256");
  for (const target of paths) {
    let files: string[];
    try {
      files = (await stat(target)).isDirectory()
        ? (await readdir(target, { recursive: true, withFileTypes: true }))
            .filter((entry) => entry.isFile())
            .map((entry) => path.join(entry.parentPath, entry.name))
            .sort()
        : [target];
    } catch {
      hash.update(`missing ${target}\0`);
      continue;
    }
    for (const file of files)
      hash
        .update(`${path.relative(target, file)}\0`)
        .update(await readFile(file))
        .update("\0");
  }
  return hash.digest("hex");
}

/** The entry each record was read from or written to, for its body to be read back (article-bodies.ts). */
const entryFiles = new WeakMap<ArticleRecord, string>();

/** The record cache entry on disk that holds `record`, if this process read or wrote it there. */
export function cachedEntryOf(record: ArticleRecord): string | undefined {
  return entryFiles.get(record);
}

/** An entry's text: the hash of the record's JSON on the first line, the JSON after it. That hash is the record's digest. */
function recordToEntry(record: ArticleRecord): string {
  const json = JSON.stringify(record);
  // The digest the archive keeps for every record is hashed apart, not sliced from the entry: a slice would keep the
  // entry's whole text, body and all, in memory for the rest of the build (PERFORMANCE.md, "Memory").
  const digest = sha256(json);
  noteRecordDigest(record, digest);
  return withChecksum(json, digest);
}

/** The record of an entry's checked JSON (`readCacheText`), with its digest noted, else undefined. */
function entryToRecord(json: string, digest: string): ArticleRecord | undefined {
  try {
    const value: unknown = JSON.parse(json);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    noteRecordDigest(value as ArticleRecord, digest);
    return value as ArticleRecord;
  } catch {
    return undefined;
  }
}

export interface RecordCacheOptions {
  /** Folder of the entries, e.g. `<root>/.cache/records`. */
  dir: string;
  /** `await codeFingerprint(PARSING_CODE)`; tests may leave it out. */
  codeVersion?: string;
  /** For tests: defaults to the pipeline's own version. */
  pipelineVersion?: number;
  schemaVersion?: number;
}

export interface RecordCacheStats {
  hits: number;
  misses: number;
  /** Entries found but unreadable or invalid: counted as misses too. */
  rejected: number;
  writes: number;
}

export class RecordCache {
  readonly dir: string;
  readonly stats: RecordCacheStats = { hits: 0, misses: 0, rejected: 0, writes: 0 };
  private readonly salt: string;
  private readonly madeFolders = new Set<string>();
  /** Keys read or written through this object: the entries `sweep` keeps. */
  private readonly used = new Set<string>();

  constructor(options: RecordCacheOptions) {
    this.dir = options.dir;
    this.salt = `hemeroteca-record\0pipeline ${options.pipelineVersion ?? MARKDOWN_PIPELINE_VERSION}\0schema ${options.schemaVersion ?? RECORD_CACHE_SCHEMA_VERSION}\0code ${options.codeVersion ?? ""}\0`;
  }

  /** The entry's key: sha256 over the versions, the code, the file's path and its bytes. */
  keyOf(file: string, bytes: Uint8Array): string {
    return createHash("sha256").update(this.salt).update(file).update("\0").update(bytes).digest("hex");
  }

  private entryPath(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  /**
   * The cached record, or `undefined` when absent, unreadable or no longer
   * valid. Synchronous: a build reads 10,000 entries in a row before it has
   * anything else to do, and one blocking read each took half the time (and a
   * third of the processor time) of going through the thread pool.
   */
  get(key: string, file: string): ArticleRecord | undefined {
    const entry = this.entryPath(key);
    if (!existsSync(entry)) {
      this.stats.misses++;
      return undefined;
    }
    // A damaged entry (cut short, altered, a folder in its place) is dropped with a note by readCacheText.
    const kept = readCacheEntry(entry);
    const record = kept && entryToRecord(kept.text, kept.checksum);
    // The path is part of the key; checking it again guards against a hash collision or a copied entry.
    if (!record || record.file !== file) {
      this.stats.misses++;
      this.stats.rejected++;
      if (kept) dropCacheEntry(entry, record ? `holds the record of \`${record.file}\`, not of \`${file}\`` : "does not hold a record");
      return undefined;
    }
    this.stats.hits++;
    this.used.add(key);
    entryFiles.set(record, entry);
    return record;
  }

  /**
   * Removes every entry that this object neither read nor wrote; answers how
   * many. Another build's unfinished writes (`.tmp`) are left to it. Two
   * listings deep, like the layout: a fraction of a recursive listing's cost.
   */
  sweep(): number {
    let removed = 0;
    let folders: string[];
    try {
      folders = readdirSync(this.dir);
    } catch {
      return 0;
    }
    for (const folder of folders) {
      if (!/^[0-9a-f]{2}$/.test(folder)) continue;
      let names: string[];
      try {
        names = readdirSync(path.join(this.dir, folder));
      } catch {
        continue;
      }
      for (const name of names) {
        if (!name.endsWith(".json") || this.used.has(name.slice(0, -".json".length))) continue;
        rmSync(path.join(this.dir, folder, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Stores a record atomically: a temporary file renamed over the entry. */
  async set(key: string, record: ArticleRecord): Promise<void> {
    const target = this.entryPath(key);
    const folder = path.dirname(target);
    if (!this.madeFolders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.madeFolders.add(folder);
    }
    try {
      await writeFileAtomically(target, recordToEntry(record));
      this.stats.writes++;
      this.used.add(key);
      entryFiles.set(record, target);
    } catch (error) {
      throw new Error(`Cannot \`write\` the record cache entry \`${target}\``, { cause: error });
    }
  }
}
