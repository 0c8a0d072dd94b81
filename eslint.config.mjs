// ESLint (flat config) for manila-ui's own browser JavaScript: Horizon pages load it
// as classic scripts next to jQuery and Horizon's globals.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["manila_ui/static/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {
        ...globals.browser,
        ...globals.jquery,
        horizon: "readonly",
        angular: "readonly",
        gettext: "readonly",
        ngettext: "readonly",
        interpolate: "readonly",
      },
    },
    rules: {
      "no-unused-vars": ["error", { args: "after-used" }],
      eqeqeq: "error",
      strict: ["error", "function"],
    },
  },
];
