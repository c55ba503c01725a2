/**
 * Scenario (d) of the benchmark: what a plain Eleventy 3 site would do with the
 * same article files. Eleventy's own Markdown (markdown-it, after Liquid, as
 * by default), one page per article through a Nunjucks layout, tag pages by
 * pagination over `collections`, a home page; then the Pagefind CLI over the
 * output. The articles folder is linked, not copied, so both builds read the
 * same bytes.
 *
 * Two front-matter keys clash with Eleventy's own data: `date` (an EDTF
 * string Eleventy cannot read) and `page`; the project's YAML engine renames
 * them (`edtf`, `printPage`). Nothing else is adapted.
 */
import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface PlainProject {
  /** Folder to run Eleventy in (its input folder). */
  dir: string;
  config: string;
  output: string;
}

const require = createRequire(import.meta.url);

function configText(): string {
  const jsYaml = pathToFileURL(require.resolve("js-yaml")).href;
  return `import yaml from ${JSON.stringify(jsYaml)};

export default function (eleventyConfig) {
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      yaml: (text) => {
        const data = yaml.load(text) ?? {};
        if ("date" in data) { data.edtf = String(data.date); delete data.date; }
        if ("page" in data) { data.printPage = data.page; delete data.page; }
        return data;
      },
    },
  });
  eleventyConfig.addGlobalData("layout", "article.njk");
  return { dir: { input: ".", includes: "_includes", output: "_site" }, templateFormats: ["md", "njk"] };
}
`;
}

const BASE = `<!doctype html>
<html lang="{{ language or 'en' }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }} · Plain archive</title>
</head>
<body>
<header><a href="/">Plain archive</a></header>
{{ content | safe }}
</body>
</html>
`;

const ARTICLE = `---
layout: base.njk
---
<main data-pagefind-body>
<article>
<h1>{{ title }}</h1>
<p>{{ publication }}{% if edtf %} · {{ edtf }}{% endif %}{% if authors %} · {{ authors | join(", ") }}{% endif %}</p>
{% if summary %}<p>{{ summary }}</p>{% endif %}
<ul>{% for tag in tags %}<li><a href="/tags/{{ tag | slugify }}/">{{ tag }}</a></li>{% endfor %}</ul>
{{ content | safe }}
</article>
</main>
`;

const TAGS = `---
layout: base.njk
pagination:
  data: collections
  size: 1
  alias: tag
  filter: [all]
permalink: /tags/{{ tag | slugify }}/
eleventyExcludeFromCollections: true
eleventyComputed:
  title: "Tagged {{ tag }}"
---
<h1>Tagged “{{ tag }}”</h1>
<ol>
{%- for post in collections[tag] | reverse %}
<li><a href="{{ post.url }}">{{ post.data.title }}</a></li>
{%- endfor %}
</ol>
`;

const INDEX = `---
layout: base.njk
title: Home
permalink: /
eleventyExcludeFromCollections: true
---
<h1>{{ collections.all | length }} articles</h1>
<ul>
{%- for tag, posts in collections %}{% if tag != "all" %}
<li><a href="/tags/{{ tag | slugify }}/">{{ tag }}</a> ({{ posts | length }})</li>
{%- endif %}{% endfor %}
</ul>
`;

/** Writes the project into `dir` (emptied first), with `articles/` linking to the corpus. */
export async function writePlainEleventyProject(dir: string, articlesDir: string): Promise<PlainProject> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, "_includes"), { recursive: true });
  await symlink(path.resolve(articlesDir), path.join(dir, "articles"), "dir");
  await writeFile(path.join(dir, "eleventy.config.mjs"), configText());
  await writeFile(path.join(dir, "_includes", "base.njk"), BASE);
  await writeFile(path.join(dir, "_includes", "article.njk"), ARTICLE);
  await writeFile(path.join(dir, "tags.njk"), TAGS);
  await writeFile(path.join(dir, "index.njk"), INDEX);
  return { dir, config: "eleventy.config.mjs", output: path.join(dir, "_site") };
}
