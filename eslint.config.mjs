import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Layers depend one way: app → lib → machines (../shared/style.md). The pure
 * layers are allow-lists: anything not listed is refused, so a new way to
 * reach the database cannot slip through.
 */
const PURE_PACKAGES = "xstate|@xstate/[^/]+(/.*)?|zod(/.*)?";
const noDynamicImport = {
  selector: "ImportExpression",
  message: "Pure layers import statically, so the boundary rules can see what they use.",
};
const deterministic = [
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: "Use the seeded PRNG: the simulation must be deterministic.",
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: "Use simulated time: the simulation must be deterministic.",
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "Use simulated time: the simulation must be deterministic.",
  },
];

const boundaries = [
  {
    files: ["machines/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^(?!(${PURE_PACKAGES})$|\\./|@/machines/)`,
              message:
                "machines/ holds pure XState definitions: import only xstate, zod and ./ or @/machines/ files (never lib/ or app/).",
            },
          ],
        },
      ],
      "no-restricted-syntax": ["error", noDynamicImport, ...deterministic],
    },
  },
  {
    // Tests may use test tools, but still never reach into lib/ or app/.
    files: ["machines/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/(lib|app)(/|$)|(\\.\\./)+(lib|app)(/|$))",
              message: "machines/ tests must not import lib/ or app/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/sim/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `^(?!(${PURE_PACKAGES})$|\\./|@/lib/sim/|@/machines/)`,
              message:
                "lib/sim is the pure simulation engine: import only xstate, zod, ./ files, @/lib/sim/ and @/machines/ (no database, no Next.js).",
            },
          ],
        },
      ],
      "no-restricted-syntax": ["error", noDynamicImport, ...deterministic],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/sim/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/app(/|$)|(\\.\\./)+app(/|$))",
              message: "lib/ must not import from app/ (app → lib, never back).",
            },
          ],
        },
      ],
    },
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  ...boundaries,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": ["error", { "ts-ignore": "allow-with-description" }],
    },
  },
  {
    // Playwright fixtures call their callback `use`, which is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
];

export default config;
