/**
 * Every command answers `--help` with a usage line and exit 0. Each is run
 * as its script in package.json runs it, without npm's own start-up.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/build-site.ts";

const scripts = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")).scripts as Record<string, string>;

describe("every command answers --help", () => {
  it.each(["build", "check", "new", "import", "search", "bench", "compare-builds", "eval:import", "train:import", "start"])(
    "npm run %s -- --help",
    (command) => {
      const [node, ...args] = scripts[command]!.split(" ");
      expect(node).toBe("node");
      const result = spawnSync(process.execPath, [...args, "--help"], { cwd: projectRoot, encoding: "utf8", timeout: 60_000 });
      expect(result.status, `${result.stderr}${result.stdout}`).toBe(0);
      expect(result.stdout).toMatch(command === "start" ? /^Usage: npm start/im : /^Usage: npm run /im);
      expect(result.stdout).toContain(command);
      if (command === "build") expect(result.stdout).toMatch(/--shard K\/N[\s\S]*--merge DIR[\s\S]*Eleventy's options/);
    },
  );
});
