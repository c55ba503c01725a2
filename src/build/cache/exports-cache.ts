/**
 * Reuses the data exports (src/exports/: JSON Lines, CSV, SQLite) when the
 * archive is the same as at the last build. They are made from the whole
 * Archive by code this module does not change (it calls `writeExports` as it
 * is), so their hash covers the code (all of src/ and package-lock.json), the
 * site settings and each article's record digest, in archive order: a digest
 * names the whole record (record-digest.ts), so the same digests mean the same
 * exports, and they are known without reading one body. On a miss they are
 * written into a folder of `.cache/exports/`, kept there, and copied into the
 * site; on a hit the kept files are copied in (output-cache.ts). The citation
 * files beside each page are not here: they come from the citation cache
 * (citation-cache.ts).
 */
import { createHash } from "node:crypto";
import type { Archive } from "../../archive/build-archive.ts";
import { writeExports, type ExportSource } from "../../exports/write-exports.ts";
import { bodiesAt, type BodyLocation } from "../../records/article-bodies.ts";
import { codeFingerprint, OutputCache } from "./output-cache.ts";
import { WorkerJob } from "../workers/worker-job.ts";
import { CACHES, codeScope } from "../../lib/cache-registry.ts";

/** Bumped in cache-registry.ts when the way exports are cached changes. */
export const EXPORTS_CACHE_VERSION = CACHES.exports.version;
/** Exports are made by src/exports/ from the whole Archive: any code change there, or elsewhere in src/, is a miss. */
const EXPORTS_CODE = codeScope("exports");

/** The hash of everything the exports are made from: the code, the site settings and the articles' record digests, in order. */
export async function exportsHash(site: Archive["site"], digests: readonly string[]): Promise<string> {
  const hash = createHash("sha256")
    .update(`hemeroteca-exports ${EXPORTS_CACHE_VERSION}\0`)
    .update(await codeFingerprint(EXPORTS_CODE))
    .update(JSON.stringify(site))
    .update("\0");
  for (const digest of digests) hash.update(digest).update("\n");
  return hash.digest("hex");
}

/** Writes the exports into `output`, or puts back the kept ones when the archive is the same; `digests` are the articles' (record-digest.ts). */
export async function writeExportsCached(
  archive: ExportSource,
  digests: readonly string[],
  output: string,
  cacheDir: string | undefined,
): Promise<{ reused: boolean }> {
  if (!cacheDir) {
    await writeExports(archive, output);
    return { reused: false };
  }
  const { reused } = await new OutputCache(cacheDir).restoreOrMake(await exportsHash(archive.site, digests), output, (folder) =>
    writeExports(archive, folder),
  );
  return { reused };
}

/** What `writeExportsInWorker` sends its worker. */
export interface ExportsJob {
  site: Archive["site"];
  articles: Archive["articles"];
  /** Where each article's body is, in the order of `articles` (article-bodies.ts). */
  bodies: BodyLocation[];
  /** Each article's record digest, in the same order. */
  digests: string[];
  output: string;
  cacheDir: string | undefined;
}

const WORKER_ENTRY = new URL("../workers/exports-worker.ts", import.meta.url);

/**
 * `writeExportsCached` on a worker thread, so that the exports are written
 * while Eleventy renders the pages rather than after: they are made from the
 * records alone, and write only `data/` in the site. The worker is sent the
 * articles without their bodies and where each body is, and reads them one
 * at a time.
 */
export function writeExportsInWorker(
  job: Omit<ExportsJob, "output" | "cacheDir">,
  output: string,
  cacheDir: string | undefined,
  worker = exportsWorker(),
): Promise<{ reused: boolean; ms: number }> {
  return worker.run({ ...job, output, cacheDir });
}

/** In the worker: the job's exports, written or put back. */
export function runExportsJob(job: ExportsJob): Promise<{ reused: boolean }> {
  const bodies = bodiesAt(job.articles, job.bodies);
  return writeExportsCached(
    { site: job.site, articles: job.articles, bodyOf: (article) => bodies.bodyOf(article) },
    job.digests,
    job.output,
    job.cacheDir,
  );
}

/** The worker of `writeExportsInWorker`, started ahead of its job (worker-job.ts). */
export function exportsWorker(): WorkerJob<ExportsJob, { reused: boolean }> {
  return new WorkerJob(WORKER_ENTRY, "write the data exports");
}
