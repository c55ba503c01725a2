/**
 * A site served below a path: `SITE_URL` names the path, and every address
 * a page gives from the site's root gets it in front; nothing else changes.
 */
import { describe, expect, it } from "vitest";
import { siteConfigFromEnv, siteUrlToBase } from "../../../src/archive/site-config.ts";
import { prefixRootRelativeUrls } from "../../../src/render/path-prefix.ts";

describe("SITE_URL", () => {
  it("names the origin and the path the site is served below", () => {
    expect(siteUrlToBase("https://example.org/archive")).toEqual({ baseUrl: "https://example.org/archive", pathPrefix: "/archive/" });
    expect(siteUrlToBase("https://owner.github.io/repo/")).toEqual({ baseUrl: "https://owner.github.io/repo", pathPrefix: "/repo/" });
    expect(siteUrlToBase("https://archive.example.org/")).toEqual({ baseUrl: "https://archive.example.org", pathPrefix: "/" });
    // Without an address the site claims no host: its addresses are site-relative.
    expect(siteConfigFromEnv({})).toMatchObject({ baseUrl: "", pathPrefix: "/" });
    expect(siteConfigFromEnv({ SITE_URL: "" })).toMatchObject({ baseUrl: "", pathPrefix: "/" });
  });

  it("is refused, by name, when it is not an http address of a folder", () => {
    expect(() => siteUrlToBase("example.org/archive")).toThrow("Cannot read `SITE_URL`: `example.org/archive` is not an absolute address");
    expect(() => siteUrlToBase("ftp://example.org/")).toThrow("must be an http or https address");
    expect(() => siteUrlToBase("https://example.org/archive?x=1")).toThrow("no query, fragment or user");
  });
});

describe("root-relative addresses below a path", () => {
  it("get the path in every attribute that holds an address", () => {
    const page = [
      '<link rel="stylesheet" href="/styles.css"><script type="module" src="/search.js"></script>',
      '<a href="/tags/huelga/" lang="es">huelga</a><form action="/search/" method="get">',
      '<img src="/a.png" srcset="/a.png 1x, /b.png 2x" alt="">',
      '<pagefind-config bundle-path="/pagefind/" base-url="/"></pagefind-config>',
      '<meta http-equiv="refresh" content="0; url=/2021/01/01/x/">',
      '<a title="1 > 0" class="x" href="/">home</a>',
    ].join("\n");
    expect(prefixRootRelativeUrls(page, "/archive/")).toBe(
      [
        '<link rel="stylesheet" href="/archive/styles.css"><script type="module" src="/archive/search.js"></script>',
        '<a href="/archive/tags/huelga/" lang="es">huelga</a><form action="/archive/search/" method="get">',
        '<img src="/archive/a.png" srcset="/archive/a.png 1x, /archive/b.png 2x" alt="">',
        '<pagefind-config bundle-path="/archive/pagefind/" base-url="/archive/"></pagefind-config>',
        '<meta http-equiv="refresh" content="0; url=/archive/2021/01/01/x/">',
        '<a title="1 > 0" class="x" href="/archive/">home</a>',
      ].join("\n"),
    );
  });

  it("leaves other hosts, relative and absolute addresses, fragments and text alone", () => {
    const page = [
      '<a href="//cdn.example.org/x.js">a</a><a href="https://example.org/">b</a><a href="#main">c</a><a href="../x/">d</a>',
      '<p>To link, write href="/x/" in a tag: &lt;a href="/x/"&gt;</p>',
      '<a title="say href=&quot;/x/&quot;" href="https://example.org/">e</a>',
    ].join("\n");
    expect(prefixRootRelativeUrls(page, "/archive/")).toBe(page);
  });

  it("leaves a page of a site at the root as it is", () => {
    const page = '<a href="/tags/">Tags</a>';
    expect(prefixRootRelativeUrls(page, "/")).toBe(page);
  });
});
