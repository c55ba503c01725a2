/** Eleventy configuration: wiring only; everything it wires lives in src/. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { siteConfigFromEnv } from "./src/archive/site-config.ts";
import { parseShardSpec } from "./src/archive/shards.ts";
import { editFriendlyDevServer, reloadOpenPages, type DevServerConfig } from "./src/site/dev-server.ts";
import { hemeroteca, type EleventyConfig } from "./src/site/eleventy-plugin.ts";
import { exitWhenOutputCloses } from "./src/site/exit-when-output-closes.ts";
import { buildsInPlace, stagingFolderOf } from "./src/build/output/publish.ts";
import { articlePageContext, renderArticlePage } from "./templates/article.11ty.ts";
import { render as list } from "./templates/list.11ty.ts";
import { render as redirect } from "./templates/redirects.11ty.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

export default function (eleventyConfig: EleventyConfig & DevServerConfig) {
  exitWhenOutputCloses();
  // `npm start`: localhost only unless HEMEROTECA_HOST says otherwise; a failed build shows in the browser.
  editFriendlyDevServer(eleventyConfig);
  // A sharded build (README, "Sharded builds"; scripts/build.mjs reads `--shard` and `--merge`): a shard writes a
  // folder of its own, never the site.
  const shard = process.env.HEMEROTECA_SHARD ? parseShardSpec(process.env.HEMEROTECA_SHARD) : undefined;
  const merge = process.env.HEMEROTECA_MERGE?.split(path.delimiter).filter(Boolean);
  const site = process.env.HEMEROTECA_OUTPUT ?? (shard ? `_shards/${shard.index}-of-${shard.count}` : "_site");
  // A build makes the new site beside the old one and swaps it in when whole; `npm start` rebuilds in place
  // (src/build/output/publish.ts).
  const staged = !buildsInPlace(process.argv);
  hemeroteca(eleventyConfig, {
    root,
    ...(staged ? { site } : {}),
    ...(shard ? { shard } : {}),
    ...(merge?.length ? { merge } : {}),
    // To learn which of these pages changed since the last build (src/build/output/pages-to-write.ts), and to write
    // article, list and redirect pages outside Eleventy's pagination (src/build/output/write-rendered-pages.ts).
    pages: { articleContext: articlePageContext, articlePage: renderArticlePage, list, redirect },
    // `npm start`: a saved article's page is written and shown before the rebuild (src/site/quick-preview.ts).
    preview: { written: reloadOpenPages },
    // Tests and the benchmark build other content folders with the same configuration.
    ...(process.env.HEMEROTECA_ARTICLES ? { articlesDir: process.env.HEMEROTECA_ARTICLES } : {}),
  });
  return {
    dir: { input: "templates", output: staged ? stagingFolderOf(path.resolve(root, site)) : site },
    templateFormats: ["11ty.ts"],
    // Only for `npm start`: Eleventy's dev server then serves the site below the path of SITE_URL, as it will be
    // deployed. The pages carry the path already (src/render/path-prefix.ts).
    pathPrefix: siteConfigFromEnv().pathPrefix,
  };
}
