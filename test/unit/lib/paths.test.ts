import path from "node:path";
import { describe, expect, it } from "vitest";
import { relativeWithin, toPosix } from "../../../src/lib/paths.ts";

describe("paths as the project names them", () => {
  it("joins a path's parts with / whatever the system", () => {
    expect(toPosix(["content", "articles", "a.md"].join(path.sep))).toBe("content/articles/a.md");
  });

  it("answers a path inside a folder relative to it, and nothing for one outside", () => {
    const root = path.resolve("/project");
    expect(relativeWithin(root, path.join(root, "content", "articles", "a.md"))).toBe("content/articles/a.md");
    expect(relativeWithin(root, root)).toBe("");
    expect(relativeWithin(`${root}${path.sep}`, root)).toBe("");
    // Whole parts, not text: a folder whose name begins with two dots is inside, a sibling whose name begins with the folder's is not.
    expect(relativeWithin(root, path.join(root, "..drafts", "a.md"))).toBe("..drafts/a.md");
    expect(relativeWithin(root, `${root}-site`)).toBeUndefined();
    expect(relativeWithin(root, path.dirname(root))).toBeUndefined();
    expect(relativeWithin(root, path.join(root, "..", "other", "a.md"))).toBeUndefined();
    expect(relativeWithin(path.join(root, "content"), path.join(root, "content", "..", "content", "b.md"))).toBe("b.md");
  });
});
