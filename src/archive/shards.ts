/**
 * How a sharded build cuts the archive (`npm run build -- --shard K/N`):
 * into N runs of archive order (newest first, undated last), each made of
 * whole years, so that an article's shard follows from its year and the
 * articles before it. A year goes to shard ⌊N × (articles before it) / total⌋
 * + 1: shards hold about the same number of articles, and an added or edited
 * article moves a boundary only when it tips a year over one. Undated
 * articles count as one last "year".
 *
 * Runs of archive order, not arbitrary sets, so that each part of an export
 * (JSON Lines, CSV, SQLite rows) is a stretch of the whole one and the merge
 * joins them in shard order.
 */
import type { ArticleEntry } from "../records/article-record.ts";

export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
}

/** `K/N` as given to `--shard`: 1 ≤ K ≤ N. */
export function parseShardSpec(text: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new Error(`Cannot read \`--shard ${text}\`: expected K/N, the shard K of N shards, with 1 ≤ K ≤ N (e.g. \`--shard 2/4\`)`);
  }
  return { index, count };
}

/** Past this many articles a shard, the deploy workflow builds in shards unless the site settings say how many. */
export const ARTICLES_PER_SHARD = 50_000;

/** The shards a deploy builds in: `build-shards` of the site settings, or one per `ARTICLES_PER_SHARD` articles begun. */
export function plannedShards(articles: number, setting?: number): number {
  return setting ?? Math.max(1, Math.ceil(articles / ARTICLES_PER_SHARD));
}

export const shardName = (spec: ShardSpec) => `${spec.index}/${spec.count}`;

/** The year an article is filed under for shards: that of the earliest day its date can mean, which archive order goes by. */
const yearOf = (article: ArticleEntry) => (article.parsedDate ? new Date(article.parsedDate.min).getUTCFullYear() : "undated");

/** The archive's articles (in archive order) cut into `count` shards, each a run of whole years; some may be empty. */
export function cutIntoShards(articles: readonly ArticleEntry[], count: number): ArticleEntry[][] {
  const shards = Array.from({ length: count }, () => [] as ArticleEntry[]);
  let shard = 0;
  for (let start = 0; start < articles.length;) {
    const year = yearOf(articles[start]!);
    let end = start + 1;
    while (end < articles.length && yearOf(articles[end]!) === year) end++;
    shard = Math.max(shard, Math.min(count - 1, Math.floor((count * start) / articles.length)));
    shards[shard]!.push(...articles.slice(start, end));
    start = end;
  }
  return shards;
}

/** The articles of one shard, in archive order. */
export function shardArticles(articles: readonly ArticleEntry[], spec: ShardSpec): ArticleEntry[] {
  return cutIntoShards(articles, spec.count)[spec.index - 1]!;
}
