/**
 * Pagefind 1.5.2's data files, read and written: what pagefind-merge.ts needs
 * to join bundles Pagefind made apart into one that its own web client reads
 * as if Pagefind had made it in one go. Learnt from Pagefind's source
 * (`pagefind/src/index/`, `pagefind/src/output/`) and checked against the
 * files 1.5.2 writes; none of its code is copied.
 *
 * Every data file (`*.pf_meta`, `index/*.pf_index`, `filter/*.pf_filter`,
 * `fragment/*.pf_fragment`) is gzipped, and unzipped begins with the 12
 * bytes `pagefind_dcd`. After them, fragments are JSON; the rest are CBOR
 * (minicbor: each struct an array of its fields in order):
 *
 * - metadata `pagefind.<lang>_<10 hex>.pf_meta`:
 *   `[version, pages, chunks, filters, sorts, metaFields]`, where `pages` is
 *   `[[fragmentId, wordCount]]` by page number, `chunks` is
 *   `[[from, to, chunkId]]` in word order (`from`/`to` cut to the shortest
 *   prefixes that still tell neighbouring chunks apart), `filters` is
 *   `[[name, filterId]]`, `sorts` is `[[key, pageNumbers]]` and `metaFields`
 *   the names of the meta fields whose words are indexed, sorted.
 * - word chunk `index/<lang>_<7 hex>.pf_index`: `[words]`, each word
 *   `[word, postings, variants]`, a posting `[page, locs, metaLocs]`, a variant
 *   `[originalForm, postings]` (a form with diacritics, filed under its folded
 *   word), listed by the first page each form is on. Within a word's postings, `page` is the gap from the posting
 *   before (the first is absolute). `locs` are word positions, gaps too, with a
 *   negative `-(weight + 1)` before each run of one weight; `metaLocs` the same
 *   with `-(field + 1)` naming the meta field (an index into `metaFields`).
 *   Words are in byte order of their UTF-8; a chunk is closed once the sum
 *   over its words' postings (not their variants') of `locs + metaLocs + 1`
 *   reaches 20,000.
 * - filter `filter/<lang>_<7 hex>.pf_filter`: `[name, [[value, pageNumbers]]]`,
 *   page numbers absolute and ascending, values in no promised order.
 * - fragment `fragment/<lang>_<7 hex>.pf_fragment`: the page's JSON (url,
 *   content, word_count, filters, meta, anchors); no page number, so a
 *   fragment is the same file in any bundle.
 * - `pagefind-entry.json`: `{version, languages: {<lang>: {hash, wasm,
 *   page_count}}, include_characters}`, `hash` naming the metadata file.
 *
 * Names are `<lang>_` and the start of the SHA-1 of the CBOR (fragments: of
 * the JSON) before the signature and gzip, each byte written in hex without a
 * leading zero; a name that collides with another of its kind in the bundle
 * is lengthened by a character until it does not.
 */
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
// cbor-x reads (some 18 times faster than cbor2 on Pagefind's word chunks, to the same values);
// cbor2 writes, as its output is byte for byte what Pagefind's minicbor writes.
import { decode } from "cbor-x";
import { encode } from "cbor2";
import { z } from "zod";

/** The Pagefind whose files these are: another version's may differ, and is refused. */
export const PAGEFIND_VERSION = "1.5.2";

/** What starts every unzipped data file. */
const SIGNATURE = "pagefind_dcd";

/** Pagefind closes a word chunk once its postings reach this size (see above). */
export const PAGEFIND_CHUNK_SIZE = 20_000;

const count = z.number().int().nonnegative();
const int = z.number().int();

export const MetaSchema = z.tuple([
  z.string(),
  z.array(z.tuple([z.string(), count])),
  z.array(z.tuple([z.string(), z.string(), z.string()])),
  z.array(z.tuple([z.string(), z.string()])),
  z.array(z.tuple([z.string(), z.array(count)])),
  z.array(z.string()),
]);
export type PagefindMeta = z.infer<typeof MetaSchema>;

const PostingSchema = z.tuple([count, z.array(int), z.array(int)]);
export type Posting = z.infer<typeof PostingSchema>;
const WordSchema = z.tuple([z.string(), z.array(PostingSchema), z.array(z.tuple([z.string(), z.array(PostingSchema)]))]);
export type PackedWord = z.infer<typeof WordSchema>;
export const WordChunkSchema = z.tuple([z.array(WordSchema)]);

export const FilterSchema = z.tuple([z.string(), z.array(z.tuple([z.string(), z.array(count)]))]);
export type PagefindFilter = z.infer<typeof FilterSchema>;

export const EntrySchema = z
  .object({
    version: z.string(),
    languages: z.record(z.string(), z.object({ hash: z.string(), wasm: z.string().nullable().optional(), page_count: count }).strict()),
    include_characters: z.array(z.string()),
  })
  .strict();
export type PagefindEntry = z.infer<typeof EntrySchema>;

/** Pagefind's hash: SHA-1, each byte in hex without a leading zero. */
export function pagefindHash(bytes: Uint8Array): string {
  let text = "";
  for (const byte of createHash("sha1").update(bytes).digest()) text += byte.toString(16);
  return text;
}

/** The bytes after the signature of a gzipped data file, or an error naming `file`. */
export function unpackData(file: string, gzipped: Uint8Array): Buffer {
  let raw: Buffer;
  try {
    raw = gunzipSync(gzipped);
  } catch (error) {
    throw new Error(`Pagefind file ${file} is not gzipped data: ${(error as Error).message}`, { cause: error });
  }
  if (raw.subarray(0, SIGNATURE.length).toString("latin1") !== SIGNATURE)
    throw new Error(`Pagefind file ${file} does not begin with \`${SIGNATURE}\` once unzipped`);
  return raw.subarray(SIGNATURE.length);
}

/** A CBOR data file decoded and checked against `schema`; any fault is an error naming `file`. */
export function readData<T>(file: string, gzipped: Uint8Array, schema: z.ZodType<T>): T {
  const body = unpackData(file, gzipped);
  let value: unknown;
  try {
    value = decode(body);
  } catch (error) {
    throw new Error(`Pagefind file ${file} is not valid CBOR: ${(error as Error).message}`, { cause: error });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `Pagefind file ${file} is not of Pagefind ${PAGEFIND_VERSION}'s layout: at [${issue.path.join(", ")}]: ${issue.message}`,
    );
  }
  return parsed.data;
}

/** A data file's bytes as Pagefind writes them (signature, gzip) and the full hash its name is cut from. */
export function packData(value: unknown): { content: Buffer; hash: string } {
  const body = encode(value);
  return { content: gzipSync(Buffer.concat([Buffer.from(SIGNATURE, "latin1"), body])), hash: pagefindHash(body) };
}

/** A fragment's full hash, from its gzipped file (fragments are JSON, hashed as such). */
export function fragmentHash(file: string, gzipped: Uint8Array): string {
  return pagefindHash(unpackData(file, gzipped));
}

/** Rust's order of `String`s (UTF-8 bytes), which is code point order, not JavaScript's UTF-16 order. */
export function compareWords(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort above U+E000–U+FFFF in code point order.
    const fix = (unit: number) => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit);
    return fix(x) - fix(y);
  }
  return a.length - b.length;
}

/**
 * The shortest prefixes that tell the last word of one chunk from the first
 * of the next, as the metadata's chunk bounds hold them (by characters).
 */
export function chunkBounds(last: string, next: string): [string, string] {
  const a = [...last];
  const b = [...next];
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [a.slice(0, common + 1).join(""), b.slice(0, common + 1).join("")];
}

/** A word's size as Pagefind counts it towards a chunk's 20,000 (its variants' postings do not count). */
export function wordSize(word: PackedWord): number {
  let size = 0;
  for (const [, locs, metaLocs] of word[1]) size += locs.length + metaLocs.length + 1;
  return size;
}
