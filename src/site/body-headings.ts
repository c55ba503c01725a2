/**
 * An article body's headings, renumbered to sit under the page's `h1`: the
 * levels the body uses, in order, become `h2`, `h3`, ... so a body that starts
 * at `h3` (or has its own `h1`) skips no level. Runs on sanitized HTML from
 * rehype-stringify, where `<` in text is always escaped: a `<hN` can only be a
 * tag (or, harmlessly, text inside a quoted attribute value).
 */
const HEADING_TAG = /<(\/?)h([1-6])(?=[\s>])/g;

export function bodyToPageHeadings(bodyHtml: string, top = 2): string {
  const used = [...new Set([...bodyHtml.matchAll(HEADING_TAG)].map((match) => Number(match[2])))].sort((a, b) => a - b);
  const levelOf = new Map(used.map((level, rank) => [level, Math.min(6, top + rank)]));
  if (used.every((level) => levelOf.get(level) === level)) return bodyHtml;
  return bodyHtml.replace(HEADING_TAG, (_, slash: string, level: string) => `<${slash}h${levelOf.get(Number(level))}`);
}
