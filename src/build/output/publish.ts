/**
 * A site is published whole or not at all. `npm run build` does not write
 * into the site folder (`_site/`): it makes the new site in a folder beside
 * it (`._site.building/`), and only once every page, citation, export and
 * search file is there does it swap the two by renaming, as a deploy tool
 * switches releases. An interrupted or failed build (disk full, `kill -9`, an
 * error) leaves the old site serving and its half-made folder beside it,
 * which the next build removes. The files the build leaves as they were (a
 * page the output ledger vouches for, a kept search bundle or export) are
 * hard links to the old site's, so a build that changed little writes little;
 * nothing the build writes goes into a linked file in place (a file there is
 * removed first, or replaced by renaming), so the old site is never changed.
 *
 * The swap is two renames (the old site aside, the new one in), since Node
 * has no atomic exchange: a build killed between them leaves no site folder
 * for an instant, with both whole sites beside it, and the next build (or
 * `repairInterruptedPublish`) finishes the swap. A version-control folder at
 * the top of the site (`KEPT_ENTRIES`) moves into the new site before the
 * swap, and back if the build ends without one.
 *
 * One build at a time writes a site: a lock file beside it names the build's
 * process; a second build stops before it writes anything, naming it. A lock
 * whose process has ended (killed) is taken over.
 *
 * `npm start` (Eleventy's `--serve` or `--watch`) writes in place instead:
 * its server serves the site folder itself, and each rebuild writes only what
 * changed over the last one. It takes the same lock for each rebuild; an
 * interrupted rebuild leaves a mixed site that the next build repairs, since
 * the ledger of what is in the folder is saved only after a rebuild ends.
 */
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { KEPT_ENTRIES } from "./output-folder.ts";
import { processIsAlive } from "../../lib/process-is-alive.ts";

/** Where the site `site` is made before it is published: a hidden folder beside it, on the same file system. */
export function stagingFolderOf(site: string): string {
  return path.join(path.dirname(path.resolve(site)), `.${path.basename(path.resolve(site))}.building`);
}

/** Where the old site goes for the instant of the swap. */
function asideFolderOf(site: string): string {
  return path.join(path.dirname(path.resolve(site)), `.${path.basename(path.resolve(site))}.old`);
}

/** The lock file of the builds of `site`. */
export function lockFileOf(site: string): string {
  return path.join(path.dirname(path.resolve(site)), `.${path.basename(path.resolve(site))}.lock`);
}

/**
 * Whether Eleventy's command line builds in place rather than staged and
 * swapped: its dev server and watching (each rebuild over the last), an
 * incremental build (which renders only some pages) and a dry run (which
 * writes nothing).
 */
export function buildsInPlace(argv: readonly string[], runMode = process.env.ELEVENTY_RUN_MODE): boolean {
  // `npm start` runs Eleventy from its own script (src/site/serve.ts), which Eleventy tells by its run mode.
  if (runMode === "serve" || runMode === "watch") return true;
  return argv.some((arg) => /^--(serve|watch|incremental|dryrun)(=|$)/.test(arg) && !/^--\w+=false$/.test(arg));
}

/** The pid a lock file names, or undefined when it names none (cut short while it was written). */
function lockHolder(lock: string): number | undefined {
  try {
    const pid = Number(/^pid (\d+)\n/.exec(readFileSync(lock, "utf8"))?.[1]);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

const heldLocks = new Set<string>();
let releaseOnExit = false;

/**
 * Takes the lock of `site` for this process, or throws naming the process
 * that holds it. Taking it again in the same process is allowed (each
 * rebuild of `npm start`). A lock left by a process that has ended is taken
 * over.
 */
export function acquireBuildLock(site: string): void {
  const lock = lockFileOf(site);
  mkdirSync(path.dirname(lock), { recursive: true });
  // Written whole under a name of its own, then linked to the lock's name, which fails when there is a lock:
  // no build ever reads a lock that is still being written.
  const mine = `${lock}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(mine, `pid ${process.pid}\nstarted ${new Date().toISOString()}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, lock);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = lockHolder(lock);
      if (holder === process.pid) break;
      if (holder !== undefined && processIsAlive(holder)) {
        throw new Error(
          `Another build (pid ${holder}) is writing the site \`${path.resolve(site)}\`: wait for it to end, or stop it. ` +
            `Its lock is \`${lock}\`. Nothing was written.`,
        );
      }
      if (attempt > 2) throw new Error(`Cannot take the build lock \`${lock}\`. Remove it if no build is running.`);
      // Its process has ended without releasing it (killed): taken over.
      rmSync(lock, { force: true });
    }
  } finally {
    rmSync(mine, { force: true });
  }
  heldLocks.add(lock);
  if (!releaseOnExit) {
    releaseOnExit = true;
    // A build that fails midway exits without reaching `releaseBuildLock`.
    process.on("exit", () => {
      for (const held of heldLocks) if (lockHolder(held) === process.pid) rmSync(held, { force: true });
    });
  }
}

/** Gives up the lock of `site`, when this process holds it. */
export function releaseBuildLock(site: string): void {
  const lock = lockFileOf(site);
  heldLocks.delete(lock);
  if (lockHolder(lock) === process.pid) rmSync(lock, { force: true });
}

function exists(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false }) !== undefined;
}

/** Moves the version-control folders at the top of `from` to `to`, where `to` has none. */
function moveKeptEntries(from: string, to: string): void {
  for (const name of KEPT_ENTRIES) {
    if (exists(path.join(from, name)) && !exists(path.join(to, name))) renameSync(path.join(from, name), path.join(to, name));
  }
}

/** Removes a folder by renaming it aside first, so that a new folder of the same name may be made at once. */
function removeFolderNow(folder: string): void {
  if (!exists(folder)) return;
  const aside = `${folder}.${process.pid}.${randomBytes(4).toString("hex")}.removing`;
  renameSync(folder, aside);
  rmSync(aside, { recursive: true, force: true });
}

/**
 * Brings the folders beside `site` back to one site, after a build that was
 * interrupted: a swap cut between its two renames is finished (the new site
 * was whole before the old one went aside), an old site left aside goes, and
 * a half-made new site goes, handing back any version-control folder it had
 * taken. Call with the lock held.
 */
export function repairInterruptedPublish(site: string): void {
  const staging = stagingFolderOf(site);
  const aside = asideFolderOf(site);
  // What a killed build leaves under names of its own: a lock being taken, a folder being removed.
  const name = path.basename(path.resolve(site));
  const parent = path.dirname(path.resolve(site));
  for (const entry of readdirSync(parent)) {
    const owner = /^\.(.+)\.(?:lock|building|old)\.(\d+)\.[0-9a-f]{8}\.(?:tmp|removing)$/.exec(entry);
    if (owner?.[1] === name && !processIsAlive(Number(owner[2]))) rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
  if (!exists(site) && exists(aside)) {
    if (exists(staging)) renameSync(staging, site);
    else renameSync(aside, site);
  }
  if (exists(aside)) {
    if (exists(site)) moveKeptEntries(aside, site);
    removeFolderNow(aside);
  }
  if (exists(staging)) {
    if (exists(site)) moveKeptEntries(staging, site);
    removeFolderNow(staging);
  }
}

/**
 * An empty folder to make the new site of `site` in, after repairing what an
 * interrupted build left. Call with the lock held.
 */
export function startStaging(site: string): string {
  repairInterruptedPublish(site);
  const staging = stagingFolderOf(site);
  mkdirSync(staging, { recursive: true });
  return staging;
}

/**
 * Hard-links files of the old site into the new one, making their folders.
 * A file the old site lacks is skipped. Links are made once per file.
 */
export class SiteLinker {
  private readonly folders = new Set<string>();

  constructor(
    readonly from: string,
    readonly to: string,
  ) {}

  /** Links `relative` (with `/`) from the old site; false when the old site has no such file. */
  link(relative: string): boolean {
    const target = path.join(this.to, relative);
    const folder = path.dirname(target);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    const from = path.join(this.from, relative);
    try {
      linkSync(from, target);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return false;
      if (code === "EEXIST") {
        unlinkSync(target);
        linkSync(from, target);
      } else if (code === "EXDEV" || code === "EPERM" || code === "EMLINK") {
        // No hard link here (another disk, a file system without them, too many links): a copy, with its time.
        copyFileSync(from, target);
        const { atime, mtime } = statSync(from);
        utimesSync(target, atime, mtime);
      } else throw error;
      return true;
    }
  }
}

/**
 * Makes the whole new site in `staging` the site at `site`: the old site's
 * version-control folders move in, the old site goes aside, the new one takes
 * its name, and the old one is removed. Call with the lock held.
 */
export function publishStaging(staging: string, site: string): void {
  const aside = asideFolderOf(site);
  if (exists(aside)) removeFolderNow(aside);
  if (exists(site)) {
    moveKeptEntries(site, staging);
    try {
      renameSync(site, aside);
    } catch (error) {
      moveKeptEntries(staging, site);
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new Error(
        `Cannot swap the new site into \`${site}\` (${code}): a site folder that is a mount point or on another disk than its parent ` +
          "cannot be renamed. Set HEMEROTECA_OUTPUT to a folder inside it, or publish the folder's parent. The old site is as it was.",
        { cause: error },
      );
    }
  }
  renameSync(staging, site);
  removeFolderNow(aside);
}
