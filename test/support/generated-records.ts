/** Records of the benchmark's synthetic articles, parsed as the build parses them: test data that is never hand-written. */
import { generateArticle } from "../../src/bench/generate-corpus.ts";
import type { ArticleRecord } from "../../src/records/article-record.ts";
import { parseArticle } from "../../src/records/parse-article.ts";

export function generatedRecords(count: number): ArticleRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const article = generateArticle(i);
    const result = parseArticle(`content/articles/${article.path}`, new TextEncoder().encode(article.text));
    if (!result.ok) throw new Error(`generated article ${i} is not valid: ${JSON.stringify(result.problems)}`);
    return result.record;
  });
}
