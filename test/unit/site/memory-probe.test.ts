/** The build's memory probe: off without `HEMEROTECA_MEMORY`; with it, one line a stage, and the heap snapshots asked for. */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryProbe } from "../../../src/site/memory-probe.ts";

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

  it("notes each stage's memory, and writes a heap snapshot of the stages named", async () => {
    const folder = path.join(dir, "memory");
    const probe = memoryProbe({ HEMEROTECA_MEMORY: folder, HEMEROTECA_HEAP_SNAPSHOTS: "render" });
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
    expect(existsSync(path.join(folder, "load.heapsnapshot"))).toBe(false);
    // Its opening only: a whole snapshot of a test worker is tens of megabytes to parse.
    const opening = (await readFile(path.join(folder, "render.heapsnapshot"), "utf8")).slice(0, 200);
    expect(opening).toMatch(/^\{"snapshot":\{"meta":\{"node_fields":\["type","name"/);
  });
});
