/**
 * Reuses the data exports (src/exports/: JSON Lines, CSV, SQLite) when the
 * archive is the same as at the last build. They are made from the whole
 * Archive by code this module does not change (it calls `writeExports` as it
 * is), and every field the CSV and SQLite files hold is in the JSON Lines
 * export or derived from one there (the date's day range): so their hash
 * covers the JSON Lines text, which a miss needs anyway and which is quicker
 * to make than hashing every record, the site settings and the code of src/
 * (and package-lock.json). On a miss they are written into a folder of
 * `.cache/exports/`, kept there, and copied into the site; on a hit the kept
 * files are copied in (output-cache.ts). The citation files beside each page
 * are not here: they come from the citation cache (citation-cache.ts).
 */
import { createHash } from "node:crypto";
import type { Archive } from "../archive/build-archive.ts";
import { archiveToJsonl } from "../exports/jsonl.ts";
import { writeExports } from "../exports/write-exports.ts";
import { codeFingerprint, OutputCache } from "./output-cache.ts";
import { WorkerJob } from "./worker-job.ts";
import { CACHES, codeScope } from "../records/cache-registry.ts";

/** Bumped in cache-registry.ts when the way exports are cached changes. */
export const EXPORTS_CACHE_VERSION = CACHES.exports.version;
/** Exports are made by src/exports/ from the whole Archive: any code change there, or elsewhere in src/, is a miss. */
const EXPORTS_CODE = codeScope("exports");

/** The hash of everything the exports are made from: the code, the site settings and the JSON Lines export (`archiveToJsonl`). */
export async function exportsHash(site: Archive["site"], jsonl: string): Promise<string> {
  return createHash("sha256")
    .update(`hemeroteca-exports ${EXPORTS_CACHE_VERSION}\0`)
    .update(await codeFingerprint(EXPORTS_CODE))
    .update(JSON.stringify(site))
    .update("\0")
    .update(jsonl)
    .digest("hex");
}

/** Writes the exports into `output`, or puts back the kept ones when the archive is the same. */
export async function writeExportsCached(archive: Pick<Archive, "site" | "articles">, output: string, cacheDir: string | undefined): Promise<{ reused: boolean }> {
  if (!cacheDir) {
    await writeExports(archive, output);
    return { reused: false };
  }
  const jsonl = archiveToJsonl(archive.articles, archive.site.baseUrl);
  const { reused } = await new OutputCache(cacheDir).restoreOrMake(await exportsHash(archive.site, jsonl), output, (folder) => writeExports(archive, folder, jsonl));
  return { reused };
}

/** What `writeExportsInWorker` sends its worker. */
export interface ExportsJob {
  site: Archive["site"];
  articles: Archive["articles"];
  output: string;
  cacheDir: string | undefined;
}

const WORKER_ENTRY = new URL("./exports-worker.ts", import.meta.url);

/**
 * `writeExportsCached` on a worker thread, so that the exports are written
 * while Eleventy renders the pages rather than after: they are made from the
 * records alone (`writeExports` reads only `articles`, the hash `site` as
 * well), and write only `data/` in the site. No export holds the articles'
 * HTML, so they may come without it (`withoutHtml`), for a smaller copy.
 */
export function writeExportsInWorker(
  archive: Pick<Archive, "site" | "articles">, output: string, cacheDir: string | undefined, worker = exportsWorker(),
): Promise<{ reused: boolean; ms: number }> {
  return worker.run({ site: archive.site, articles: archive.articles, output, cacheDir });
}

/** The worker of `writeExportsInWorker`, started ahead of its job (worker-job.ts). */
export function exportsWorker(): WorkerJob<ExportsJob, { reused: boolean }> {
  return new WorkerJob(WORKER_ENTRY, "write the data exports");
}
