/**
 * The build's caches, one row each: where under the cache folder each keeps
 * its entries, its version (bump it when what an entry means changes), and
 * the code whose change makes every entry a miss (hashed by
 * `codeFingerprint`). Caches change speed, never results: `HEMEROTECA_NO_CACHE=1`
 * turns every one off (`cacheRoot`), and `npm run compare-builds` shows a
 * build is the same without them. PERFORMANCE.md says what each one saves.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface CacheRow {
  /** Its file or folder under the cache folder; undefined for a key kept in another cache's entries. */
  folder: string | undefined;
  version: number;
  /** Files and folders, relative to the project, whose bytes are part of every key. */
  code: readonly string[];
  /** The module that keeps it. */
  module: string;
}

/** The code of the whole site: a change anywhere in what renders a page. */
const SITE_CODE = ["src", "templates", "eleventy.config.ts", "package-lock.json"] as const;

export const CACHES = {
  /** Parsed article records (front matter checked, Markdown rendered), by file content. */
  records: {
    folder: "records",
    version: 2,
    code: ["src/records", "src/markdown", "package-lock.json"],
    module: "src/records/record-cache.ts",
  },
  /** Each article's citations (BibTeX, RIS, CSL-JSON), by its CSL item. */
  citations: { folder: "citations.json", version: 2, code: ["src/exports", "package-lock.json"], module: "src/exports/citation-cache.ts" },
  /** What the last build wrote into its output folder, by path and digest. */
  outputLedger: { folder: "pages", version: 2, code: [], module: "src/build/cache/output-ledger.ts" },
  /** An article page's key in the ledger: everything the page is made of. */
  articlePageKeys: { folder: undefined, version: 1, code: SITE_CODE, module: "src/build/cache/article-page-key.ts" },
  /** Feeds (Atom, RSS, JSON Feed), by their entries. */
  feeds: { folder: "feeds", version: 2, code: SITE_CODE, module: "src/build/cache/feed-cache.ts" },
  /** The data exports (JSONL, CSV, SQLite), by the records. */
  exports: { folder: "exports", version: 4, code: ["src", "package-lock.json"], module: "src/build/cache/exports-cache.ts" },
  /** The Pagefind index: the main one, its pages kept in main.json, and the recent one. */
  searchIndex: {
    folder: "pagefind",
    version: 6,
    code: [
      "src/search-index/pagefind-index.ts",
      "src/search-index/pagefind-merge.ts",
      "src/search-index/pagefind-format.ts",
      "src/search-index/search-date-order.ts",
      "src/search-index/search-index-pages.ts",
      "src/exports/search-record.ts",
      "package-lock.json",
    ],
    module: "src/search-index/search-index-cache.ts",
  },
} as const satisfies Record<string, CacheRow>;

export type CacheName = keyof typeof CACHES;

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

/** A cache's code scope as absolute paths, for `codeFingerprint`. */
export function codeScope(name: CacheName): string[] {
  return CACHES[name].code.map((file) => path.join(projectRoot, file));
}

/**
 * The build's cache folder: `cacheDir`, else `HEMEROTECA_CACHE`, else
 * `<root>/.cache`; undefined, every cache off, with `cacheDir: false` or
 * `HEMEROTECA_NO_CACHE=1`.
 */
export function cacheRoot(root: string, cacheDir?: string | false, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (cacheDir === false || env.HEMEROTECA_NO_CACHE === "1") return undefined;
  return path.resolve(root, cacheDir ?? env.HEMEROTECA_CACHE ?? ".cache");
}

/** Where a cache keeps its entries under the cache folder; undefined when caches are off. */
export function cachePath(root: string | undefined, name: Exclude<CacheName, "articlePageKeys">): string | undefined {
  return root === undefined ? undefined : path.join(root, CACHES[name].folder);
}
