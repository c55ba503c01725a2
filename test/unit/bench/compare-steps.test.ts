/**
 * `compare-builds` lists the first line where the two sides differ, so it must
 * not import the corpus's fresh fold, which is read once a round: its pages are
 * left out of the import step, and the score runs with --leave-out-fresh.
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareSteps, type CommandStep } from "../../../src/bench/compare-steps.ts";

async function checkout(freshList: string | null): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "hemeroteca-compare-steps-"));
  await mkdir(path.join(dir, "content", "sources"), { recursive: true });
  await mkdir(path.join(dir, "test", "import"), { recursive: true });
  for (const name of ["a-one", "b-two", "c-three"]) {
    await mkdir(path.join(dir, "test", "fixtures", "pages", name), { recursive: true });
    await writeFile(path.join(dir, "test", "fixtures", "pages", name, "page.md"), "Placeholder line\n");
  }
  if (freshList !== null) await writeFile(path.join(dir, "test", "import", "fresh-pages.txt"), freshList);
  return dir;
}

const command = (steps: ReturnType<typeof compareSteps>, name: string) =>
  steps.find((step): step is CommandStep => step.kind === "command" && step.name === name)!;

describe("the steps compare-builds runs", () => {
  it("import no page of the fresh fold and score without it", async () => {
    const dir = await checkout("# fresh\nb-two\n");
    const steps = compareSteps({ checkout: dir, corpus: path.join(dir, "corpus"), out: path.join(dir, "out") });
    const pages = command(steps, "import-fixture-pages").args.filter((arg) => arg.endsWith("page.md"));
    expect(pages).toEqual([
      path.join("test", "fixtures", "pages", "a-one", "page.md"),
      path.join("test", "fixtures", "pages", "c-three", "page.md"),
    ]);
    expect(command(steps, "eval-import").args).toEqual(["--json", "--leave-out-fresh"]);
  });

  it("import every page when the checkout has no fresh-pages list", async () => {
    const dir = await checkout(null);
    const steps = compareSteps({ checkout: dir, corpus: path.join(dir, "corpus"), out: path.join(dir, "out") });
    expect(command(steps, "import-fixture-pages").args.filter((arg) => arg.endsWith("page.md"))).toHaveLength(3);
  });
});
