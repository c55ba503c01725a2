/** A text as a URL slug (`Huelga en Juliaca` -> `huelga-en-juliaca`): for ids, and for headings' anchors. */
import slugify from "@sindresorhus/slugify";
import { boundedMemo } from "./bounded-memo.ts";

export const textToSlug: (text: string) => string = boundedMemo((text) => slugify(text, { decamelize: false }));
