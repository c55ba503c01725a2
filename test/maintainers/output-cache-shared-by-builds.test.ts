/**
 * Builds that share one `.cache/` at the same time (a test run, `npm start`
 * beside `npm run build`) never get a half tree: whatever one build keeps or
 * throws away while another restores, each gets exactly the tree it asked for.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listTree, OutputCache } from "../../src/build/cache/output-cache.ts";

const root = await mkdtemp(path.join(tmpdir(), "hemeroteca-shared-cache-"));
afterAll(() => rm(root, { recursive: true, force: true }));

const hashOf = (n: number) => n.toString(16).padStart(64, "0");
const FILES = 200;

/** A tree of `FILES` files whose every byte says which tree it is. */
async function makeTree(folder: string, n: number): Promise<void> {
  await mkdir(path.join(folder, "fragment"), { recursive: true });
  await Promise.all(
    Array.from({ length: FILES }, (_, i) => writeFile(path.join(folder, "fragment", `${i}.txt`), `tree ${n} file ${i}\n`.repeat(50))),
  );
}

async function expectTree(folder: string, n: number): Promise<void> {
  const files = await listTree(folder);
  expect(files.length, folder).toBe(FILES);
  for (const file of files)
    expect((await readFile(path.join(folder, file), "utf8")).startsWith(`tree ${n} `), `${folder}/${file}`).toBe(true);
}

describe("an output cache shared by builds running at once", () => {
  it("gives every build its own whole tree while others keep and drop entries", async () => {
    const dir = path.join(root, "cache");
    const builds = Array.from({ length: 6 }, (_, n) => n);
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        builds.map((n) =>
          new OutputCache(dir).restoreOrMake(hashOf(n + 1), path.join(root, `out-${round}-${n}`), (folder) => makeTree(folder, n)),
        ),
      );
      for (const n of builds) await expectTree(path.join(root, `out-${round}-${n}`), n);
    }
  });

  it("lets two builds keep the same tree at once", async () => {
    const dir = path.join(root, "same");
    const outputs = [0, 1, 2].map((n) => path.join(root, `same-out-${n}`));
    const results = await Promise.all(
      outputs.map((out) => new OutputCache(dir).restoreOrMake(hashOf(7), out, (folder) => makeTree(folder, 7))),
    );
    expect(results.every(({ reused, files }) => typeof reused === "boolean" && files.length > 0)).toBe(true);
    for (const out of outputs) await expectTree(out, 7);
    expect(await new OutputCache(dir).restore(hashOf(7), path.join(root, "same-again"))).toBe(true);
    await expectTree(path.join(root, "same-again"), 7);
  });
});
