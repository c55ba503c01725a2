/**
 * Decides what `npm run new` writes: the front matter from the given fields,
 * a unique permanent id, and the path `content/articles/<publication>/<id>.md`.
 * Pure planning: nothing is written here.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { articleToFileText, BODY_PLACEHOLDER } from "../records/article-file.ts";
import { ArticleFrontMatterSchema, type ArticleFrontMatter } from "../records/article-schema.ts";
import { decodeArticleBytes, parseFrontMatter } from "../records/front-matter.ts";
import { isPathSafeId, textToSlug, titleToId } from "../records/ids.ts";
import { listArticleFiles, plainArticleFiles } from "../records/load-articles.ts";
import { parseArticle } from "../records/parse-article.ts";
import { problemToString } from "../records/problems.ts";
import { FIELDS, validateField, type FieldValues } from "./article-fields.ts";

export { BODY_PLACEHOLDER };

export interface PlanOptions {
  root: string;
  articlesDir?: string;
}

export type Plan = { ok: true; file: string; id: string; text: string; frontMatter: ArticleFrontMatter } | { ok: false; errors: string[] };

/** Every id the archive uses, explicit or derived, read without rendering any body; broken files are skipped. */
export async function archiveIds(root: string, articlesDir = "content/articles"): Promise<Set<string>> {
  const ids = new Set<string>();
  const { plain } = await plainArticleFiles(
    (await listArticleFiles(root, articlesDir)).map((file) => ({ file, absolute: path.join(root, file) })),
  );
  for (const { file } of plain) {
    try {
      const { data } = parseFrontMatter(decodeArticleBytes(await readFile(path.join(root, file))));
      if (typeof data.id === "string") ids.add(data.id.trim());
      else if (typeof data.title === "string") ids.add(titleToId(data.title));
    } catch {
      // A broken file is check's business; its name still blocks the path below.
    }
  }
  return ids;
}

/** The title's id, or the first of `id-2`, `id-3`, ... that no article uses and no file occupies. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (isPathSafeId(candidate) && !taken(candidate)) return candidate;
  }
}

export async function planArticle(values: FieldValues, options: PlanOptions): Promise<Plan> {
  const articlesDir = options.articlesDir ?? "content/articles";
  const errors: string[] = [];
  const frontMatter: Record<string, unknown> = {};
  for (const spec of FIELDS) {
    const raw = values[spec.name];
    if (raw === undefined || raw.trim() === "") {
      if (spec.required) errors.push(`--${spec.name} is required, e.g. --${spec.name} "${spec.example.split(",")[0]}"`);
      continue;
    }
    const result = validateField(spec.name, raw);
    if (!result.ok) errors.push(`--${spec.name}: ${result.error}${result.error.includes(raw.trim()) ? "" : ` (given: \`${raw}\`)`}`);
    else if (!(Array.isArray(result.value) && result.value.length === 0)) frontMatter[spec.name] = result.value;
  }
  if (errors.length) return { ok: false, errors };

  const title = frontMatter.title as string;
  const folder = path.posix.join(articlesDir, textToSlug(frontMatter.publication as string) || "publication");
  const ids = await archiveIds(options.root, articlesDir);
  const id = uniqueId(
    titleToId(title),
    (candidate) => ids.has(candidate) || existsSync(path.join(options.root, folder, `${candidate}.md`)),
  );
  frontMatter.id = id;

  // The same schema as every other article, then the written text read back as the build will read it.
  const checked = ArticleFrontMatterSchema.safeParse(frontMatter);
  if (!checked.success) return { ok: false, errors: checked.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) };
  const file = path.posix.join(folder, `${id}.md`);
  const text = articleToFileText(checked.data, BODY_PLACEHOLDER);
  const reread = parseArticle(file, new TextEncoder().encode(text));
  if (!reread.ok) return { ok: false, errors: reread.problems.map(problemToString) };
  return { ok: true, file, id, text, frontMatter: checked.data };
}
