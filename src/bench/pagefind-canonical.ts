/**
 * A Pagefind index as content to compare. Pagefind writes its filter files
 * from a hash map, so two builds of the same pages list a filter's values in
 * another order, and the files' names (hashes of their bytes), the metadata
 * file naming them and the entry file naming that all change from build to
 * build (Pagefind's issue 638: only the fragments were made stable); the
 * metadata's list of sort orders comes from a hash map too. Those files are
 * compared decoded instead: each filter under its own name with its values
 * sorted, the metadata with its sort orders by name and each filter's hash
 * replaced by the digest of that sorted content, the entry file without the
 * metadata's hash. Every
 * other file of the index is compared byte for byte.
 */
import { decode } from "cbor2";
import { gunzipSync } from "node:zlib";
import { sha256 } from "../lib/sha256.ts";

/** What starts every decompressed Pagefind data file. */
const SIGNATURE = "pagefind_dcd";

const FILTER = /^(?<folder>(?:.*\/)?pagefind)\/filter\/(?<language>[^/_]+)_[0-9a-f]+\.pf_filter$/;
const META = /^(?<folder>(?:.*\/)?pagefind)\/pagefind\.(?<language>[^/_]+)_[0-9a-f]+\.pf_meta$/;
const ENTRY = /^(?<folder>(?:.*\/)?pagefind)\/pagefind-entry\.json$/;

/** Whether `file` (a path with `/`) is one of the files Pagefind names by a hash of an unstable order. */
export function isUnstablePagefindFile(file: string): boolean {
  return FILTER.test(file) || META.test(file) || ENTRY.test(file);
}

function decodeData(bytes: Buffer, file: string): unknown {
  const raw = gunzipSync(bytes);
  if (raw.subarray(0, SIGNATURE.length).toString("latin1") !== SIGNATURE)
    throw new Error(`${file} is not a Pagefind data file (no \`${SIGNATURE}\` signature)`);
  return decode(raw.subarray(SIGNATURE.length));
}

const json = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;

type Filter = [name: string, values: [value: string, pages: number[]][]];

function sortedFilter(bytes: Buffer, file: string): Filter {
  const [name, values] = decodeData(bytes, file) as Filter;
  return [name, [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))];
}

/**
 * The unstable files of the Pagefind indexes among `files` (paths with `/`),
 * under names and in forms that stay the same from build to build; `read`
 * gives a file's bytes.
 */
export function canonicalPagefindFiles(files: readonly string[], read: (file: string) => Buffer): Map<string, Buffer> {
  const canonical = new Map<string, Buffer>();
  /** A filter file's hash → its canonical digest, per index folder. */
  const filterDigests = new Map<string, string>();
  for (const file of files) {
    const match = FILTER.exec(file);
    if (!match) continue;
    const filter = sortedFilter(read(file), file);
    const text = json(filter);
    const hash = file.slice(file.lastIndexOf("/") + 1, -".pf_filter".length);
    filterDigests.set(`${match.groups!.folder}\0${hash}`, sha256(text).slice(0, 16));
    canonical.set(`${match.groups!.folder}/filter/${match.groups!.language}-${filter[0]} (decoded, values sorted)`, Buffer.from(text));
  }
  for (const file of files) {
    const meta = META.exec(file);
    if (meta) {
      const data = decodeData(read(file), file) as unknown[];
      const filters = data[3] as [string, string][];
      const named = filters.map(([name, hash]) => [name, filterDigests.get(`${meta.groups!.folder}\0${hash}`) ?? `(no file ${hash})`]);
      const sorts = [...(data[4] as [string, number[]][])].sort(([a], [b]) => (a < b ? -1 : 1));
      const text = json([...data.slice(0, 3), named.sort(([a], [b]) => (a! < b! ? -1 : 1)), sorts, ...data.slice(5)]);
      canonical.set(`${meta.groups!.folder}/pagefind.${meta.groups!.language}.pf_meta (decoded, filters by content)`, Buffer.from(text));
      continue;
    }
    const entry = ENTRY.exec(file);
    if (entry) {
      const data = JSON.parse(read(file).toString("utf8")) as { languages?: Record<string, { hash?: string }> };
      for (const language of Object.values(data.languages ?? {})) delete language.hash;
      canonical.set(`${entry.groups!.folder}/pagefind-entry.json (without the metadata's hash)`, Buffer.from(json(data)));
    }
  }
  return canonical;
}
