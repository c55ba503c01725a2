/**
 * Feed documents kept from build to build in `.cache/feeds/`, one file each.
 *
 * The `feed` library builds every Atom document through an XML tree (xml-js):
 * at 10,000 articles the 71 feeds, each with the whole HTML of its latest
 * articles, took over a second of every build, one that changed nothing
 * included. A document depends only on its `FeedInput` (feeds.ts), its format
 * and the code that writes it, so its kept file is named by the sha256 of
 * exactly those; an edited article, a new site address or new code is a miss,
 * and nothing is invalidated by hand. `save` writes the documents made in
 * this build and removes the files no feed of this build used or kept, so the
 * folder never grows past the archive. It is safe to delete.
 */
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { sha256 } from "../../lib/sha256.ts";
import type { Archive, FeedSpec } from "../../archive/build-archive.ts";
import { readCacheText, withChecksum, writeCacheFile } from "../../lib/cache-files.ts";
import { codeFingerprint } from "./output-cache.ts";
import { SITE_CODE } from "./site-code.ts";
import { FEED_EXTENSION, feedDocument, feedInput, type FeedFormat, type FeedInput } from "../../render/feeds.ts";
import { CACHES } from "../../lib/cache-registry.ts";

/** Bumped in cache-registry.ts when what a kept file means changes. */
export const FEED_CACHE_VERSION = CACHES.feeds.version;
export class FeedCache {
  /** Kept file name -> document, for the documents of this build. */
  private readonly used = new Map<string, string>();
  private readonly made = new Set<string>();
  /** The key of each feed of this build's archive, by format. */
  private readonly keys = new WeakMap<FeedSpec, Partial<Record<FeedFormat, string>>>();
  /** The sha256 of each feed's input, the same in both formats. */
  private readonly inputHashes = new WeakMap<FeedSpec, string>();
  /** Kept file names of the documents this build left unrendered (`keep`). */
  private readonly kept = new Set<string>();
  /** Documents taken from the cache, and made, in this build. */
  readonly stats = { reused: 0, made: 0 };

  private constructor(
    private readonly dir: string | undefined,
    private readonly version: string,
  ) {}

  /**
   * The cache kept in `dir` (none: every document is made, nothing kept).
   * `siteCode` is `codeFingerprint(SITE_CODE)` when the caller has it already.
   */
  static async open(dir?: string, siteCode?: string): Promise<FeedCache> {
    return new FeedCache(dir, `hemeroteca-feed ${FEED_CACHE_VERSION}\0${dir ? (siteCode ?? (await codeFingerprint(SITE_CODE))) : ""}`);
  }

  /**
   * The name of the feed's kept document: the sha256 of exactly what it is
   * made of, so the same name always means the same bytes. `undefined`
   * without a cache. Keys are remembered by spec, so a cache serves one
   * build of one archive (the plugin opens one in every `eleventy.before`).
   */
  keyOf(archive: Archive, spec: FeedSpec, format: FeedFormat): string | undefined {
    return this.dir && this.nameOf(spec, format, () => feedInput(archive, spec));
  }

  /**
   * Keeps the feed's document through `save` without reading it: the site
   * already holds it, and this build does not render it.
   */
  keep(name: string): void {
    this.kept.add(name);
  }

  /**
   * Remembered per spec: a build asks for each key twice (pages-to-write.ts, then the render). The input,
   * the whole HTML of a feed's latest articles, is hashed once for both formats: hashing the inputs of every
   * feed took a few hundred milliseconds of every build at 10,000 articles, and half of that was the second format.
   */
  private nameOf(spec: FeedSpec, format: FeedFormat, input: () => FeedInput): string {
    const known = this.keys.get(spec)?.[format];
    if (known) return known;
    let inputHash = this.inputHashes.get(spec);
    if (!inputHash) {
      inputHash = sha256(JSON.stringify(input()));
      this.inputHashes.set(spec, inputHash);
    }
    const name = `${sha256(`${this.version}\0${format}\0${inputHash}`)}${FEED_EXTENSION[format]}`;
    this.keys.set(spec, { ...this.keys.get(spec), [format]: name });
    return name;
  }

  /** The feed's document in `format`, kept from an earlier build when its input is the same. */
  document(archive: Archive, spec: FeedSpec, format: FeedFormat): string {
    const input = feedInput(archive, spec);
    if (!this.dir) {
      this.stats.made++;
      return feedDocument(input, format);
    }
    const name = this.nameOf(spec, format, () => input);
    let text = this.used.get(name);
    if (text === undefined) {
      text = this.read(name);
      if (text === undefined) {
        text = feedDocument(input, format);
        this.made.add(name);
        this.stats.made++;
      } else this.stats.reused++;
      this.used.set(name, text);
    }
    return text;
  }

  /**
   * A kept document, or `undefined` when it is missing or not whole (each is
   * written with its checksum, cache-files.ts): a file cut short by a full
   * disk or edited in place is dropped with a note, a miss, not a feed.
   * Synchronous: templates render synchronously, and a kept document is one
   * small read.
   */
  private read(name: string): string | undefined {
    return readCacheText(path.join(this.dir!, name));
  }

  /** Writes the documents made in this build and removes the kept ones it did not use. */
  async save(): Promise<void> {
    if (!this.dir) return;
    for (const name of this.made) {
      if (!(await writeCacheFile(path.join(this.dir, name), withChecksum(this.used.get(name)!)))) return;
    }
    // Another build's temporary files are its own: it renames them when done.
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      if (!this.used.has(name) && !this.kept.has(name) && !name.endsWith(".tmp"))
        await rm(path.join(this.dir, name), { recursive: true, force: true });
    }
  }
}
