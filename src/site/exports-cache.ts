/**
 * Reuses the data exports (src/exports/: JSON Lines, CSV, SQLite) when the
 * archive is the same as at the last build. They are made from the whole
 * Archive by code this module does not change (it calls `writeExports` as it
 * is): their hash covers every record, the site settings and the code of src/
 * (and package-lock.json). On a miss they are written into a folder of
 * `.cache/exports/`, kept there, and copied into the site; on a hit the kept
 * files are copied in (output-cache.ts). The citation files beside each page
 * are not here: they come from the citation cache (citation-cache.ts).
 */
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import type { Archive } from "../archive/build-archive.ts";
import { writeExports } from "../exports/write-exports.ts";
import { codeFingerprint, OutputCache, updateHashWithValue } from "./output-cache.ts";
import { runWorkerJob } from "./worker-job.ts";

/** Bump when the way exports are cached changes. */
export const EXPORTS_CACHE_VERSION = 2;
/** Exports are made by src/exports/ from the whole Archive: any code change there, or elsewhere in src/, is a miss. */
const EXPORTS_CODE = ["../../src", "../../package-lock.json"].map((file) => fileURLToPath(new URL(file, import.meta.url)));

/** The hash of everything the exports are made from: the code, the site settings and every record in order. */
export async function exportsHash(archive: Pick<Archive, "site" | "articles">): Promise<string> {
  const hash = createHash("sha256")
    .update(`hemeroteca-exports ${EXPORTS_CACHE_VERSION}\0`)
    .update(await codeFingerprint(EXPORTS_CODE))
    .update(JSON.stringify(archive.site));
  // Key order differs between a record just parsed and one read from the cache; the hash must not.
  for (const article of archive.articles) updateHashWithValue(hash.update("\0"), article);
  return hash.digest("hex");
}

/** Writes the exports into `output`, or puts back the kept ones when the archive is the same. */
export async function writeExportsCached(archive: Pick<Archive, "site" | "articles">, output: string, cacheDir: string | undefined): Promise<{ reused: boolean }> {
  if (!cacheDir) {
    await writeExports(archive, output);
    return { reused: false };
  }
  const { reused } = await new OutputCache(cacheDir).restoreOrMake(await exportsHash(archive), output, (folder) => writeExports(archive, folder));
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
 * records alone (`writeExports` and `exportsHash` read only `site` and
 * `articles`), and write only `data/` in the site.
 */
export function writeExportsInWorker(archive: Pick<Archive, "site" | "articles">, output: string, cacheDir: string | undefined): Promise<{ reused: boolean; ms: number }> {
  return runWorkerJob<ExportsJob, { reused: boolean }>(WORKER_ENTRY, { site: archive.site, articles: archive.articles, output, cacheDir }, "write the data exports");
}
