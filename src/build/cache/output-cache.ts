/**
 * Keeps one generated folder tree (the search index, the data exports) in
 * `.cache/` under the hash of everything it was made from, and puts it back
 * into the site by copying when the
 * hash matches, instead of generating it again.
 *
 * Layout: `<dir>/<hash>/...` holds the files, `<dir>/manifest.json` (checked,
 * cache-files.ts) names the current hash and every file with its size and
 * the sha256 of its bytes, and, when the caller gave one,
 * the key of the inputs the hash was made from (`hashOfInputs`). An entry is adopted by renaming
 * a finished folder into place and writing the manifest last, so a crash
 * leaves the old entry, a stray folder, or the new entry: never a half one.
 * A restore checks every file's size and digest first: an entry with a file
 * missing, cut short, altered or replaced by a folder is dropped with a note
 * and made again. A file the site already holds with the kept file's
 * size and modification time and the same digest is left as it is, and
 * copies are given the kept file's time: a build that changed nothing copies
 * nothing. The folder is safe to delete at any time.
 *
 * Builds may share the folder at the same time (a test run; `npm start` beside
 * `npm run build`), and each drops the entries it does not need. So an entry
 * that vanishes while it is being copied is a miss, not an error; a tree just
 * made is copied from the build's own staging folder before it is kept; and
 * when another build has just kept the same hash, its entry stands.
 */
import { randomBytes, type Hash } from "node:crypto";
import { constants as fsConstants, statSync, type Stats } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { cacheNote, dropCacheEntry, fileDigest, readCacheText, removeFolder, withChecksum, writeCacheFile } from "../../lib/cache-files.ts";
import { forEachLimited } from "../../lib/limited-concurrency.ts";
import { listFiles } from "../../lib/list-files.ts";
import { processIsAlive } from "../../lib/process-is-alive.ts";
export { codeFingerprint } from "../../records/record-cache.ts";

const Sha256Schema = z.string().regex(/^[a-f0-9]{64}$/);
const ManifestSchema = z.strictObject({
  hash: Sha256Schema,
  /** Each file, its size and the sha256 of its bytes. */
  files: z.array(z.tuple([z.string(), z.number().int().nonnegative(), Sha256Schema])),
  /** The key of the inputs the entry was last made or put back for (`hashOfInputs`), when the caller gave one. */
  inputs: Sha256Schema.optional(),
});

type Manifest = z.infer<typeof ManifestSchema>;

/**
 * Every file under `dir`, relative to it with `/` separators. The listing is
 * synchronous: the asynchronous recursive one is ten times slower on a tree
 * of thousands of folders (a round trip through the thread pool for each).
 */
export async function listTree(dir: string): Promise<string[]> {
  return listFiles(dir).files;
}

/**
 * Whether `to` is already a copy of the kept file: same size, the
 * modification time the copy was given, and the kept file's digest. Copies,
 * not hard links to the kept entry: anything that later writes a site file
 * in place (an SQLite client opening the export read-write, a tool rewriting
 * a page) must not change the kept entry; its digest would catch that, but
 * only by dropping the entry and making it again.
 */
function isCopyOf(to: string, target: Stats | undefined, source: Stats, digest: string): boolean {
  // Times set through `utimes` come back within a microsecond or so of the original, not always to the bit.
  return !!target?.isFile() && target.size === source.size && Math.abs(target.mtimeMs - source.mtimeMs) < 1 && fileDigest(to) === digest;
}

/**
 * Puts every file of the tree `files` (relative to `fromDir`, with their
 * `sources` stats) at the same place under `toDir`, unless already there.
 * The checks are synchronous, like `listTree`: a kept index of 10,000
 * articles is 16,000 files, nearly all already in place, and a round trip
 * through the thread pool for each cost more than the check.
 */
async function copyTree(
  fromDir: string,
  toDir: string,
  files: readonly string[],
  sources: readonly Stats[],
  digests: readonly string[],
): Promise<void> {
  const missing = files.flatMap((file, index) => {
    const to = path.join(toDir, file);
    return isCopyOf(to, statSync(to, { throwIfNoEntry: false }), sources[index]!, digests[index]!)
      ? []
      : [{ from: path.join(fromDir, file), to, source: sources[index]! }];
  });
  const folders = [...new Set(missing.map(({ to }) => path.dirname(to)))].sort();
  await forEachLimited(folders, (folder) => mkdir(folder, { recursive: true }));
  await forEachLimited(missing, async ({ from, to, source }) => {
    // A clone where the file system can make one (Btrfs, XFS, APFS), a plain copy elsewhere: a clone shares the
    // blocks only until either file is written, so it is as independent of the kept entry as a copy. The file there
    // is removed first: it may be a hard link to the published site's file (publish.ts), which must not change.
    await rm(to, { force: true });
    await copyFile(from, to, fsConstants.COPYFILE_FICLONE);
    await utimes(to, source.atime, source.mtime);
  });
}

/** The stats of every file of a tree, or undefined when one is missing. */
function statTree(dir: string, files: readonly string[]): Stats[] | undefined {
  const stats: Stats[] = [];
  for (const file of files) {
    const entry = statSync(path.join(dir, file), { throwIfNoEntry: false });
    if (!entry) return undefined;
    stats.push(entry);
  }
  return stats;
}

export class OutputCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  private async manifest(): Promise<Manifest | undefined> {
    const text = readCacheText(path.join(this.dir, "manifest.json"));
    try {
      const parsed = text === undefined ? undefined : ManifestSchema.safeParse(JSON.parse(text));
      return parsed?.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Replaces the manifest in one step; false, with a warning, when it cannot be written. */
  private async writeManifest(manifest: Manifest): Promise<boolean> {
    return writeCacheFile(path.join(this.dir, "manifest.json"), withChecksum(JSON.stringify(manifest)));
  }

  /**
   * The hash of the whole entry last made or put back for `inputs` (see
   * `restoreOrMake`), or undefined. A caller whose inputs key names
   * everything the hash is made from, but costs less to work out, learns
   * the hash without making what it hashes.
   */
  async hashOfInputs(inputs: string): Promise<string | undefined> {
    const manifest = await this.manifest();
    return manifest?.inputs === inputs && (await this.wholeEntry(manifest.hash)) ? manifest.hash : undefined;
  }

  /** Notes that the entry kept under `hash` is the one for `inputs`; nothing when another entry is kept by now. */
  private async noteInputs(hash: string, inputs: string): Promise<void> {
    const manifest = await this.manifest();
    if (manifest?.hash === hash && manifest.inputs !== inputs) await this.writeManifest({ ...manifest, inputs });
  }

  /** A fresh folder inside the cache to generate a tree into, then `adopt`. */
  async staging(): Promise<string> {
    const folder = path.join(this.dir, `staging-${process.pid}-${randomBytes(4).toString("hex")}`);
    await rm(folder, { recursive: true, force: true });
    await mkdir(folder, { recursive: true });
    return folder;
  }

  /**
   * Puts the tree stored under `hash` into `toDir`. False, and nothing
   * written, when there is no such entry or any of its files is missing or
   * has another size.
   */
  async restore(hash: string, toDir: string): Promise<boolean> {
    return (await this.restoreFiles(hash, toDir)) !== undefined;
  }

  /** True when the tree stored under `hash` is whole: `restore` would put it back, unless it goes in between. */
  async has(hash: string): Promise<boolean> {
    return (await this.wholeEntry(hash)) !== undefined;
  }

  /**
   * The entry kept under `hash`, its files, their stats and digests, when
   * every file is there with the size and digest the manifest gives; a bad
   * entry is dropped, with a note.
   */
  private async wholeEntry(hash: string): Promise<{ entry: string; files: string[]; sources: Stats[]; digests: string[] } | undefined> {
    const manifest = await this.manifest();
    if (!manifest || manifest.hash !== hash) return undefined;
    const entry = path.join(this.dir, hash);
    const files = manifest.files.map(([file]) => file);
    const digests = manifest.files.map(([, , digest]) => digest);
    const sources = statTree(entry, files);
    const bad = !sources
      ? "lacks a file"
      : sources.some(
            (source, index) =>
              !source.isFile() ||
              source.size !== manifest.files[index]![1] ||
              fileDigest(path.join(entry, files[index]!)) !== digests[index],
          )
        ? "holds a file that is not as it was kept (altered, cut short or not a file)"
        : undefined;
    if (bad) {
      // Another build may be adopting a new entry; only an entry still named by the manifest is this one's to drop.
      if ((await this.manifest())?.hash === hash) dropCacheEntry(entry, bad);
      return undefined;
    }
    return { entry, files, sources: sources!, digests };
  }

  /** `restore`, answering the files put back (relative to `toDir`), or undefined on a miss. */
  private async restoreFiles(hash: string, toDir: string): Promise<string[] | undefined> {
    const whole = await this.wholeEntry(hash);
    if (!whole) return undefined;
    const { entry, files, sources, digests } = whole;
    try {
      await copyTree(entry, toDir, files, sources, digests);
    } catch (error) {
      // Another build dropped the entry midway: what was copied is of the same hash, and the caller makes the rest.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    return files;
  }

  /** Makes the finished tree in `folder` (from `staging()`), whose files are `files`, the entry for `hash` (and `inputs`); other entries go. */
  private async adopt(
    hash: string,
    folder: string,
    files: readonly string[],
    stats: readonly Stats[],
    digests: readonly string[],
    inputs: string | undefined,
  ): Promise<void> {
    const sizes = files.map((file, index): [string, number, string] => [file, stats[index]!.size, digests[index]!]);
    const entry = path.join(this.dir, hash);
    await removeFolder(entry);
    try {
      await rename(folder, entry);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
      // Another build kept the same hash between the removal and the rename: the same tree, already in place.
      await removeFolder(folder);
      return;
    }
    if (!(await this.writeManifest({ hash, files: sizes, ...(inputs === undefined ? {} : { inputs }) }))) return;
    // Older entries, and folders left by builds that were interrupted, are of no further use.
    for (const name of await readdir(this.dir)) {
      // A staging folder or a manifest being written (writeFileAtomically's temporary name) is its owner's while it lives.
      const owner = /^(?:staging-|manifest\.json\.)(\d+)[-.]/.exec(name)?.[1];
      if (name === hash || name === "manifest.json" || (owner && processIsAlive(Number(owner)))) continue;
      await removeFolder(path.join(this.dir, name));
    }
  }

  /**
   * Puts the tree kept under `hash` into `toDir`, or, when there is none,
   * makes it with `make` in a staging folder, keeps it, and puts that in:
   * the kept copy then holds exactly what `make` wrote. Answers whether it
   * was reused, and the files put in, relative to `toDir`. `inputs`, the
   * key of what the hash is made from, is noted with the entry, for
   * `hashOfInputs`.
   */
  async restoreOrMake(
    hash: string,
    toDir: string,
    make: (folder: string) => Promise<unknown>,
    inputs?: string,
  ): Promise<{ reused: boolean; files: string[] }> {
    const restored = await this.restoreFiles(hash, toDir);
    if (restored) {
      if (inputs !== undefined) await this.noteInputs(hash, inputs);
      return { reused: true, files: restored };
    }
    let staging: string;
    let keep = true;
    try {
      staging = await this.staging();
    } catch (error) {
      // A cache folder that cannot be written (a file in its place, no permission): made outside it, and not kept.
      cacheNote(
        `warning: cannot write into the cache folder \`${this.dir}\` (${(error as NodeJS.ErrnoException).code ?? String(error)}); the build goes on without it`,
      );
      staging = await mkdtemp(path.join(tmpdir(), "hemeroteca-staging-"));
      keep = false;
    }
    try {
      await make(staging);
      const files = await listTree(staging);
      const stats = statTree(staging, files);
      const digests = files.map((file) => fileDigest(path.join(staging, file)));
      if (!stats || digests.includes(undefined)) throw new Error(`A file of ${staging} vanished while it was being kept`);
      await copyTree(staging, toDir, files, stats, digests as string[]);
      if (!keep) {
        await this.discard(staging);
        return { reused: false, files };
      }
      try {
        await this.adopt(hash, staging, files, stats, digests as string[], inputs);
      } catch (error) {
        // What was made is in the site already: a cache that cannot keep it is worked around, with a warning.
        cacheNote(
          `warning: cannot keep \`${staging}\` in the cache (${(error as NodeJS.ErrnoException).code ?? String(error)}); the build goes on without it`,
        );
        await this.discard(staging).catch(() => {});
      }
      return { reused: false, files };
    } catch (error) {
      await this.discard(staging);
      throw error;
    }
  }

  /** Removes a staging folder that will not be adopted. */
  async discard(folder: string): Promise<void> {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Feeds a JSON value into a hash with object keys in sorted order, so two
 * equal values hash alike whatever order their keys were set in (a record
 * read from the cache and one just parsed, for instance).
 */
export function updateHashWithValue(hash: Hash, value: unknown): Hash {
  if (value === null || typeof value !== "object") {
    hash.update(value === undefined ? "null" : JSON.stringify(value));
  } else if (Array.isArray(value)) {
    hash.update("[");
    value.forEach((item, index) => updateHashWithValue(index ? hash.update(",") : hash, item));
    hash.update("]");
  } else {
    hash.update("{");
    Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .forEach((key, index) =>
        updateHashWithValue(hash.update(`${index ? "," : ""}${JSON.stringify(key)}:`), (value as Record<string, unknown>)[key]),
      );
    hash.update("}");
  }
  return hash;
}
