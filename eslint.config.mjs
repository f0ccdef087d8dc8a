import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Layers depend one way: app → lib → machines (../shared/style.md). */
const boundaries = [
  {
    files: ["machines/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/(lib|app)(/|$)|(\\.\\./)+(lib|app)(/|$))",
              message: "machines/ holds pure XState definitions: it must not import from lib/ or app/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/sim/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/lib/db|@/lib/generated|@prisma/|(\\.\\./)+(db|generated)(/|$)|.*prisma)",
              message: "lib/sim is the pure simulation engine: it must not touch the database.",
            },
            {
              regex: "^(@/app(/|$)|next(/|$))",
              message: "lib/sim is the pure simulation engine: no Next.js or app/ imports.",
            },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: "Use the seeded PRNG: the simulation must be deterministic.",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Use simulated time: the simulation must be deterministic.",
        },
      ],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/sim/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@/app(/|$)", message: "lib/ must not import from app/ (app → lib, never back)." }] },
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
    ignores: [".next/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
];

export default config;
