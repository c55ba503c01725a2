/**
 * A feed carries whole article bodies to readers that show them away from the
 * site: links to other pages of the archive and to notes within the article
 * must work there too.
 */
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/archive/interface-messages.ts";
import { bodyForFeed, feedDocument, type FeedInput } from "../../src/render/feeds.ts";

const SITE = "https://archive.example.net/hemeroteca";
const ARTICLE = `${SITE}/2022/12/07/x/`;

describe("an article body in a feed", () => {
  it("gets absolute addresses for the archive's own pages and the article's notes", () => {
    const body = [
      '<p>See <a href="/2020/">2020</a> and <a href="/tags/huelga/?page=2&amp;x=1">huelga</a>.<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref>1</a></sup></p>',
      '<img src="/img/a.png" srcset="/img/a.png 1x, /img/b.png 2x" alt="">',
    ].join("\n");
    expect(bodyForFeed(body, SITE, ARTICLE)).toBe(
      [
        `<p>See <a href="${SITE}/2020/">2020</a> and <a href="${SITE}/tags/huelga/?page=2&amp;x=1">huelga</a>.<sup><a href="${ARTICLE}#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref>1</a></sup></p>`,
        `<img src="${SITE}/img/a.png" srcset="${SITE}/img/a.png 1x, ${SITE}/img/b.png 2x" alt="">`,
      ].join("\n"),
    );
  });

  it("leaves other hosts, mail addresses and text as they are", () => {
    const body = [
      '<p><a href="https://example.org/a">a</a> <a href="//cdn.example.org/b">b</a> <a href="mailto:x@example.org">c</a></p>',
      '<p>Write &lt;a href="/x/"&gt; or href="#y" to link.</p>',
    ].join("\n");
    expect(bodyForFeed(body, SITE, ARTICLE)).toBe(body);
  });

  it("is what both feed formats carry", () => {
    const input: FeedInput = {
      title: "Latest",
      id: `${SITE}/articles/`,
      description: "An archive",
      language: "en",
      rights: messagesFor("en").feedRights,
      published: messagesFor("en").feedPublished,
      undated: messagesFor("en").undated,
      siteUrl: SITE,
      pageUrl: `${SITE}/articles/`,
      atomUrl: `${SITE}/feed.xml`,
      jsonUrl: `${SITE}/feed.json`,
      entries: [
        {
          title: "X",
          id: `${SITE}/a/x/`,
          link: ARTICLE,
          entered: Date.UTC(2022, 11, 7),
          publication: "P",
          language: "en",
          description: "X",
          html: '<p><a href="/2020/">2020</a><a href="#user-content-fn-1">1</a></p>',
          authors: [],
          tags: [],
        },
      ],
    };
    // Below the line that gives the article's own date and publication.
    const expected = `<p>Published in <i>P</i>, undated.</p>\n<p><a href="${SITE}/2020/">2020</a><a href="${ARTICLE}#user-content-fn-1">1</a></p>`;
    const atom = new XMLParser({ ignoreAttributes: false }).parse(feedDocument(input, "atom")) as {
      feed: { entry: { content: { "#text": string } } };
    };
    expect(atom.feed.entry.content["#text"]).toBe(expected);
    const json = JSON.parse(feedDocument(input, "json")) as { items: Array<{ content_html: string }> };
    expect(json.items[0]!.content_html).toBe(expected);
  });
});
