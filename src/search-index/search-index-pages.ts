/**
 * What the build keeps about the main search index (search-index-cache.ts):
 * for each article in it, the key of the record it was made from, the part
 * it is in, the id Pagefind gave its page, its filter values and its sort
 * keys. With that, a later build knows which of the main index's pages are
 * out of date (to hide them on the search page) and where an article of the
 * recent index falls among them in date order, without Pagefind.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { readCacheText, withChecksum, writeCacheFile } from "../lib/cache-files.ts";
import { unpackData } from "./pagefind-format.ts";

const FiltersSchema = z.record(z.string(), z.array(z.string()));

const MainPageSchema = z
  .object({
    /** The article's record key (its record digest) when the main index was made. */
    key: z.string(),
    /** The part (index into `parts`) the article is in. */
    part: z.number().int().nonnegative(),
    /** Pagefind's id of the article's page within its part (the name of its fragment). */
    page: z.string(),
    filters: FiltersSchema,
    sort: z.object({ date: z.string() }).strict(),
  })
  .strict();

const MainTableSchema = z
  .object({
    /** What the main index was made by: the cache version, the indexing code, the interface language, the part size. */
    made: z.string(),
    /** The parts in date order, each as kept in the cache (`hash`), with its page count and whether it is dated. */
    parts: z.array(z.object({ name: z.string(), hash: z.string(), dated: z.boolean(), count: z.number().int().nonnegative() }).strict()),
    /** By article id. */
    pages: z.record(z.string(), MainPageSchema),
  })
  .strict();

export type MainPage = z.infer<typeof MainPageSchema>;
export type MainTable = z.infer<typeof MainTableSchema>;
export type SearchFilters = z.infer<typeof FiltersSchema>;

/** The kept table, or undefined when there is none or it is not whole (readCacheText drops it). */
export function readMainTable(file: string): MainTable | undefined {
  const text = readCacheText(file);
  if (text === undefined) return undefined;
  try {
    const parsed = MainTableSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function writeMainTable(file: string, table: MainTable): Promise<boolean> {
  return writeCacheFile(file, withChecksum(JSON.stringify(table)));
}

const FragmentSchema = z.object({ url: z.string(), filters: FiltersSchema.optional() });

/** A Pagefind fragment file (`fragment/<id>.pf_fragment`, gzipped) read back: the page's id, address and filter values. */
export function readFragment(name: string, gzipped: Uint8Array, where: string): { page: string; url: string; filters: SearchFilters } {
  const fragment = FragmentSchema.parse(JSON.parse(unpackData(`\`${name}\` in ${where}`, gzipped).toString("utf8")));
  return { page: path.basename(name, ".pf_fragment"), url: fragment.url, filters: fragment.filters ?? {} };
}

/**
 * Every page of a Pagefind bundle written in `folder`: its id (the name of its
 * fragment file), by the page's address, with its filter values as Pagefind
 * holds them.
 */
export async function readBundlePages(folder: string): Promise<Map<string, { page: string; filters: SearchFilters }>> {
  const fragments = path.join(folder, "fragment");
  const pages = new Map<string, { page: string; filters: SearchFilters }>();
  const names = await readdir(fragments).catch(async (error: NodeJS.ErrnoException) => {
    // Pagefind makes no fragment folder for a bundle of no pages (an archive with no article yet).
    if (error.code === "ENOENT" && (await bundleHasNoPages(folder))) return [];
    throw error;
  });
  for (const name of names.sort()) {
    if (!name.endsWith(".pf_fragment")) continue;
    const { page, url, filters } = readFragment(name, await readFile(path.join(fragments, name)), folder);
    pages.set(url, { page, filters });
  }
  return pages;
}

/** Whether the bundle's entry file lists no language, as Pagefind writes it for no pages. */
async function bundleHasNoPages(folder: string): Promise<boolean> {
  const entry = await readFile(path.join(folder, "pagefind-entry.json"), "utf8").catch(() => undefined);
  if (entry === undefined) return false;
  const languages = (JSON.parse(entry) as { languages?: Record<string, unknown> }).languages;
  return languages !== undefined && Object.keys(languages).length === 0;
}
