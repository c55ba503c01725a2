/**
 * `npm start` (Eleventy watching) rebuilds the whole site after each change
 * of an article, so its rebuilds use the output ledger like `npm run build`:
 * an edit rewrites the pages it changes and leaves the others as they are, a
 * removed article's pages are pruned, and the site ends byte for byte as a
 * build into an empty folder makes it. Before, every rebuild wrote every
 * page again (18 s instead of 10 s at 10,000 articles) and a removed
 * article's pages stayed until the next full build; and a folder of articles
 * given with HEMEROTECA_ARTICLES was not watched at all. Eleventy 3 does not
 * rebuild when a file is deleted, only notes it: the next change does.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { appendFile, cp, readFile, rm, utimes } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildScriptArgs } from "../../src/bench/build-script.ts";
import { buildSite, projectRoot } from "../support/build-site.ts";
import { siteFileHashes } from "../support/site-tree.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";
import { waitFor } from "../support/wait-for.ts";

const tempDir = temporaryFolders();

/** Eleventy in watch mode, with the timings line of each build it finishes. */
class WatchingBuild {
  /** Each finished build's timings, and where in the output they were printed. */
  private readonly builds: Array<{ at: number; timings: Record<string, number | boolean> }> = [];
  private output = "";
  private readonly child: ChildProcess;

  constructor(articles: string, site: string, cache: string) {
    this.child = spawn(process.execPath, [...buildScriptArgs(projectRoot), "--watch"], {
      cwd: projectRoot,
      env: { ...process.env, HEMEROTECA_ARTICLES: articles, HEMEROTECA_OUTPUT: site, HEMEROTECA_CACHE: cache, HEMEROTECA_TIMINGS: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so that its Pagefind processes end with it.
      detached: true,
    });
    const read = (chunk: string) => {
      const start = this.output.length;
      this.output += chunk;
      for (const match of chunk.matchAll(/^HEMEROTECA_TIMINGS (.*)$/gm)) {
        this.builds.push({ at: start + match.index, timings: JSON.parse(match[1]!) as Record<string, number | boolean> });
      }
    };
    this.child.stdout!.setEncoding("utf8").on("data", read);
    this.child.stderr!.setEncoding("utf8").on("data", read);
  }

  /** Waits for `probe` to answer something, failing at once if Eleventy has exited, with its output. */
  private waitFor<T>(what: string, probe: () => T | undefined, poke?: () => Promise<void>): Promise<T> {
    const detail = () => this.output;
    return waitFor(
      `${what} of \`--watch\``,
      () => {
        if (this.child.exitCode !== null)
          throw new Error(`Eleventy exited (${this.child.exitCode}) while waiting for ${what}:\n${detail()}`);
        return probe();
      },
      { detail, ...(poke ? { poke } : {}) },
    );
  }

  /** The timings of the first build. */
  firstBuild(): Promise<Record<string, number | boolean>> {
    return this.waitFor("the first build", () => this.builds[0]?.timings);
  }

  /**
   * Makes `change` (which writes `file`) and answers the timings of the build
   * Eleventy then makes. Eleventy says it is watching before its watcher is
   * ready, and a change made before then is never seen: `file` is touched
   * again until Eleventy reports it changed.
   */
  async rebuildAfter(file: string, change: () => Promise<void>): Promise<Record<string, number | boolean>> {
    const from = this.output.length;
    await change();
    const seen = `File changed: ${file}`;
    const changedAt = await this.waitFor(
      `the change of ${file}`,
      () => {
        const at = this.output.indexOf(seen, from);
        return at < 0 ? undefined : at;
      },
      () => utimes(file, new Date(), new Date()),
    );
    return this.waitFor(`the build after the change of ${file}`, () => this.builds.find((build) => build.at > changedAt)?.timings);
  }

  stop(): void {
    if (this.child.exitCode === null && this.child.pid) process.kill(-this.child.pid, "SIGTERM");
  }
}

describe("rebuilds while watching", () => {
  let articles: string;
  let site: string;
  let watching: WatchingBuild;
  const edits: Array<Record<string, number | boolean>> = [];
  /** The watched site after each rebuild, and the site a build into an empty folder makes of the same articles. */
  const sites: Array<{ watched: Record<string, string>; fresh: Record<string, string> }> = [];
  const compareWithFresh = async () => {
    const fresh = buildSite(articles, { output: await tempDir("fresh"), cacheDir: false });
    if (fresh.status !== 0) throw new Error(`fresh build failed:\n${fresh.stderr}`);
    sites.push({ watched: await siteFileHashes(site), fresh: await siteFileHashes(fresh.output) });
  };

  beforeAll(async () => {
    articles = path.join(await tempDir("watched-articles"), "articles");
    await cp(path.join(projectRoot, "test/fixtures/basic/content/articles"), articles, { recursive: true });
    site = await tempDir("watched-site");
    watching = new WatchingBuild(articles, site, await tempDir("watched-cache"));
    await watching.firstBuild();
    const edited = path.join(articles, "iwo/a.md");
    edits.push(await watching.rebuildAfter(edited, () => appendFile(edited, "\nA sentence added while the site is watched.\n")));
    await compareWithFresh();
    // Eleventy 3 only notes a deleted file: the next change rebuilds the site without it.
    const next = path.join(articles, "iwo/b.md");
    edits.push(
      await watching.rebuildAfter(next, async () => {
        await rm(path.join(articles, "iwo/d.md"));
        await appendFile(next, "\nAnother sentence.\n");
      }),
    );
    await compareWithFresh();
  }, 240_000);

  afterAll(() => watching?.stop());

  it("rewrite the edited article's page and leave the pages it does not change", async () => {
    const page = await readFile(path.join(site, "2023/01/09/police-massacre-in-juliaca/index.html"), "utf8");
    expect(page).toContain("A sentence added while the site is watched.");
    expect(edits[0]!.pagesUnchanged).toBeGreaterThan(0);
  });

  it("remove the pages of a removed article", async () => {
    expect(edits[1]!.pruned).toBeGreaterThan(0);
    expect(Object.keys(await siteFileHashes(site)).filter((file) => file.includes("a-year-only-article"))).toEqual([]);
  });

  it("leave, each time, the site a build into an empty folder makes", () => {
    expect(sites).toHaveLength(2);
    for (const { watched, fresh } of sites) expect(watched).toEqual(fresh);
  });
});
