// Lint configuration: the recommended rules of ESLint and typescript-eslint, no warnings allowed (`--max-warnings 0`).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["_site/", ".cache/", "node_modules/", "coverage/", "screenshots/", "test/fixtures/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly", process: "readonly", URL: "readonly", URLSearchParams: "readonly", document: "readonly",
        window: "readonly", performance: "readonly", setTimeout: "readonly", clearTimeout: "readonly", TextEncoder: "readonly",
        TextDecoder: "readonly", Buffer: "readonly", structuredClone: "readonly", history: "readonly", location: "readonly", fetch: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
);
