/** Writes a planned article without ever replacing a file, and never half a file. */
import { randomBytes } from "node:crypto";
import { link, mkdir, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

export class ArticleExistsError extends Error {
  constructor(readonly file: string) {
    super(`Cannot \`write\` \`${file}\`: a file is already there, and new never replaces a file`);
    this.name = "ArticleExistsError";
  }
}

export async function writeNewArticle(root: string, file: string, text: string): Promise<void> {
  const target = path.join(root, file);
  await mkdir(path.dirname(target), { recursive: true });
  // Written whole beside the target, then linked into place: `link` fails if the name is taken.
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  await writeFile(temporary, text, { flag: "wx" });
  try {
    await link(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new ArticleExistsError(file);
    throw error;
  } finally {
    await unlink(temporary);
  }
}
