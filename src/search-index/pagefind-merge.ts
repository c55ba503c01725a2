/**
 * Joins Pagefind bundles made apart (parts of one archive, each made by its
 * own Pagefind process) into one bundle that Pagefind's web client reads
 * exactly as one Pagefind made in one go: one metadata file, one run of word
 * chunks, one file a filter. Pagefind holds a whole index in memory while it
 * makes it (some 270 MiB per 1,000 articles); parts bound that, and the
 * merge keeps readers' costs those of one index (a word is one chunk, not
 * one chunk per part).
 *
 * The merge streams: it holds the parts' metadata (a fragment id and a word
 * count a page), one word chunk of each part, one filter at a time, and the
 * merged chunk it is filling. Part k's pages are numbered after the pages of
 * the parts before it, in the parts' order. The file layout is in
 * pagefind-format.ts.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  chunkBounds,
  compareWords,
  EntrySchema,
  FilterSchema,
  fragmentHash,
  MetaSchema,
  packData,
  PAGEFIND_CHUNK_SIZE,
  PAGEFIND_VERSION,
  readData,
  WordChunkSchema,
  wordSize,
  type PackedWord,
  type PagefindEntry,
  type PagefindFilter,
  type PagefindMeta,
  type Posting,
} from "./pagefind-format.ts";
import { forEachLimited } from "../lib/limited-concurrency.ts";

const ENTRY_FILE = "pagefind-entry.json";

interface Part {
  folder: string;
  language: string;
  entry: PagefindEntry;
  meta: PagefindMeta;
  /** Its first page's number in the merged bundle. */
  offset: number;
  /** Its meta field indexes → the merged bundle's. */
  fields: number[];
}

async function readPart(folder: string): Promise<Omit<Part, "offset" | "fields">> {
  const entryFile = path.join(folder, ENTRY_FILE);
  let entryJson: unknown;
  try {
    entryJson = JSON.parse(await readFile(entryFile, "utf8"));
  } catch (error) {
    throw new Error(`Pagefind file ${entryFile} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  const parsed = EntrySchema.safeParse(entryJson);
  if (!parsed.success)
    throw new Error(`Pagefind file ${entryFile} is not of Pagefind ${PAGEFIND_VERSION}'s layout: ${parsed.error.issues[0]!.message}`);
  const entry = parsed.data;
  if (entry.version !== PAGEFIND_VERSION)
    throw new Error(`Pagefind file ${entryFile} was made by Pagefind ${entry.version}; only ${PAGEFIND_VERSION}'s bundles can be merged`);
  const languages = Object.keys(entry.languages);
  if (languages.length !== 1) throw new Error(`Pagefind file ${entryFile} has ${languages.length} languages; a part must have one`);
  const language = languages[0]!;
  const metaFile = path.join(folder, `pagefind.${entry.languages[language]!.hash}.pf_meta`);
  const meta = readData(metaFile, await readFile(metaFile), MetaSchema);
  if (meta[0] !== PAGEFIND_VERSION)
    throw new Error(`Pagefind file ${metaFile} was made by Pagefind ${meta[0]}; only ${PAGEFIND_VERSION}'s bundles can be merged`);
  // A sort order lists pages by a value the bundle does not keep, so two cannot be joined.
  if (meta[4].length)
    throw new Error(`Pagefind file ${metaFile} has sort orders (${meta[4].map(([key]) => key).join(", ")}), which cannot be merged`);
  return { folder, language, entry, meta };
}

/** Names files of one kind by the shortest unused start of their hash (at least `<lang>_` and 7 hex digits, as Pagefind). */
class Names {
  private readonly used = new Set<string>();
  constructor(private readonly language: string) {}
  /** The name of a file whose content has `fullHash`. */
  take(fullHash: string): string {
    const whole = `${this.language}_${fullHash}`;
    let name = whole.slice(0, this.language.length + 8);
    while (this.used.has(name) && name.length < whole.length) name = whole.slice(0, name.length + 1);
    if (this.used.has(name)) return name; // The same content twice: Pagefind files both under one name.
    this.used.add(name);
    return name;
  }
}

/** A part's words in order, one chunk in memory at a time. */
async function* partWords(part: Part): AsyncGenerator<PackedWord> {
  for (const [, , id] of part.meta[2]) {
    const file = path.join(part.folder, "index", `${id}.pf_index`);
    const [words] = readData(file, await readFile(file), WordChunkSchema);
    yield* words;
  }
}

/** `postings` of a part (page numbers as gaps) with pages moved by the part's offset and meta fields renumbered, as absolute pages. */
function absolutePostings(part: Part, postings: readonly Posting[]): Posting[] {
  let page = 0;
  return postings.map(([gap, locs, metaLocs]) => {
    page += gap;
    // A negative entry of metaLocs names a field, -(field + 1); the field lists are sorted, so renumbering keeps their order.
    const fields = metaLocs.map((value) => (value < 0 ? -(part.fields[-value - 1]! + 1) : value));
    return [page + part.offset, locs, fields];
  });
}

/** Absolute page numbers back to gaps. */
function asGaps(postings: Posting[]): Posting[] {
  let last = 0;
  return postings.map(([page, locs, metaLocs]) => {
    const gap = page - last;
    last = page;
    return [gap, locs, metaLocs];
  });
}

/** One word of several parts (given in part order) as one. */
function mergeWord(entries: ReadonlyArray<{ part: Part; word: PackedWord }>): PackedWord {
  const postings: Posting[] = [];
  const variants = new Map<string, Posting[]>();
  for (const { part, word } of entries) {
    postings.push(...absolutePostings(part, word[1]));
    for (const [form, formPostings] of word[2]) {
      const list = variants.get(form) ?? [];
      list.push(...absolutePostings(part, formPostings));
      variants.set(form, list);
    }
  }
  // Pagefind lists a word's variants by the first page each is on; parts come in page order, so first seen is first.
  return [entries[0]!.word[0], asGaps(postings), [...variants].map(([form, list]) => [form, asGaps(list)])];
}

/** True when a proper prefix of `word` (by characters) is in `words`: `word` is one of its extensions. */
function extendsAny(word: string, words: ReadonlySet<string>): boolean {
  const chars = [...word];
  for (let length = 1; length < chars.length; length++) if (words.has(chars.slice(0, length).join(""))) return true;
  return false;
}

/**
 * Writes the merged word chunks into `output/index/`; their metadata rows in order.
 * Without `chunkSize`, chunks are cut and bounded as Pagefind cuts them. With it, see `mergePagefindBundles`.
 */
async function mergeWords(parts: Part[], output: string, names: Names, chunkSize: number | undefined): Promise<PagefindMeta[2]> {
  const streams = parts.map((part) => ({ part, words: partWords(part), head: undefined as PackedWord | undefined }));
  for (const stream of streams) stream.head = (await stream.words.next()).value ?? undefined;
  const budget = chunkSize ?? PAGEFIND_CHUNK_SIZE;
  const rows: Array<[string, string, string]> = [];
  let chunk: PackedWord[] = [];
  let inChunk = new Set<string>();
  let size = 0;
  let previous: string | undefined;
  const flush = async () => {
    const { content, hash } = packData([chunk]);
    const id = names.take(hash);
    await writeFile(path.join(output, "index", `${id}.pf_index`), content);
    rows.push([chunk[0]![0], chunk.at(-1)![0], id]);
    chunk = [];
    inChunk = new Set();
    size = 0;
  };
  for (;;) {
    let least: string | undefined;
    for (const { head } of streams) if (head && (least === undefined || compareWords(head[0], least) < 0)) least = head[0];
    if (least === undefined) break;
    if (previous !== undefined && compareWords(previous, least) >= 0)
      throw new Error(
        `Pagefind's word chunks are out of order at \`${least}\` (after \`${previous}\`) in ${parts.map((part) => part.folder).join(", ")}`,
      );
    previous = least;
    const entries: Array<{ part: Part; word: PackedWord }> = [];
    for (const stream of streams) {
      if (stream.head?.[0] !== least) continue;
      entries.push({ part: stream.part, word: stream.head });
      stream.head = (await stream.words.next()).value ?? undefined;
    }
    // Pagefind's client matches a word and the words that extend it among the chunks it loaded (the one
    // its bounds name): a chunk past its budget still takes a word that extends one of its own, up to Pagefind's size.
    if (size >= budget && (chunkSize === undefined || size >= PAGEFIND_CHUNK_SIZE || !extendsAny(least, inChunk))) await flush();
    const word = mergeWord(entries);
    chunk.push(word);
    if (chunkSize !== undefined) inChunk.add(word[0]);
    size += wordSize(word);
  }
  if (chunk.length) await flush();
  for (let i = 0; i + 1 < rows.length; i++) {
    // Neighbouring chunks' bounds cut to the prefixes that tell them apart, as Pagefind's; Pagefind's
    // client looks a word up by `from <= word <= to`, so a cut `to` shorter than the chunk's last word misses it.
    const [to, from] = chunkBounds(rows[i]![1], rows[i + 1]![0]);
    if (chunkSize === undefined) rows[i]![1] = to;
    rows[i + 1]![0] = from;
  }
  return rows;
}

/** Each filter of the parts as one file in `output/filter/`; their metadata rows. */
async function mergeFilters(parts: Part[], output: string, names: Names): Promise<PagefindMeta[3]> {
  const filterNames = [...new Set(parts.flatMap((part) => part.meta[3].map(([name]) => name)))].sort(compareWords);
  const rows: Array<[string, string]> = [];
  for (const name of filterNames) {
    const values = new Map<string, number[]>();
    for (const part of parts) {
      const row = part.meta[3].find(([filter]) => filter === name);
      if (!row) continue;
      const file = path.join(part.folder, "filter", `${row[1]}.pf_filter`);
      const [filter, partValues] = readData(file, await readFile(file), FilterSchema);
      if (filter !== name) throw new Error(`Pagefind file ${file} holds filter \`${filter}\`, where its metadata says \`${name}\``);
      for (const [value, pages] of partValues) {
        const list = values.get(value) ?? [];
        for (const page of pages) list.push(page + part.offset);
        values.set(value, list);
      }
    }
    const merged: PagefindFilter = [name, [...values.keys()].sort(compareWords).map((value) => [value, values.get(value)!])];
    const { content, hash } = packData(merged);
    const id = names.take(hash);
    await writeFile(path.join(output, "filter", `${id}.pf_filter`), content);
    rows.push([name, id]);
  }
  return rows;
}

/**
 * Copies each part's fragments into `output/fragment/`; the merged page rows.
 * A fragment keeps its id unless another part's page has it (two different
 * pages whose hashes start alike: at 100,000 pages some will), when it is
 * lengthened from its full hash as Pagefind lengthens it.
 */
async function mergePages(parts: Part[], output: string): Promise<{ rows: PagefindMeta[1]; renamed: Array<Map<string, string>> }> {
  const rows: Array<[string, number]> = [];
  const renamed: Array<Map<string, string>> = [];
  /** Each id taken → the fragment file it was taken by. */
  const taken = new Map<string, string>();
  const copies: Array<{ from: string; to: string }> = [];
  for (const part of parts) {
    const renames = new Map<string, string>();
    for (const [id, wordCount] of part.meta[1]) {
      const from = path.join(part.folder, "fragment", `${id}.pf_fragment`);
      let name = id;
      const holder = taken.get(id);
      if (holder !== undefined) {
        const whole = `${part.language}_${fragmentHash(from, await readFile(from))}`;
        const holderWhole = `${part.language}_${fragmentHash(holder, await readFile(holder))}`;
        // The same page twice: Pagefind files both under one name.
        if (whole !== holderWhole) {
          while (taken.has(name) && name.length < whole.length) name = whole.slice(0, name.length + 1);
          if (taken.has(name)) throw new Error(`Pagefind fragments ${holder} and ${from} cannot be given distinct names`);
          renames.set(id, name);
        }
      }
      if (!taken.has(name)) {
        taken.set(name, from);
        copies.push({ from, to: path.join(output, "fragment", `${name}.pf_fragment`) });
      }
      rows.push([name, wordCount]);
    }
    renamed.push(renames);
  }
  await forEachLimited(copies, ({ from, to }) => copyFile(from, to));
  return { rows, renamed };
}

export interface MergedBundle {
  pages: number;
  /** For each part, its pages whose fragment id changed in the merge (another part's page had it): old id → new id. */
  renamed: Array<Map<string, string>>;
}

/**
 * Merges the Pagefind bundles in `partFolders` (each one language, the same,
 * made by Pagefind 1.5.2 without sort orders) into one bundle in `output`,
 * a folder that must not hold another bundle. Pages are numbered in the
 * parts' order. Without `chunkSize`, the word chunks are the ones Pagefind
 * makes of the same pages in one go. With it, a chunk is closed once it
 * reaches `chunkSize` (in Pagefind's measure) and the next word does not
 * extend one of its words (up to Pagefind's own size), and each chunk's
 * `to` bound is its last word whole, so that Pagefind's client finds every
 * word in its own chunk, with the words that extend it.
 */
export async function mergePagefindBundles(partFolders: readonly string[], output: string, chunkSize?: number): Promise<MergedBundle> {
  if (!partFolders.length) throw new Error("No Pagefind bundles to merge");
  const read = await Promise.all(partFolders.map(readPart));
  const language = read[0]!.language;
  for (const part of read)
    if (part.language !== language)
      throw new Error(`Pagefind bundle ${part.folder} is of language \`${part.language}\`, not \`${language}\` as ${read[0]!.folder}`);
  const metaFields = [...new Set(read.flatMap((part) => part.meta[5]))].sort(compareWords);
  let offset = 0;
  const parts: Part[] = read.map((part) => {
    const placed = { ...part, offset, fields: part.meta[5].map((field) => metaFields.indexOf(field)) };
    offset += part.meta[1].length;
    return placed;
  });
  for (const folder of ["index", "filter", "fragment"]) await mkdir(path.join(output, folder), { recursive: true });
  const pages = await mergePages(parts, output);
  const chunks = await mergeWords(parts, output, new Names(language), chunkSize);
  const filters = await mergeFilters(parts, output, new Names(language));
  const meta: PagefindMeta = [PAGEFIND_VERSION, pages.rows, chunks, filters, [], metaFields];
  const packed = packData(meta);
  const metaId = `${language}_${packed.hash.slice(0, language.length + 8)}`;
  await writeFile(path.join(output, `pagefind.${metaId}.pf_meta`), packed.content);
  // The scripts, styles and WebAssembly are the same in every part: the first part's are copied.
  const first = parts[0]!;
  for (const name of await readdir(first.folder, { withFileTypes: true })) {
    if (!name.isFile() || name.name === ENTRY_FILE || name.name.endsWith(".pf_meta")) continue;
    await copyFile(path.join(first.folder, name.name), path.join(output, name.name));
  }
  const entry: PagefindEntry = {
    ...first.entry,
    languages: { [language]: { ...first.entry.languages[language]!, hash: metaId, page_count: pages.rows.length } },
  };
  await writeFile(path.join(output, ENTRY_FILE), JSON.stringify(entry));
  return { pages: pages.rows.length, renamed: pages.renamed };
}
