// ESLint flat config for the production board (`npm run lint`).
// It lints the board's TypeScript sources (src/), the end-to-end runner (e2e/)
// and the Node scripts (scripts/) with ESLint's and typescript-eslint's
// recommended rules and React's hooks rules, as Saleor's own dashboard does.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    // Build output, installed packages and the graphql-codegen output
    // (src/api/generated.ts: regenerate it with `npm run generate`, never edit it).
    ignores: ["dist/", "node_modules/", "test-results/", "src/api/generated.ts"],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    // The classic hooks rules, both as errors. Version 7's "recommended" preset
    // adds the React Compiler's rules (set-state-in-effect, refs, purity...);
    // the board is not built with the compiler, so they are not turned on here.
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // Node scripts; e2e/ also hands functions to the browser (page.evaluate).
    files: ["scripts/**/*.{js,mjs}", "e2e/**/*.{js,mjs}", "*.{js,mjs,ts}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["e2e/**/*.{js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
