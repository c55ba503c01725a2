/**
 * Vitest's global setup: the commands' compiled copy (scripts/run.mjs) is
 * made once, before the test files run. Many files start a command; the
 * first start after a change of the sources compiles every script, and
 * files starting one at the same moment each compiled them, seconds each.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  // Any command compiles them all; `--help` then answers without doing anything.
  const result = spawnSync(process.execPath, [path.join(root, "scripts/run.mjs"), "check", "--help"], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`Cannot compile the commands (scripts/run.mjs):\n${result.stderr}`);
}
