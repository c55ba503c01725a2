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
  // Vitest runs the global setup once for the run and once for each tier (project): one folder is made, not
  // three nested ones, whose paths grew too long for Chromium's socket.
  if (process.env.HEMEROTECA_TEST_RUN_DIR) return async () => {};
  const previous = process.env.TMPDIR;
  const dir = await mkdtemp(path.join(tmpdir(), "hemeroteca-test-run-"));
  process.env.TMPDIR = dir;
  process.env.HEMEROTECA_TEST_RUN_DIR = dir;
  return async () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    delete process.env.HEMEROTECA_TEST_RUN_DIR;
    await rm(dir, { recursive: true, force: true });
  };
}
