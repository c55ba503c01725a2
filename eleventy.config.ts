/** Eleventy configuration: wiring only; everything it wires lives in src/. */
import { fileURLToPath } from "node:url";
import { hemeroteca, type EleventyConfig } from "./src/site/eleventy-plugin.ts";

const root = fileURLToPath(new URL(".", import.meta.url));

export default function (eleventyConfig: EleventyConfig) {
  hemeroteca(eleventyConfig, {
    root,
    // Tests and the benchmark build other content folders with the same configuration.
    ...(process.env.HEMEROTECA_ARTICLES ? { articlesDir: process.env.HEMEROTECA_ARTICLES } : {}),
  });
  return {
    dir: { input: "templates", output: process.env.HEMEROTECA_OUTPUT ?? "_site" },
    templateFormats: ["11ty.ts"],
  };
}
