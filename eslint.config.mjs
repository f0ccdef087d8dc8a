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

// lib/ is imported by app/ and scripts/, never the other way round.
const noApp = {
  regex: "^(@/app(/|$)|(\\.\\./)+app(/|$))",
  message: "lib/ must not import from app/ (app → lib, never back).",
};
const noScripts = {
  regex: "^(@/scripts(/|$)|(\\.\\./)+scripts(/|$))",
  message:
    "lib/ must not import from scripts/ (scripts → lib, never back): move what both need into lib/ (e.g. lib/database/).",
};
// The engine's inside: WorldCore's fields are public only to its sibling modules.
const noSimWorld = {
  regex: "^(@/lib/sim/world(/|$)|(\\.\\./)+(lib/)?sim/world(/|$))",
  message:
    "Import the engine from @/lib/sim/engine: lib/sim/world/ is its inside (WorldCore and its fields are no API, ADR 0018).",
};
// The Prisma client, whichever way it is reached.
const noDatabaseClient = {
  regex: "^((@/|(\\.\\./)+)lib/(db|db-client)(\\.ts)?$|(@/|(\\.\\./)+)\\.generated(/|$))",
  message:
    "Pages, route handlers and actions never touch the database: call a named function in lib/ that takes the acting user and filters by what they may see.",
};

// Links prefetch when reached for, not on sight (app/_components/link.tsx says why).
const noNextLink = {
  name: "next/link",
  message: 'Import { Link } from "@/app/_components/link": it prefetches a page when the reader reaches for its link.',
};

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
    // Every file in lib/, tests too. lib/sim's own object below comes after
    // this one on purpose: in a flat config the later object's
    // no-restricted-imports replaces this one for the files both match, and
    // lib/sim's allow-list already refuses app/ and scripts/.
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noApp, noScripts, noSimWorld] }],
    },
  },
  {
    // The engine's and the lab's tests run once, not again on PostgreSQL
    // (scripts/test-postgres.ts): they must not reach for a database.
    files: ["lib/sim/**/*.test.ts", "lib/lab/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            noApp,
            noScripts,
            noSimWorld,
            {
              regex: noDatabaseClient.regex,
              message:
                "The engine's and the lab's tests use no database: npm run test:postgres skips them (scripts/test-postgres.ts).",
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
    // Pages, layouts, route handlers, actions and components ask lib/ for
    // data; the test-only routes (app/_testing) and tests may seed and read
    // the database directly.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/_testing/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [noNextLink], patterns: [noDatabaseClient, noSimWorld] }],
    },
  },
  {
    // The one place next/link is wrapped.
    files: ["app/_components/link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noDatabaseClient, noSimWorld] }],
    },
  },
  {
    files: ["scripts/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noSimWorld] }],
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
