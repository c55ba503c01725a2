/**
 * How many shards the deploy workflow builds the site in
 * (`npm run build -- --plan-shards`): `build-shards` of the site settings, or
 * else one shard per `ARTICLES_PER_SHARD` articles begun, so that an archive
 * grows into a sharded build without anyone changing the workflow.
 */
import { plannedShards } from "../archive/shards.ts";
import { readSiteFile, siteFileFor } from "../archive/site-file.ts";
import { countErrors, problemToString } from "../records/problems.ts";
import { listArticleTree } from "../records/load-articles.ts";

export function planShards(root: string, articlesDir?: string): number {
  const settings = readSiteFile(root, siteFileFor(articlesDir));
  if (countErrors(settings.problems)) throw new Error(settings.problems.map(problemToString).join("\n"));
  return plannedShards(listArticleTree(root, articlesDir).files.length, settings.settings?.["build-shards"]);
}
