/** Temporary folders for one test file, removed when its tests are done. */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

/** Answers a function that makes a fresh folder `hemeroteca-<name>-…` each call; all go after the file's tests. */
export function temporaryFolders(): (name: string) => Promise<string> {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
  return async (name) => {
    const dir = await mkdtemp(path.join(tmpdir(), `hemeroteca-${name}-`));
    dirs.push(dir);
    return dir;
  };
}

/** Writes `text` to `file` under `dir`, making its folders. */
export async function putFile(dir: string, file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await writeFile(path.join(dir, file), text);
}
