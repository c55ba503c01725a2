/** `/sources/<publication>/<name>/`: a kept source page, every line numbered, in runs by the article each went into. */
import type { Archive } from "../src/archive/build-archive.ts";
import type { SourcePage, SourceSegment } from "../src/archive/source-pages.ts";
import { countLabel } from "../src/site/components.ts";
import { html, langAttribute, trustedHtml, type SafeHtml } from "../src/site/html.ts";
import { page } from "../src/site/layout.ts";

interface Data {
  archive: Archive;
  source: SourcePage;
}

export const data = {
  pagination: { data: "archive.sources", size: 1, alias: "source" },
  permalink: (data: Data) => data.source.url,
  eleventyExcludeFromCollections: true,
};

const KIND_LABEL = { listing: "a listing page", "print-issue": "a print issue", article: "a single article" } as const;

const lineRange = (segment: SourceSegment) => {
  const last = segment.firstLine + segment.lines.length - 1;
  return last === segment.firstLine ? `line ${last}` : `lines ${segment.firstLine}–${last}`;
};

/**
 * A line's own spaces at its end as character references: kept exactly (a
 * Markdown line break is two spaces), without trailing blanks in the HTML.
 */
function lineText(text: string): SafeHtml {
  const [, body = "", trailing = ""] = /^(.*?)([ \t]*)$/s.exec(text) ?? [];
  return html`${body}${trustedHtml(trailing.replace(/ /g, "&#32;").replace(/\t/g, "&#9;"))}`;
}

/** The lines, each with its number and an anchor (`#L12`) that an article's "Source" links to. */
function linesOf(segment: SourceSegment): SafeHtml {
  return html`<pre class="source-lines">${segment.lines.map((text, index) => {
    const number = segment.firstLine + index;
    return html`<span class="line" id="L${number}"><a class="line-number" href="#L${number}" aria-label="Line ${number}">${number}</a>${lineText(text)}\n</span>`;
  })}</pre>`;
}

/** Why the importer left out what it did of these lines, as its manifest records. */
function leftOutOf(segment: SourceSegment): SafeHtml | "" {
  if (!segment.leftOut.length) return "";
  return html`<ul class="source-left-out">${segment.leftOut.map((note) => html`<li><a href="#L${note.line}">${note.partial ? `The end of line ${note.line}` : `Line ${note.line}`}</a> left out: ${note.reason}</li>`)}</ul>`;
}

function segmentOf(archive: Archive, segment: SourceSegment): SafeHtml {
  const site = archive.site.language;
  if (segment.kind === "article") {
    const { article } = segment;
    return html`<section class="source-segment source-in-article" aria-labelledby="S${segment.firstLine}"${langAttribute(article.language, site)}>
  <h2 id="S${segment.firstLine}" class="source-segment-head"><a href="${article.permalink}">${article.title}</a> <span class="source-segment-lines"${langAttribute(site, article.language)}>${lineRange(segment)}</span></h2>
  ${leftOutOf(segment)}
  ${linesOf(segment)}
</section>`;
  }
  const what = segment.kind === "header" ? "the importer's header" : "in no article";
  return html`<div class="source-segment source-outside">
  <p class="source-segment-head">${lineRange(segment).replace(/^l/, "L")}: ${what}</p>
  ${leftOutOf(segment)}
  ${linesOf(segment)}
</div>`;
}

export function render({ archive, source }: Data): string {
  const publication = archive.groupOf("publication", source.header.publication);
  const name = source.file.split("/").at(-1)!;
  const content = html`<header class="list-header">
  <p class="kicker">Source</p>
  <h1>${source.header.publication}: ${name}</h1>
  <p class="list-count">${KIND_LABEL[source.header.kind]}, kept as imported; ${countLabel(source.articles.length)} taken from it</p>
</header>
<dl class="source-facts">
  ${source.header.url ? html`<div><dt>Original</dt><dd><a href="${source.header.url}" rel="external nofollow">${source.header.url}</a></dd></div>` : ""}
  ${source.header.retrieved ? html`<div><dt>Retrieved</dt><dd>${source.header.retrieved}</dd></div>` : ""}
  <div><dt>File</dt><dd><code>${source.file}</code></dd></div>
  <div><dt>SHA-256 of the text</dt><dd><code>${source.header.sha256}</code></dd></div>
</dl>
<div class="source-text">
${source.segments.map((segment) => segmentOf(archive, segment))}
</div>`;
  return page({
    archive,
    title: `Source: ${source.header.publication}, ${name}`,
    url: source.url,
    description: `The page of ${source.header.publication} that ${countLabel(source.articles.length)} of the archive were imported from, line by line.`,
    breadcrumbs: [{ label: "Home", url: "/" }, { label: "Publications", url: "/publications/" }, ...(publication ? [{ label: publication.name, url: publication.url }] : []), { label: name }],
    bodyClass: "page-source",
    content,
  });
}
