/**
 * Where the build's memory is, stage by stage (PERFORMANCE.md, "Memory"):
 * with `HEMEROTECA_MEMORY=<folder>`, each stage's end writes a line of
 * `process.memoryUsage()` to `<folder>/memory.jsonl`, after a full garbage
 * collection when Node runs with `--expose-gc` (so the heap figure is live
 * data, not garbage awaiting collection), and, for the stages named in
 * `HEMEROTECA_HEAP_SNAPSHOTS` (comma-separated, or `all`), a heap snapshot
 * `<folder>/<stage>.heapsnapshot` of the main thread. Off by default:
 * a forced collection and a snapshot cost seconds on a large archive.
 */
import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { writeHeapSnapshot } from "node:v8";

const MiB = 2 ** 20;

export interface MemoryProbe {
  /** Notes the memory as `stage` ends. */
  stageEnded(stage: string): void;
}

const NO_PROBE: MemoryProbe = { stageEnded() {} };

/** The probe `env` asks for, or one that does nothing. */
export function memoryProbe(env: NodeJS.ProcessEnv = process.env): MemoryProbe {
  const folder = env.HEMEROTECA_MEMORY;
  if (!folder) return NO_PROBE;
  const snapshots = new Set((env.HEMEROTECA_HEAP_SNAPSHOTS ?? "").split(",").filter(Boolean));
  mkdirSync(folder, { recursive: true });
  const gc = (globalThis as { gc?: () => void }).gc;
  return {
    stageEnded(stage) {
      const before = process.memoryUsage();
      gc?.();
      const after = gc ? process.memoryUsage() : before;
      const line = {
        stage,
        collected: Boolean(gc),
        rssMiB: Math.round(after.rss / MiB),
        heapUsedMiB: Math.round(after.heapUsed / MiB),
        heapUsedBeforeMiB: Math.round(before.heapUsed / MiB),
        heapTotalMiB: Math.round(after.heapTotal / MiB),
        externalMiB: Math.round(after.external / MiB),
        arrayBuffersMiB: Math.round(after.arrayBuffers / MiB),
      };
      appendFileSync(path.join(folder, "memory.jsonl"), `${JSON.stringify(line)}\n`);
      if (snapshots.has(stage) || snapshots.has("all")) writeHeapSnapshot(path.join(folder, `${stage}.heapsnapshot`));
    },
  };
}
