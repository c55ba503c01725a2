/**
 * Reads every article file under a folder into records, collecting the
 * problems of all files instead of stopping at the first.
 *
 * How files become records is a strategy (`parseFiles`), by default
 * `cachedParallelParser`: records come from the content-addressed cache
 * (record-cache.ts) when one is given, and every other file is parsed on the
 * worker threads of a parse pool (parse-pool.ts), within the time and memory
 * one file may take; never on this thread, where a body crafted to be slow
 * would hold up `check` or the build for as long as it liked.
 */
import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ArticleRecord } from "./article-record.ts";
import { ARTICLE_FILE_HINTS, decodeArticleBytes, MAX_ARTICLE_BYTES, parseFrontMatter } from "./front-matter.ts";
import { plainFileProblem, refusedFileProblem } from "./text-file.ts";
import { forEachLimited } from "../lib/limited-concurrency.ts";
import type { ParseResult } from "./parse-article.ts";
import { ParsePool, sharedParsePool, type ParseJob } from "./parse-pool.ts";
import type { Problem } from "./problems.ts";
import { codeFingerprint, PARSING_CODE, RecordCache } from "./record-cache.ts";
import { validateArchive, type Locate } from "./validate-archive.ts";
import { relativeWithin, toPosix } from "../lib/paths.ts";
import { linkProblem, walkContentFolder, type ContentTree } from "./content-tree.ts";

export interface LoadedArticles {
  records: ArticleRecord[];
  problems: Problem[];
}

export type ParseFiles = (files: ReadonlyArray<{ file: string; absolute: string }>) => Promise<ParseResult[]>;

export interface LoadOptions {
  /** Project root: file paths in records and problems are relative to it. */
  root: string;
  /**
   * Folder of article files, relative to root (or absolute: files outside the
   * root are then named by their absolute paths).
   */
  articlesDir?: string;
  /** Turns a list of files into records; the default parses them on the process's parse pool, without a cache. */
  parseFiles?: ParseFiles;
}

/** Where the articles are, relative to the project, unless a build is given another folder. */
export const DEFAULT_ARTICLES_DIR = "content/articles";

/** The article files under a folder and the symbolic links there, which are never followed (content-tree.ts). */
export function listArticleTree(root: string, articlesDir = DEFAULT_ARTICLES_DIR): ContentTree {
  const base = path.resolve(root, articlesDir);
  // Inside the root, files are named relative to it (`content/articles/x.md`); outside, absolutely.
  const prefix = !path.isAbsolute(articlesDir)
    ? toPosix(path.normalize(articlesDir)).replace(/\/+$/, "")
    : (relativeWithin(root, base) ?? toPosix(base));
  const tree = walkContentFolder(base, prefix);
  return { files: tree.files.filter((file) => file.endsWith(".md")), links: tree.links };
}

export async function listArticleFiles(root: string, articlesDir = DEFAULT_ARTICLES_DIR): Promise<string[]> {
  return listArticleTree(root, articlesDir).files;
}

/** Finds a field's line again only when a cross-file problem needs it. */
export function locateIn(root: string): Locate {
  // Each file's front matter is read once however many of its fields are located (a file of many review notes, say).
  const read = new Map<string, ReturnType<typeof parseFrontMatter> | undefined>();
  return (file, fieldPath) => {
    if (!read.has(file)) {
      try {
        read.set(file, parseFrontMatter(decodeArticleBytes(readFileSync(path.resolve(root, file)))));
      } catch {
        read.set(file, undefined);
      }
    }
    try {
      return read.get(file)?.positionOf(fieldPath) ?? { line: 1, column: 1 };
    } catch {
      return { line: 1, column: 1 };
    }
  };
}

/**
 * Only plain files of a sane size are read. Git can commit a symbolic link, and
 * one to `/dev/zero` or a pipe would make any reader hang and fill memory; one
 * to a file elsewhere would read what is not content.
 */
export async function plainArticleFiles<T extends { file: string; absolute: string }>(
  files: readonly T[],
): Promise<{ plain: T[]; problems: Problem[] }> {
  const plain: T[] = [];
  const problems: Problem[] = [];
  // Looked up one after another, like the reads that follow (see `RecordCache.get`).
  for (const entry of files) {
    const refused = plainFileProblem(lstatSync(entry.absolute), MAX_ARTICLE_BYTES, ARTICLE_FILE_HINTS);
    if (refused) problems.push(refusedFileProblem(entry.file, refused));
    else plain.push(entry);
  }
  return { plain, problems };
}

export async function loadArticles(options: LoadOptions): Promise<LoadedArticles> {
  const tree = listArticleTree(options.root, options.articlesDir);
  const listed = tree.files.map((file) => ({ file, absolute: path.resolve(options.root, file) }));
  const { plain: files, problems } = await plainArticleFiles(listed);
  problems.unshift(...tree.links.map(linkProblem));
  const results = await (options.parseFiles ?? cachedParallelParser())(files);
  const records: ArticleRecord[] = [];
  for (const result of results) {
    if (result.ok) records.push(result.record);
    else problems.push(...result.problems);
  }
  problems.push(...validateArchive(records, locateIn(options.root)));
  return { records, problems };
}

/** What one `cachedParallelParser` run did, for the build's log and the benchmark. */
export interface ParseStats {
  files: number;
  /** Records taken from the cache. */
  cached: number;
  /** Files parsed (cache misses, and files with problems, which are never cached). */
  parsed: number;
  /** Worker threads that parsed (0: nothing was parsed). */
  threads: number;
  /** Wall time reading files and looking them up in the cache. */
  readMs: number;
  /** Wall time waiting for parsing beyond that (the workers' remaining work). */
  parseMs: number;
  /** Cache entries that could not be written (the build goes on without them). */
  cacheWriteErrors: number;
  /** Cache entries of earlier builds removed once this one's were written (0 until then). */
  swept: number;
}

export interface CachedParserOptions {
  /** Folder of the record cache; without it nothing is cached. */
  cacheDir?: string;
  /**
   * Worker threads at most, on a pool of this parser's own (closed when it
   * is done); without it, the process's shared pool (`sharedParsePool`).
   */
  threads?: number;
  /** With `threads`: the time and memory one file may take (parse-pool.ts). */
  deadlineSeconds?: number;
  memoryMb?: number;
  /** Receives the run's figures when it ends. */
  onStats?: (stats: ParseStats) => void;
  /**
   * Given, new cache entries are not written while parsing: this receives a
   * `commit` that writes them, for the caller to run once the whole archive
   * has loaded without errors, so a failing build leaves nothing behind.
   */
  deferCacheWrites?: (commit: () => Promise<void>) => void;
}

/** Files read and looked up at a time. */
const CHUNK = 500;
/** Chunks handed to the pool and not yet parsed, at most: bounds the file bytes held in memory. */
const CHUNKS_AHEAD = 4;

/** A parsed record whose cache entry is still to be written. */
interface CacheWrite {
  key: string;
  record: ArticleRecord;
}

/**
 * Writes the deferred cache entries, a bounded number at a time (100,000
 * writes at once ran out of file handles, EMFILE, and lost most entries),
 * then sweeps the entries this build did not use. Made out here, with a
 * scope of its own, letting go of the records once written: a closure in
 * the parser's scope would keep that scope's every parsed record, bodies and
 * all, for as long as the build keeps `commit` (PERFORMANCE.md, "Memory").
 */
function cacheCommit(cache: RecordCache, pending: CacheWrite[], stats: ParseStats): () => Promise<void> {
  return async () => {
    await forEachLimited(pending.splice(0), (write) => cache.set(write.key, write.record).catch(() => void stats.cacheWriteErrors++));
    // Whatever was parsed replaced an entry of an earlier build, or of earlier code (see `RecordCache.sweep`).
    if (stats.parsed > 0) stats.swept = cache.sweep();
  };
}

/**
 * The build's `parseFiles`: each file's record comes from the cache when its
 * bytes, path and the pipeline are unchanged; the rest are parsed on worker
 * threads while the next files are being read (one worker starts at the
 * first file to parse, more once `ONE_WORKER_BELOW` wait). Parsed records
 * are written back to the cache.
 */
export function cachedParallelParser(options: CachedParserOptions = {}): ParseFiles {
  return async (files) => {
    const started = performance.now();
    const cache = options.cacheDir
      ? new RecordCache({ dir: options.cacheDir, codeVersion: await codeFingerprint(PARSING_CODE) })
      : undefined;
    const results = new Array<ParseResult>(files.length);
    const stats: ParseStats = {
      files: files.length,
      cached: 0,
      parsed: 0,
      threads: 0,
      readMs: 0,
      parseMs: 0,
      cacheWriteErrors: 0,
      swept: 0,
    };
    const pending: CacheWrite[] = [];
    let misses: Array<{ index: number; key: string | undefined; job: ParseJob }> = [];
    let pool: ParsePool | undefined;
    const ownPool = options.threads !== undefined;
    const inFlight: Array<Promise<void>> = [];
    let waitedMs = 0;

    const store = (batch: typeof misses, parsed: ParseResult[]) => {
      batch.forEach(({ index, key }, offset) => {
        const result = parsed[offset]!;
        results[index] = result;
        if (cache && key && result.ok) pending.push({ key, record: result.record });
      });
      stats.parsed += batch.length;
    };
    const flush = () => {
      if (!pool || misses.length === 0) return;
      const batch = misses;
      misses = [];
      inFlight.push(pool.parse(batch.map((miss) => miss.job)).then((parsed) => store(batch, parsed)));
    };

    try {
      for (let start = 0; start < files.length; start += CHUNK) {
        // Read in a row, not through the thread pool: see `RecordCache.get`.
        for (let index = start; index < Math.min(start + CHUNK, files.length); index++) {
          const { file, absolute } = files[index]!;
          const bytes = readFileSync(absolute);
          const key = cache?.keyOf(file, bytes);
          const record = key ? cache!.get(key, file) : undefined;
          if (record) {
            results[index] = { ok: true, record };
            stats.cached++;
          } else misses.push({ index, key, job: { file, bytes } });
        }
        if (!pool && misses.length > 0) {
          pool = ownPool
            ? new ParsePool({
                threads: options.threads!,
                startThreads: 1,
                ...(options.deadlineSeconds ? { deadlineSeconds: options.deadlineSeconds } : {}),
                ...(options.memoryMb ? { memoryMb: options.memoryMb } : {}),
              })
            : sharedParsePool();
        }
        flush();
        if (inFlight.length > CHUNKS_AHEAD) {
          const waitStarted = performance.now();
          await inFlight[inFlight.length - CHUNKS_AHEAD - 1];
          waitedMs += performance.now() - waitStarted;
        }
      }
      const readDone = performance.now();
      stats.readMs = readDone - started - waitedMs;
      flush();
      await Promise.all(inFlight);
      stats.parseMs = performance.now() - readDone + waitedMs;
      if (pool) stats.threads = pool.running;
    } finally {
      await Promise.allSettled(inFlight);
      if (ownPool) await pool?.close();
    }
    const commit = cache ? cacheCommit(cache, pending, stats) : async () => {};
    if (options.deferCacheWrites) options.deferCacheWrites(commit);
    else await commit();
    options.onStats?.(stats);
    return results;
  };
}
