import { describe, expect, it } from "vitest";
import { externalHost, linkExternalImages } from "../../../src/render/external-images.ts";
import { renderMarkdown } from "../../../src/markdown/render-markdown.ts";
import { messagesFor } from "../../../src/archive/interface-messages.ts";
import { contentSecurityPolicy } from "../../../src/render/layout.ts";
import { parseSiteFile } from "../../../src/archive/site-file.ts";
import { loadSiteConfig } from "../../../src/archive/site-config.ts";

const en = messagesFor("en");
const body = (markdown: string) => renderMarkdown(markdown).html;

describe("externalHost", () => {
  it("names the host of an image on another host, by any spelling of its address", () => {
    expect(externalHost("https://images.example.org/a.jpg")).toBe("images.example.org");
    expect(externalHost("http://example.org:8080/a.jpg")).toBe("example.org:8080");
    expect(externalHost("//cdn.example.net/a.jpg")).toBe("cdn.example.net");
  });

  it("names none for the site's own images", () => {
    expect(externalHost("/media/a.jpg")).toBeUndefined();
    expect(externalHost("media/a.jpg")).toBeUndefined();
    expect(externalHost("../a.jpg")).toBeUndefined();
  });
});

describe("linkExternalImages", () => {
  it("makes an image from another host a link to it, described by its alt text and host", () => {
    const html = linkExternalImages(body("Before.\n\n![Marchers on a bridge](https://images.example.org/march.jpg)\n\nAfter."), en);
    expect(html).not.toContain("<img");
    expect(html).toContain(
      '<a class="external-image" href="https://images.example.org/march.jpg" rel="external nofollow noreferrer">Image at images.example.org: Marchers on a bridge</a>',
    );
    expect(html).toContain("<p>Before.</p>");
    expect(html).toContain("<p>After.</p>");
  });

  it("says only the host of an image without alt text, and keeps its title", () => {
    const html = linkExternalImages(body('![](https://example.org/x.png "A caption")'), en);
    expect(html).toContain('title="A caption"');
    expect(html).toContain(">Image at example.org</a>");
  });

  it("keeps the site's own images as images", () => {
    const own = body("![Front page](/media/front.png)");
    expect(linkExternalImages(own, en)).toBe(own);
  });

  it("leaves a body without images as it is, byte for byte", () => {
    const text = body("A paragraph with a [link](https://example.org/) and *emphasis*.");
    expect(linkExternalImages(text, en)).toBe(text);
  });

  it("gives an image that is a link's content as text, since a link cannot hold a link", () => {
    const html = linkExternalImages(body("[![Logo](https://example.org/logo.png)](https://example.org/)"), en);
    expect(html).toBe('<p><a href="https://example.org/"><span class="external-image">Image at example.org: Logo</span></a></p>');
  });

  it("keeps markup in alt text as text", () => {
    const html = linkExternalImages(body('<img src="https://example.org/a.png" alt="<script>alert(1)</script> &amp; more">'), en);
    expect(html).not.toContain("<script");
    expect(html).toContain("&#x3C;script>alert(1)&#x3C;/script> &#x26; more</a>");
  });

  it("speaks the interface's language", () => {
    expect(linkExternalImages(body("![Plaza](https://example.org/p.jpg)"), messagesFor("es"))).toContain(
      ">Imagen en example.org: Plaza</a>",
    );
  });

  it("fills a placeholder only with the image's own words, never a `{…}` inside them", () => {
    expect(linkExternalImages(body("![a {host} b](https://example.org/p.jpg)"), en)).toContain(">Image at example.org: a {host} b</a>");
  });
});

describe("the pages' policy for images", () => {
  it("allows images from the site alone unless the settings ask to show other hosts' images", () => {
    expect(contentSecurityPolicy("link")).toContain("img-src 'self' data:;");
    expect(contentSecurityPolicy()).toBe(contentSecurityPolicy("link"));
    expect(contentSecurityPolicy("show")).toContain("img-src 'self' https: data:;");
  });
});

describe("the `external-images` setting", () => {
  it("is `link` by default, and `show` or `link` when the settings file says", () => {
    expect(parseSiteFile("title: T\ntagline: L\nexternal-images: show\n").settings?.["external-images"]).toBe("show");
    expect(loadSiteConfig("/nonexistent-folder").site.externalImages).toBe("link");
  });

  it("is an error naming the line for any other value", () => {
    const { problems } = parseSiteFile("title: T\ntagline: L\nexternal-images: hide\n");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "content/site.yml", line: 3, field: "external-images" });
  });
});
