// Lint configuration: the recommended rules of ESLint and typescript-eslint, no warnings allowed (`--max-warnings 0`).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";

// Layers in one direction (ARCHITECTURE.md): each folder may import only from the folders below it, and nothing
// imports from a command's folder. A folder's forbidden imports are the folders above it.
const COMMANDS = ["check", "new", "search", "bench", "import-score"];
const forbid = (folders) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: folders.map((folder) => ({
        group: [`**/${folder}/**`, `**/src/${folder}/**`],
        message: `\`${folder}/\` is above this folder or a command's: move what both need down (see ARCHITECTURE.md)`,
      })),
    },
  ],
});
// Bottom to top: lib, markdown, records, import | archive, exports, render, build, search-index, site; then commands.
const ABOVE = {
  lib: ["markdown", "records", "import", "archive", "exports", "render", "build", "search-index", "site", "templates", ...COMMANDS],
  markdown: ["records", "import", "archive", "exports", "render", "build", "search-index", "site", "templates", ...COMMANDS],
  records: ["import", "archive", "exports", "render", "build", "search-index", "site", "templates", ...COMMANDS],
  import: ["archive", "exports", "render", "build", "search-index", "site", "templates", ...COMMANDS],
  archive: ["import", "exports", "render", "build", "search-index", "site", "templates", ...COMMANDS],
  exports: ["import", "render", "build", "search-index", "site", "templates", ...COMMANDS],
  render: ["import", "build", "search-index", "site", "templates", ...COMMANDS],
  build: ["import", "search-index", "site", "templates", ...COMMANDS],
  "search-index": ["import", "site", "templates", ...COMMANDS],
  site: ["import", "templates", ...COMMANDS],
};
const layerRules = [
  ...Object.entries(ABOVE).map(([folder, above]) => ({ files: [`src/${folder}/**/*.ts`], rules: forbid(above) })),
  { files: ["templates/**/*.ts"], rules: forbid(["import", "build", "search-index", "site", ...COMMANDS]) },
  // A command may use the layers, never another command.
  ...COMMANDS.map((command) => ({ files: [`src/${command}/**/*.ts`], rules: forbid(COMMANDS.filter((other) => other !== command)) })),
];

export default tseslint.config(
  { ignores: ["_site/", ".cache/", "node_modules/", "coverage/", "screenshots/", "test/fixtures/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        URL: "readonly",
        URLSearchParams: "readonly",
        document: "readonly",
        window: "readonly",
        performance: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        TextEncoder: "readonly",
        TextDecoder: "readonly",
        Buffer: "readonly",
        structuredClone: "readonly",
        history: "readonly",
        location: "readonly",
        fetch: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  ...layerRules,
  // No module reaches itself through its imports: a cycle hides which layer a module belongs to.
  {
    files: ["src/**/*.ts", "templates/**/*.ts", "eleventy.config.ts"],
    plugins: { "import-x": importX },
    settings: { "import-x/extensions": [".ts", ".mjs", ".js"], "import-x/parsers": { "@typescript-eslint/parser": [".ts"] } },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
);
