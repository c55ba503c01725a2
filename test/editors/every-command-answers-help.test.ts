/**
 * Every command answers `--help` with a usage line and
 * exit 0. Each is run as `npm run <name>` runs it (`tsx scripts/<name>.ts`),
 * without npm's own start-up.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/build-site.ts";

describe("every command answers --help", () => {
  it.each(["check", "new", "import", "search", "bench"])("npm run %s -- --help", (command) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${command}.ts`, "--help"], { cwd: projectRoot, encoding: "utf8", timeout: 30_000 });
    expect(result.status, `${result.stderr}${result.stdout}`).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run /im);
    expect(result.stdout).toContain(command);
  });
});
