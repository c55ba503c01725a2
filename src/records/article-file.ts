/** Writes an article file: YAML front matter in contract order, then the Markdown body. */
import { stringify } from "yaml";
import { FRONT_MATTER_FIELD_ORDER, type ArticleFrontMatter } from "./article-schema.ts";

/**
 * The body `npm run new` writes: shown on no page (comments never survive
 * sanitizing), it tells the editor where the text goes; `npm run check`
 * refuses an article that still holds it.
 */
export const BODY_PLACEHOLDER = "<!-- Write the article's text below, in Markdown, as it was published. Delete this line. -->";

export function articleToFileText(frontMatter: ArticleFrontMatter, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FRONT_MATTER_FIELD_ORDER) {
    const value = frontMatter[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    ordered[key] = value;
  }
  const yaml = stringify(ordered, { lineWidth: 0, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" });
  return `---\n${yaml}---\n\n${body.trim()}\n`;
}
