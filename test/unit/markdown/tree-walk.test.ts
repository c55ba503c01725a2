import { describe, expect, it } from "vitest";
import type { Element, Nodes, Root } from "hast";
import { forEachElement, someNode } from "../../../src/markdown/tree-walk.ts";

const element = (tagName: string, children: Element["children"] = []): Element => ({ type: "element", tagName, properties: {}, children });

const tree: Root = {
  type: "root",
  children: [
    element("h2", [{ type: "text", value: "A" }]),
    { type: "text", value: "\n" },
    element("ul", [element("li", [element("p", [element("em")])]), element("li")]),
    { type: "comment", value: "x" },
    element("blockquote", [element("p", [{ type: "raw", value: "<b>x</b>" }])]),
  ],
};

describe("tree walks", () => {
  it("visits every element once, parents first, in document order", () => {
    const seen: string[] = [];
    forEachElement(tree, (node) => seen.push(node.tagName));
    expect(seen).toEqual(["h2", "ul", "li", "p", "em", "li", "blockquote", "p"]);
  });

  it("finds a node of a type however deep it is, and only if it is there", () => {
    expect(someNode<Nodes>(tree, (node) => node.type === "raw")).toBe(true);
    expect(someNode<Nodes>(tree, (node) => node.type === "comment")).toBe(true);
    expect(someNode<Nodes>(tree, (node) => node.type === "doctype")).toBe(false);
    expect(
      someNode<Nodes>({ type: "root", children: [element("p", [{ type: "text", value: "raw" }])] }, (node) => node.type === "raw"),
    ).toBe(false);
  });
});
