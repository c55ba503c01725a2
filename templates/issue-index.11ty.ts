/** `/publications/<publication>/issues/`: every print issue of a publication, each with its count. */
import type { Archive, IssueIndex } from "../src/archive/build-archive.ts";
import { countLabel, issueGroupList } from "../src/site/components.ts";
import { html } from "../src/site/html.ts";
import { page } from "../src/site/layout.ts";

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
  const title = `${publication.name}: issues`;
  const content = html`<header class="list-header">
  <p class="kicker">Issues</p>
  <h1>${publication.name}</h1>
  <p class="list-count">${countLabel(index.issues.length, "issue")}${index.issues.length > 1 ? ", the one with the newest article first" : ""}</p>
</header>
${issueGroupList(index.issues)}`;
  return page({
    archive,
    title,
    url: index.url,
    description: `Every print issue of ${publication.name} in the archive, each with its table of contents.`,
    breadcrumbs: [{ label: "Home", url: "/" }, { label: "Publications", url: "/publications/" }, { label: publication.name, url: publication.url }, { label: "Issues" }],
    bodyClass: "page-index",
    content,
  });
}
