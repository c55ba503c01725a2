/** `--only` chooses the builds, or with `--search` the sides searched; a name that is neither is refused before anything runs. */
import { describe, expect, it } from "vitest";
import { benchCli } from "../../../src/bench/cli.ts";

async function run(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await benchCli(args, { stdout: () => {}, stderr: (text) => (stderr += text), root: process.cwd() });
  return { code, stderr };
}

describe("the benchmark's --only", () => {
  it("takes the sides of a search benchmark, and names them when given another", async () => {
    const wrong = await run(["--search", "--only", "cold"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("`cold` is not one of hemeroteca, stock");
  });

  it("refuses a search benchmark without Hemeroteca's side", async () => {
    const stockOnly = await run(["--search", "--only", "stock"]);
    expect(stockOnly.code).toBe(2);
    expect(stockOnly.stderr).toContain("a search benchmark searches `hemeroteca`");
  });

  it("takes the builds otherwise", async () => {
    const wrong = await run(["--only", "hemeroteca"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("`hemeroteca` is not one of cold, warm, edit, plain");
  });
});
