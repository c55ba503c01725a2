/** `/sources/<publication>/<name>/`: a kept source page, every line numbered, in runs by the article each went into. */
import type { Archive } from "../src/archive/build-archive.ts";
import { formatMessage, messagesFor, type Messages } from "../src/archive/interface-messages.ts";
import type { SourcePage, SourceSegment } from "../src/archive/source-pages.ts";
import { countLabel } from "../src/render/components.ts";
import { html, langAttribute, trustedHtml, type SafeHtml } from "../src/render/html.ts";
import { page } from "../src/render/layout.ts";

interface Data {
  archive: Archive;
  source: SourcePage;
}

export const data = {
  pagination: { data: "archive.sources", size: 1, alias: "source" },
  permalink: (data: Data) => data.source.url,
  eleventyExcludeFromCollections: true,
};

/** "lines 12–30", or "Lines 12–30" to start a sentence. */
const lineRange = (m: Messages, segment: SourceSegment, capital = false) => {
  const last = segment.firstLine + segment.lines.length - 1;
  if (last === segment.firstLine) return formatMessage(capital ? m.lineOneCapital : m.lineOne, { line: last });
  return formatMessage(capital ? m.lineRangeCapital : m.lineRange, { first: segment.firstLine, last });
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
function linesOf(m: Messages, segment: SourceSegment): SafeHtml {
  return html`<pre class="source-lines">${segment.lines.map((text, index) => {
    const number = segment.firstLine + index;
    return html`<span class="line" id="L${number}"><a class="line-number" href="#L${number}" aria-label="${formatMessage(m.lineOneCapital, { line: number })}">${number}</a>${lineText(text)}\n</span>`;
  })}</pre>`;
}

/** Why the importer left out what it did of these lines, as its manifest records. */
function leftOutOf(m: Messages, segment: SourceSegment): SafeHtml | "" {
  if (!segment.leftOut.length) return "";
  return html`<ul class="source-left-out">${segment.leftOut.map((note) => html`<li><a href="#L${note.line}">${formatMessage(note.partial ? m.lineEnd : m.lineOneCapital, { line: note.line })}</a>${formatMessage(m.leftOut, { reason: note.reason })}</li>`)}</ul>`;
}

function segmentOf(archive: Archive, segment: SourceSegment): SafeHtml {
  const site = archive.site.language;
  const m = messagesFor(site);
  if (segment.kind === "article") {
    const { article } = segment;
    return html`<section class="source-segment source-in-article" aria-labelledby="S${segment.firstLine}"${langAttribute(article.language, site)}>
  <h2 id="S${segment.firstLine}" class="source-segment-head"><a href="${article.permalink}">${article.title}</a> <span class="source-segment-lines"${langAttribute(site, article.language)}>${lineRange(m, segment)}</span></h2>
  ${leftOutOf(m, segment)}
  ${linesOf(m, segment)}
</section>`;
  }
  const what = segment.kind === "header" ? m.importersHeader : m.inNoArticle;
  return html`<div class="source-segment source-outside">
  <p class="source-segment-head">${lineRange(m, segment, true)}: ${what}</p>
  ${leftOutOf(m, segment)}
  ${linesOf(m, segment)}
</div>`;
}

export function render({ archive, source }: Data): string {
  const publication = archive.groupOf("publication", source.header.publication);
  const name = source.file.split("/").at(-1)!;
  const m = messagesFor(archive.site.language);
  const content = html`<header class="list-header">
  <p class="kicker">${m.source}</p>
  <h1>${source.header.publication}: ${name}</h1>
  <p class="list-count">${formatMessage(m.sourceCount, { kind: m.sourceKinds[source.header.kind], count: countLabel(m, source.articles.length) })}</p>
</header>
<dl class="source-facts">
  ${source.header.url ? html`<div><dt>${m.original}</dt><dd><a href="${source.header.url}" rel="external nofollow">${source.header.url}</a></dd></div>` : ""}
  ${source.header.retrieved ? html`<div><dt>${m.retrieved}</dt><dd>${source.header.retrieved}</dd></div>` : ""}
  <div><dt>${m.file}</dt><dd><code>${source.file}</code></dd></div>
  <div><dt>${m.sourceSha256}</dt><dd><code>${source.header.sha256}</code></dd></div>
</dl>
<div class="source-text">
${source.segments.map((segment) => segmentOf(archive, segment))}
</div>`;
  return page({
    archive,
    title: formatMessage(m.sourceTitle, { publication: source.header.publication, name }),
    url: source.url,
    description: formatMessage(m.sourceDescription, {
      publication: source.header.publication,
      count: countLabel(m, source.articles.length),
    }),
    breadcrumbs: [
      { label: m.home, url: "/" },
      { label: m.publications, url: "/publications/" },
      ...(publication ? [{ label: publication.name, url: publication.url }] : []),
      { label: name },
    ],
    bodyClass: "page-source",
    content,
  });
}
