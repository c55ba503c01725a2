/**
 * The article files already in the archive: their ids (which a new id must
 * not take) and where each came from (so a re-import finds the id it gave).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { decodeArticleBytes, parseFrontMatter } from "../records/front-matter.ts";
import { titleToId } from "../records/ids.ts";
import { listFiles } from "../lib/list-files.ts";
import { sha256 } from "../lib/sha256.ts";

export const ARTICLES_DIR = "content/articles";

export interface ExistingArticle {
  file: string;
  id: string;
  sha256: string;
  sourceFile?: string;
  lines?: [number, number];
  /** The page address it was imported from. */
  url?: string;
  publication?: string;
  /** Its title and text (`articleFingerprint`), to tell an item the archive already holds. */
  fingerprint?: string;
}

/** An article's title and text with spaces collapsed: what makes two records the same article. */
export function articleFingerprint(title: string, body: string): string {
  const flat = (text: string) => text.normalize("NFC").replace(/\s+/g, " ").trim();
  return sha256(`${flat(title)}\n${flat(body)}`);
}

export async function readExistingArticles(root: string): Promise<ExistingArticle[]> {
  // A symbolic link is never followed (src/lib/list-files.ts): `npm run check` refuses it by name.
  const { files } = listFiles(path.join(root, ARTICLES_DIR), ARTICLES_DIR);
  const articles: ExistingArticle[] = [];
  for (const file of files) {
    if (!file.endsWith(".md")) continue;
    const bytes = await readFile(path.join(root, file));
    const stem = path.posix.basename(file, ".md");
    const article: ExistingArticle = { file, id: stem, sha256: sha256(bytes) };
    try {
      const { data, body } = parseFrontMatter(decodeArticleBytes(bytes));
      if (typeof data.id === "string") article.id = data.id;
      else if (typeof data.title === "string") article.id = titleToId(data.title);
      if (typeof data.url === "string") article.url = data.url;
      if (typeof data.publication === "string") article.publication = data.publication;
      if (typeof data.title === "string") article.fingerprint = articleFingerprint(data.title, body);
      const source = data.source as { file?: unknown; lines?: unknown } | undefined;
      if (source && typeof source.file === "string") {
        article.sourceFile = source.file;
        if (Array.isArray(source.lines) && source.lines.length === 2) article.lines = [Number(source.lines[0]), Number(source.lines[1])];
      }
    } catch {
      // A broken file still holds its name as an id; `npm run check` reports what is wrong with it.
    }
    articles.push(article);
  }
  return articles;
}
