/**
 * `npm run bench` interrupted (Ctrl-C) while a build runs stops that build,
 * its whole process tree included, removes the work folder and its measuring
 * files, and exits as a shell reports an interrupted command (130). Before,
 * Node exited at once and left the build running and gigabytes behind.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { processTree } from "../../src/bench/run-build.ts";
import { projectRoot } from "../support/build-site.ts";
import { temporaryFolders } from "../support/temp-dirs.ts";
import { waitFor } from "../support/wait-for.ts";

const tempDir = temporaryFolders();

const isRunning = (pid: number) => existsSync(`/proc/${pid}`);

describe.runIf(existsSync("/proc/self/task"))("an interrupted benchmark", () => {
  it("stops the running build and removes its work folder", async () => {
    const workdir = path.join(await tempDir("bench"), "work");
    const bench = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/bench.ts", "--articles", "60", "--runs", "1", "--only", "cold", "--workdir", workdir],
      {
        cwd: projectRoot,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stderr = "";
    bench.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => bench.on("close", (code) => resolve(code)));

    // A build is under way when the benchmark has a process below it that has started one of its own (time → node).
    const tree = await waitFor("a running build", async () => {
      const below = (await processTree(bench.pid!)).slice(1);
      return below.length >= 2 ? below : undefined;
    });
    bench.kill("SIGINT");
    const code = await exited;

    expect(code, stderr).toBe(130);
    expect(stderr).toContain("The benchmark was interrupted (SIGINT)");
    expect(existsSync(workdir)).toBe(false);
    await waitFor("the build's processes to end", () => (tree.some(isRunning) ? undefined : true), { ms: 10_000 });
    expect((await readdir(tmpdir())).filter((name) => name.startsWith(`hemeroteca-bench-time-${bench.pid}-`))).toEqual([]);
  }, 120_000);
});
