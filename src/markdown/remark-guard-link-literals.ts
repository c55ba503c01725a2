/**
 * Runs GFM's link-literal transform only on trees that could hold a literal
 * link. remark-gfm ends each parse with a find-and-replace over every text
 * node (four patterns for URLs and addresses), which costs about a fifth of
 * the parse; each pattern needs `http`, `www` (in any case) or `@` in a text
 * node's value, so a tree whose text holds none of them is left as it is,
 * exactly as the transform would leave it. A link's destination is not text,
 * so a body whose only URLs are `[text](https://…)` skips the walk.
 */
import type { Processor } from "unified";
import type { Nodes, Root } from "mdast";
import type { Extension as FromMarkdownExtension, Transform } from "mdast-util-from-markdown";
import { someNode } from "./tree-walk.ts";

const LITERAL_LINK_HINT = /http|www|@/i;

function guarded(transform: Transform): Transform {
  return function guardedLinkLiterals(tree: Root) {
    const mayHoldLiteralLink = someNode<Nodes>(tree, (node) => node.type === "text" && LITERAL_LINK_HINT.test(node.value));
    return mayHoldLiteralLink ? transform(tree) : undefined;
  };
}

/** The extension that makes link literals into links: the one that handles the `literalAutolink` token. */
function guardLinkLiteralTransform(extension: FromMarkdownExtension): FromMarkdownExtension {
  if (!extension.enter?.literalAutolink || !extension.transforms) return extension;
  return { ...extension, transforms: extension.transforms.map(guarded) };
}

/** Use after remark-gfm. */
export default function remarkGuardLinkLiterals(this: Processor): void {
  const data = this.data();
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map((entry) =>
    Array.isArray(entry) ? entry.map(guardLinkLiteralTransform) : guardLinkLiteralTransform(entry),
  );
}
