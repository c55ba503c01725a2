/**
 * Vitest's global setup: every temporary folder of a test run, the tests'
 * own and those of the builds and browsers they start, goes into one folder
 * (`TMPDIR`, which `os.tmpdir()` and child processes read), removed when the
 * run ends. Tests that build sites leave hundreds of folders behind
 * otherwise, a run after run, whether they pass or fail.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export default async function setup(): Promise<() => Promise<void>> {
  const previous = process.env.TMPDIR;
  const dir = await mkdtemp(path.join(tmpdir(), "hemeroteca-test-run-"));
  process.env.TMPDIR = dir;
  return async () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    await rm(dir, { recursive: true, force: true });
  };
}
