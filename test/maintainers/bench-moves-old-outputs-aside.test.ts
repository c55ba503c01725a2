/**
 * The benchmark starts each round's cold build without the last round's
 * site and cache, but it moves them aside rather than removing them, and
 * removes them only when it ends: on ext4 without a journal, files made just
 * after tens of thousands were removed cost several times as much, and cold
 * builds measured the removal. A cold build must still find no cache.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Discards, runBench } from "../../src/bench/run-bench.ts";
import { projectRoot } from "../support/build-site.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";

const tempDir = temporaryFolders();

describe("the benchmark's discarded outputs", () => {
  it("are moved aside, the same files, and removed together", async () => {
    const workdir = await tempDir("discards");
    const tree = path.join(workdir, "10", "hemeroteca-site");
    await mkdir(tree, { recursive: true });
    await writeFile(path.join(tree, "index.html"), "<p>kept</p>");
    const inode = (await stat(path.join(tree, "index.html"))).ino;

    const discards = new Discards(workdir);
    await discards.discard(tree);
    await discards.discard(path.join(workdir, "10", "never-made"));

    expect(existsSync(tree)).toBe(false);
    const moved = await readdir(discards.dir);
    expect(moved).toEqual([`${process.pid}-1-hemeroteca-site`]);
    expect((await stat(path.join(discards.dir, moved[0]!, "index.html"))).ino).toBe(inode);

    await discards.removeAll();
    expect(existsSync(discards.dir)).toBe(false);
  });

  it("leave every cold build cold, and nothing behind in a kept work folder", async () => {
    const workdir = await tempDir("bench-kept");
    const result = await runBench({
      root: projectRoot,
      articles: [12],
      runs: 2,
      seed: 7,
      workdir,
      keep: true,
      scenarios: ["cold"],
      log: () => {},
    });

    const cold = result.sizes[0]!.runs.cold;
    expect(cold.map((run) => run.round)).toEqual([1, 2]);
    expect(cold.map((run) => run.timings?.cached)).toEqual([0, 0]);
    expect(cold.map((run) => run.timings?.parsed)).toEqual([12, 12]);
    expect(existsSync(path.join(workdir, "discarded"))).toBe(false);
    expect(existsSync(path.join(workdir, "12", "hemeroteca-site", "index.html"))).toBe(true);
    expect((await readdir(path.join(workdir, "12", "articles"), { recursive: true })).filter((name) => name.endsWith(".md"))).toHaveLength(
      12,
    );
  }, 120_000);
});
