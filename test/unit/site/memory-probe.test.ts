/** The build's memory probe: off without `HEMEROTECA_MEMORY`; with it, one line a stage, and the heap snapshots asked for. */
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryProbe } from "../../../src/site/memory-probe.ts";
import { projectRoot } from "../../support/build-site.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hemeroteca-memory-probe-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("memoryProbe", () => {
  it("writes nothing unless asked", async () => {
    memoryProbe({}).stageEnded("load");
    expect(await readdir(dir)).toEqual([]);
  });

  it("notes each stage's memory", async () => {
    const folder = path.join(dir, "memory");
    const probe = memoryProbe({ HEMEROTECA_MEMORY: folder });
    probe.stageEnded("load");
    probe.stageEnded("render");
    const lines = (await readFile(path.join(folder, "memory.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.stage)).toEqual(["load", "render"]);
    for (const line of lines) {
      expect(line.rssMiB).toBeGreaterThan(0);
      expect(line.heapUsedMiB).toBeGreaterThan(0);
      expect(line.heapUsedMiB).toBeLessThanOrEqual(line.heapTotalMiB as number);
    }
    expect(await readdir(folder)).toEqual(["memory.jsonl"]);
  });

  it("writes a heap snapshot of the stages named", async () => {
    // In a process of its own: a snapshot of a test worker's heap (gigabytes, after many
    // test files) took minutes, while this one's is a few megabytes.
    const folder = path.join(dir, "memory");
    const probe = pathToFileURL(path.join(projectRoot, "src/site/memory-probe.ts")).href;
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `const { memoryProbe } = await import(${JSON.stringify(probe)});
         const probe = memoryProbe({ HEMEROTECA_MEMORY: ${JSON.stringify(folder)}, HEMEROTECA_HEAP_SNAPSHOTS: "render" });
         probe.stageEnded("load");
         probe.stageEnded("render");`,
      ],
      { cwd: projectRoot, encoding: "utf8" },
    );
    expect(run.status, run.stderr).toBe(0);
    expect((await readdir(folder)).sort()).toEqual(["memory.jsonl", "render.heapsnapshot"]);
    const opening = (await readFile(path.join(folder, "render.heapsnapshot"), "utf8")).slice(0, 200);
    expect(opening).toMatch(/^\{"snapshot":\{"meta":\{"node_fields":\["type","name"/);
  });
});
