/**
 * A build publishes the new site whole or leaves the old one (publish.ts):
 * a full disk, `kill -9` at several points of a real build, or a second build
 * at the same time leave the site folder exactly the old site or exactly the
 * new one, never a mix; a second build stops with a message naming the
 * first's pid; the next build repairs what an interrupted one left.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { buildScriptArgs } from "../../src/bench/build-script.ts";
import { lockFileOf, stagingFolderOf } from "../../src/build/output/publish.ts";
import { buildSite, projectRoot, type BuildResult } from "../support/build-site.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const tempDir = temporaryFolders();
const DISK_FULL = fileURLToPath(new URL("./support/disk-full.mjs", import.meta.url));
const PAUSE_WRITE = fileURLToPath(new URL("./support/pause-write.mjs", import.meta.url));

/** Every file under `dir` (relative, `/`) with the sha256 of its bytes; empty when there is no such folder. */
function tree(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const files: Array<[string, string]> = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.push([path.relative(dir, full).split(path.sep).join("/"), createHash("sha256").update(readFileSync(full)).digest("hex")]);
  }
  return Object.fromEntries(files.sort(([a], [b]) => a.localeCompare(b)));
}

/** The files that differ between two trees: empty when they are the same. */
function differences(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((file) => a[file] !== b[file]).sort();
}

/** A site's files but Pagefind's, whose names and bytes hold hashes made afresh by each indexing. */
const withoutIndex = (files: Record<string, string>) =>
  Object.fromEntries(Object.entries(files).filter(([file]) => !file.startsWith("pagefind/")));

/** The search index is whole: every language's metadata file that its entry file names is there. */
function searchIndexIsWhole(site: string): boolean {
  const entry = JSON.parse(readFileSync(path.join(site, "pagefind", "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { hash: string }>;
  };
  return Object.values(entry.languages).every(({ hash }) => existsSync(path.join(site, "pagefind", `pagefind.${hash}.pf_meta`)));
}

function mustBuild(result: BuildResult): BuildResult {
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stderr}`);
  return result;
}

interface Running {
  child: ChildProcess;
  done: Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts a build of `articles` into `output` in its own process group, so that it and its Pagefind processes can be killed together. */
function startBuild(articles: string, output: string, cache: string, env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, buildScriptArgs(projectRoot), {
    cwd: projectRoot,
    env: { ...process.env, HEMEROTECA_ARTICLES: articles, HEMEROTECA_OUTPUT: output, HEMEROTECA_CACHE: cache, ...env },
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on("close", (status, signal) => resolve({ status, signal, stderr }));
  });
  return { child, done };
}

/** Waits until `condition` holds, or the build has ended (then false). */
async function waitFor(condition: () => boolean, running: Running): Promise<boolean> {
  let ended = false;
  void running.done.then(() => (ended = true));
  while (!condition()) {
    if (ended) return false;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return true;
}

describe("publishing a site", () => {
  let articles: string;
  let cache: string;
  let site: string;
  let oldSite: Record<string, string>;
  let newSite: Record<string, string>;
  let originalArticle: string;
  let editedArticle: string;

  beforeAll(async () => {
    const work = await tempDir("publish");
    articles = path.join(work, "articles");
    cache = path.join(work, "cache");
    site = path.join(work, "site");
    cpSync(path.join(projectRoot, "test/fixtures/basic/content/articles"), articles, { recursive: true });
    mustBuild(buildSite(articles, { output: site, cacheDir: cache }));
    oldSite = tree(site);
    // The edit every later build publishes: one title changes, so pages, feeds, citations, exports and index change.
    const edited = path.join(articles, "iwo", "a.md");
    const text = readFileSync(edited, "utf8");
    const id = /^id: /m.test(text) ? "" : "\nid: police-massacre-in-juliaca";
    originalArticle = text;
    editedArticle = text.replace(/^title: (.*)$/m, (_, title: string) => `title: ${title} (revised)${id}`);
    writeFileSync(edited, editedArticle);
    const reference = path.join(work, "reference");
    mustBuild(buildSite(articles, { output: reference, cacheDir: path.join(work, "reference-cache") }));
    newSite = withoutIndex(tree(reference));
    expect(newSite).not.toEqual(withoutIndex(oldSite));
  }, 240_000);

  it("leaves the old site whole when the disk fills up during a build", () => {
    for (const after of [3, 30, 90]) {
      const failed = buildSite(articles, {
        output: site,
        cacheDir: cache,
        env: {
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${DISK_FULL}`,
          HEMEROTECA_DISK_FULL_UNDER: path.dirname(site),
          HEMEROTECA_DISK_FULL_AFTER: String(after),
        },
      });
      expect(failed.status, `disk full after ${after} writes:\n${failed.stderr}`).not.toBe(0);
      expect(failed.stderr).toContain("ENOSPC");
      expect(differences(tree(site), oldSite), `disk full after ${after} writes`).toEqual([]);
    }
  }, 300_000);

  /** Env that holds a build when its main thread writes a file whose path holds `at`; the signal file appears then. */
  async function pausedAt(at: string): Promise<{ env: Record<string, string>; paused: string; go: string }> {
    const signals = await tempDir("publish-pause");
    const [paused, go] = [path.join(signals, "paused"), path.join(signals, "go")];
    return {
      env: {
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${PAUSE_WRITE}`,
        HEMEROTECA_PAUSE_AT: at,
        HEMEROTECA_PAUSE_SIGNAL: paused,
        HEMEROTECA_PAUSE_GO: go,
      },
      paused,
      go,
    };
  }

  it("leaves the old site whole when a build is killed at any of several points, and the next build repairs it", async () => {
    const points: Array<[string, string]> = [
      ["as it marks its new site, the kept search index and exports linked in", `${path.sep}.hemeroteca-site`],
      ["as it writes its first page", `${path.sep}index.html`],
      ["as it writes the citation files, the pages done", `${path.sep}cite.bib`],
      ["as it keeps the citations, everything but the swap done", "citations.json."],
    ];
    for (const [point, at] of points) {
      const pause = await pausedAt(at);
      const running = startBuild(articles, site, cache, pause.env);
      expect(await waitFor(() => existsSync(pause.paused), running), `the build reached the point ${point}`).toBe(true);
      process.kill(-running.child.pid!, "SIGKILL");
      expect((await running.done).signal).toBe("SIGKILL");
      expect(differences(tree(site), oldSite), `killed ${point}`).toEqual([]);
    }
    mustBuild(buildSite(articles, { output: site, cacheDir: cache }));
    expect(differences(withoutIndex(tree(site)), newSite)).toEqual([]);
    expect(searchIndexIsWhole(site)).toBe(true);
    expect(readdirSync(path.dirname(site)).filter((name) => name.includes(path.basename(site)))).toEqual([path.basename(site)]);
  }, 600_000);

  it("leaves both whole sites beside the site folder when killed between the swap's two renames, and the next build publishes the new one", async () => {
    // The old site again, then the edit: the one instant with no site folder (SECURITY.md measures it), held just after the old site went aside.
    writeFileSync(path.join(articles, "iwo", "a.md"), originalArticle);
    mustBuild(buildSite(articles, { output: site, cacheDir: cache }));
    const before = tree(site);
    expect(differences(withoutIndex(before), withoutIndex(oldSite))).toEqual([]);
    writeFileSync(path.join(articles, "iwo", "a.md"), editedArticle);
    const pause = await pausedAt("no write holds this");
    const aside = path.join(path.dirname(site), `.${path.basename(site)}.old`);
    const running = startBuild(articles, site, cache, { ...pause.env, HEMEROTECA_PAUSE_AFTER_RENAME_TO: aside });
    expect(await waitFor(() => existsSync(pause.paused), running), "the build reached the swap").toBe(true);
    process.kill(-running.child.pid!, "SIGKILL");
    expect((await running.done).signal).toBe("SIGKILL");
    expect(existsSync(site)).toBe(false);
    expect(differences(tree(aside), before)).toEqual([]);
    expect(differences(withoutIndex(tree(stagingFolderOf(site))), newSite)).toEqual([]);
    mustBuild(buildSite(articles, { output: site, cacheDir: cache }));
    expect(differences(withoutIndex(tree(site)), newSite)).toEqual([]);
    expect(searchIndexIsWhole(site)).toBe(true);
    expect(readdirSync(path.dirname(site)).filter((name) => name.includes(path.basename(site)))).toEqual([path.basename(site)]);
  }, 600_000);

  it("stops a second build at the same time with a message naming the first's pid, and publishes the first whole", async () => {
    // The first build is held while it writes its first page, lock taken, until the second has run.
    const { env, paused, go } = await pausedAt(`${path.sep}index.html`);
    const first = startBuild(articles, site, cache, env);
    expect(await waitFor(() => existsSync(paused), first)).toBe(true);
    const second = buildSite(articles, { output: site, cacheDir: cache });
    writeFileSync(go, "");
    expect(second.status).not.toBe(0);
    expect(second.stderr).toContain(`Another build (pid ${first.child.pid}) is writing the site \`${site}\``);
    expect(second.stderr).toContain("Nothing was written.");
    const ended = await first.done;
    expect(ended.status, ended.stderr).toBe(0);
    expect(withoutIndex(tree(site))).toEqual(newSite);
    expect(searchIndexIsWhole(site)).toBe(true);
    expect(existsSync(lockFileOf(site))).toBe(false);
  }, 300_000);

  it("takes over the lock of a build that was killed", () => {
    writeFileSync(lockFileOf(site), "pid 2147483646\nstarted 2020-01-01T00:00:00.000Z\n");
    mustBuild(buildSite(articles, { output: site, cacheDir: cache }));
    expect(existsSync(lockFileOf(site))).toBe(false);
  }, 180_000);
});
