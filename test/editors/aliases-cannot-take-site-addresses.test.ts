/** An alias may not be an address the site makes for itself: the redirect would replace that page. */
import { describe, expect, it } from "vitest";
import { isSiteAddress } from "../../src/records/article-schema.ts";

describe("isSiteAddress", () => {
  it.each([
    "/",
    "/articles/",
    "/years/",
    "/tags/strike/",
    "/publications/unidad/",
    "/publications/unidad/issues/n-37/",
    "/authors/x/",
    "/languages/es/",
    "/search/",
    "/pagefind/",
    "/data/",
    "/sources/unidad/issue-412/",
    "/2023/",
    "/2023/01/",
    "/2023/01/09/",
    "/2023/page/2/",
    "/undated/",
    "/styles.css/",
    "/800/",
    "/800/02/",
  ])("refuses %s", (address) => {
    expect(isSiteAddress(address)).toBe(true);
  });

  it.each(["/2023/01/09/old-id/", "/undated/old-id/", "/old/path/", "/notas/2021/paro/"])("allows %s", (address) => {
    expect(isSiteAddress(address)).toBe(false);
  });
});
