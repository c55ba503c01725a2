/**
 * The build's caches are one table (src/lib/cache-registry.ts): each
 * cache module takes its version and code scope from it, every cache has a
 * folder of its own, and one switch turns them all off.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CACHES, cachePath, cacheRoot, codeScope, type CacheName } from "../../../src/lib/cache-registry.ts";
import { PARSING_CODE, RECORD_CACHE_SCHEMA_VERSION } from "../../../src/records/record-cache.ts";
import { ARTICLE_PAGE_KEY_VERSION } from "../../../src/build/cache/article-page-key.ts";
import { EXPORTS_CACHE_VERSION } from "../../../src/build/cache/exports-cache.ts";
import { FEED_CACHE_VERSION } from "../../../src/build/cache/feed-cache.ts";
import { OUTPUT_LEDGER_VERSION } from "../../../src/build/cache/output-ledger.ts";
import { SEARCH_INDEX_CACHE_VERSION } from "../../../src/search-index/search-index-cache.ts";
import { SITE_CODE } from "../../../src/build/cache/site-code.ts";
import { projectRoot } from "../../support/build-site.ts";

describe("the cache registry", () => {
  it("is where each cache module's version comes from", () => {
    expect({
      records: RECORD_CACHE_SCHEMA_VERSION,
      articlePageKeys: ARTICLE_PAGE_KEY_VERSION,
      exports: EXPORTS_CACHE_VERSION,
      feeds: FEED_CACHE_VERSION,
      outputLedger: OUTPUT_LEDGER_VERSION,
      searchIndex: SEARCH_INDEX_CACHE_VERSION,
    }).toEqual(
      Object.fromEntries(
        Object.entries(CACHES)
          .filter(([name]) => name !== "citations")
          .map(([name, row]) => [name, row.version]),
      ),
    );
  });

  it("gives each cache a code scope of files that exist, and the parser and the site theirs", () => {
    for (const name of Object.keys(CACHES) as CacheName[])
      for (const file of codeScope(name)) expect(existsSync(file), `${name}: ${file}`).toBe(true);
    expect(PARSING_CODE).toEqual(codeScope("records"));
    expect(SITE_CODE).toEqual(codeScope("feeds"));
    expect(codeScope("records")).toContain(path.join(projectRoot, "src/markdown"));
  });

  it("gives every cache with entries of its own a folder no other shares", () => {
    const folders = Object.values(CACHES)
      .map((row) => row.folder)
      .filter((folder) => folder !== undefined);
    expect(new Set(folders).size).toBe(folders.length);
  });

  it("turns every cache off with one switch", () => {
    expect(cacheRoot("/project", undefined, { HEMEROTECA_NO_CACHE: "1", HEMEROTECA_CACHE: "/elsewhere" })).toBeUndefined();
    expect(cacheRoot("/project", false, {})).toBeUndefined();
    expect(cachePath(undefined, "records")).toBeUndefined();
  });

  it("finds the cache folder: the option, else HEMEROTECA_CACHE, else .cache in the project", () => {
    expect(cacheRoot("/project", "built", {})).toBe(path.resolve("/project/built"));
    expect(cacheRoot("/project", undefined, { HEMEROTECA_CACHE: "/elsewhere" })).toBe(path.resolve("/elsewhere"));
    expect(cacheRoot("/project", undefined, {})).toBe(path.resolve("/project/.cache"));
    expect(cachePath("/project/.cache", "citations")).toBe(path.join("/project/.cache", "citations.json"));
  });
});
