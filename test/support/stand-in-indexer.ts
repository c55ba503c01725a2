/**
 * A stand-in for Pagefind in tests of the search index's bookkeeping: it
 * writes a bundle of the shape the build reads back (a fragment per article,
 * gzipped with Pagefind's signature, named by its content, and an entry
 * file), fast, and says which articles it was given.
 */
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Archive } from "../../src/archive/build-archive.ts";
import { withBody } from "../../src/records/article-bodies.ts";
import { articleToSearchRecord } from "../../src/search-index/pagefind-index.ts";

export interface StandInIndexer {
  (archive: Archive, outputPath: string): Promise<{ pages: number }>;
  /** The ids of the articles of each call, in order. */
  calls: string[][];
}

/** `before` runs before a bundle is written (to hold one writer until another has started). */
export function standInIndexer(before?: (archive: Archive) => Promise<void>): StandInIndexer {
  const calls: string[][] = [];
  const write = async (archive: Archive, outputPath: string) => {
    calls.push(archive.articles.map((article) => article.id));
    await before?.(archive);
    await mkdir(path.join(outputPath, "fragment"), { recursive: true });
    await writeFile(path.join(outputPath, "pagefind-entry.json"), JSON.stringify({ pages: archive.articles.map((article) => article.id) }));
    for (const article of archive.articles) {
      const record = articleToSearchRecord(withBody(article, archive));
      const data = JSON.stringify({ url: record.url, content: record.content, filters: record.filters });
      const name = `${archive.site.language}_${createHash("sha256").update(data).digest("hex").slice(0, 7)}`;
      await writeFile(path.join(outputPath, "fragment", `${name}.pf_fragment`), gzipSync(`pagefind_dcd${data}`));
    }
    return { pages: archive.articles.length };
  };
  return Object.assign(write, { calls });
}
