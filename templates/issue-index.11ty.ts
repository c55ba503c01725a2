/** `/publications/<publication>/issues/`: every print issue of a publication, each with its count. */
import type { Archive, IssueIndex } from "../src/archive/build-archive.ts";
import { formatMessage, messagesFor } from "../src/archive/interface-messages.ts";
import { countLabel, issueGroupList } from "../src/render/components.ts";
import { html } from "../src/render/html.ts";
import { page } from "../src/render/layout.ts";

interface Data {
  archive: Archive;
  index: IssueIndex;
}

export const data = {
  pagination: { data: "archive.issueIndexes", size: 1, alias: "index" },
  permalink: (data: Data) => data.index.url,
  eleventyExcludeFromCollections: true,
};

export function render({ archive, index }: Data): string {
  const { publication } = index;
  const m = messagesFor(archive.site.language);
  const title = formatMessage(m.issuesTitle, { publication: publication.name });
  const content = html`<header class="list-header">
  <p class="kicker">${m.issues}</p>
  <h1>${publication.name}</h1>
  <p class="list-count">${countLabel(m, index.issues.length, "issue")}${index.issues.length > 1 ? m.issuesNewestFirst : ""}</p>
</header>
${issueGroupList(m, index.issues)}`;
  return page({
    archive,
    title,
    url: index.url,
    description: formatMessage(m.issuesDescription, { publication: publication.name }),
    breadcrumbs: [
      { label: m.home, url: "/" },
      { label: m.publications, url: "/publications/" },
      { label: publication.name, url: publication.url },
      { label: m.issues },
    ],
    bodyClass: "page-index",
    content,
  });
}
