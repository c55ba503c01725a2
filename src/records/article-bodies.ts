/**
 * Where each article's body is while a build runs, so that the Archive holds
 * only what every page needs (ArticleEntry) and a body is in memory only while
 * the one page, search record or export row that shows it is made.
 *
 * A body is read back from its record cache entry (record-cache.ts), checked
 * against the record's digest: the entry's checksum is the sha256 of the
 * whole record's JSON, so an entry changed since the archive was loaded is an
 * error, never a wrong page. A body with no entry on disk (no cache, or a
 * record parsed in this build before its entry is written) is kept in memory.
 *
 * At 100,000 articles of the benchmark the bodies (HTML and plain text) were
 * about nine tenths of the records' size, and the records were copied whole
 * into each worker (PERFORMANCE.md, "Memory").
 */
import { readFileSync } from "node:fs";
import type { ArticleBody, ArticleEntry, ArticleRecord } from "./article-record.ts";
import { checkedText } from "../lib/cache-files.ts";
import { cachedEntryOf } from "./record-cache.ts";
import { noteRecordDigest, recordDigest } from "./record-digest.ts";

/** Reads an article's body when a page, a search record or an export row needs it. */
export interface BodyReader {
  bodyOf(entry: ArticleEntry): ArticleBody;
}

/**
 * Where one body is, as a worker can be sent it: the record cache entry and
 * the digest it must have, or the body itself.
 */
export type BodyLocation = { entry: string; digest: string } | ArticleBody;

/** The entry without its body: a new object, known by the whole record's digest. */
export function entryOf(record: ArticleRecord): ArticleEntry {
  const { html: _html, text: _text, ...entry } = record;
  noteRecordDigest(entry, recordDigest(record));
  return entry;
}

/** Reads the body of a record cache entry, checked against the digest of the record it was loaded as. */
export function readBodyAt(location: { entry: string; digest: string }, file: string): ArticleBody {
  let kept: string;
  try {
    kept = readFileSync(location.entry, "utf8");
  } catch (error) {
    throw new Error(
      `Cannot \`read\` the body of \`${file}\` from the record cache entry \`${location.entry}\` (${(error as NodeJS.ErrnoException).code ?? String(error)}): was the cache removed during the build?`,
      { cause: error },
    );
  }
  const json = checkedText(kept);
  if (json === undefined || kept.slice(0, 64) !== location.digest) {
    throw new Error(
      `Cannot \`read\` the body of \`${file}\`: its record cache entry \`${location.entry}\` changed during the build; build again`,
    );
  }
  const { html, text } = JSON.parse(json) as ArticleRecord;
  return { html, text };
}

const bodyOfLocation = (location: BodyLocation, file: string): ArticleBody => ("entry" in location ? readBodyAt(location, file) : location);

export class ArticleBodies implements BodyReader {
  /** By id: the whole record until `settle` finds its entry on disk, then that entry's location. */
  private readonly places = new Map<string, ArticleRecord | BodyLocation>();

  /** Each record's entry (`entryOf`), with its body noted here. */
  static split(records: readonly ArticleRecord[]): { entries: ArticleEntry[]; bodies: ArticleBodies } {
    const bodies = new ArticleBodies();
    const entries = records.map((record) => {
      bodies.places.set(record.id, record);
      return entryOf(record);
    });
    bodies.settle();
    return { entries, bodies };
  }

  /**
   * Lets go of every body whose record cache entry is on disk: call it again
   * once the build has written the entries of the records it parsed.
   */
  settle(): void {
    for (const [id, place] of this.places) {
      if (!("id" in place)) continue;
      const entry = cachedEntryOf(place);
      // Kept whole until its entry is written: only the record knows it (`cachedEntryOf`).
      if (entry) this.places.set(id, { entry, digest: recordDigest(place) });
    }
  }

  /** Where `entry`'s body is. */
  locationOf(entry: ArticleEntry): BodyLocation {
    const place = this.places.get(entry.id);
    if (!place) throw new Error(`Cannot \`read\` the body of \`${entry.file}\`: the archive was not loaded with it`);
    if ("id" in place) return { html: place.html, text: place.text };
    return place;
  }

  bodyOf(entry: ArticleEntry): ArticleBody {
    return bodyOfLocation(this.locationOf(entry), entry.file);
  }

  /** Bodies in memory (not yet, or never, in the record cache): for the build's figures. */
  get inMemory(): number {
    let count = 0;
    for (const place of this.places.values()) if ("id" in place) count++;
    return count;
  }
}

/** A worker's reader of the bodies of `entries`, sent as `locations` in the same order. */
export function bodiesAt(entries: readonly ArticleEntry[], locations: readonly BodyLocation[]): BodyReader {
  const byEntry = new Map(entries.map((entry, index) => [entry, locations[index]!]));
  return {
    bodyOf(entry) {
      const location = byEntry.get(entry);
      if (!location) throw new Error(`Cannot \`read\` the body of \`${entry.file}\`: it was not sent to this worker`);
      return bodyOfLocation(location, entry.file);
    },
  };
}

/** The reader for records given whole (tests, and callers that built the Archive from whole records). */
export const BODIES_IN_RECORDS: BodyReader = {
  bodyOf(entry) {
    if ("html" in entry && "text" in entry && typeof entry.html === "string" && typeof entry.text === "string")
      return { html: entry.html, text: entry.text };
    throw new Error(`Cannot \`read\` the body of \`${entry.file}\`: the archive holds its entry only, and no reader of bodies was given`);
  },
};

/** The record with its body: for the code that renders one article. */
export function withBody(entry: ArticleEntry, bodies: BodyReader): ArticleRecord {
  const record = { ...entry, ...bodies.bodyOf(entry) };
  noteRecordDigest(record, recordDigest(entry));
  return record;
}
