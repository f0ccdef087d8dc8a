import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\/(.*)$/, replacement: path.resolve(import.meta.dirname, "$1") },
      // `server-only` throws outside React Server Components; tests are server code already.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts") },
    ],
  },
  test: {
    include: ["{app,lib,machines,scripts,prisma}/**/*.test.{ts,tsx}"],
    environment: "node",
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-db.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // expect.poll waits for something asynchronous (the live hub's next delivery, a commit): Vitest's
    // 1 s default was too short on a busy CI machine. What never happens still fails, after 10 s.
    expect: { poll: { timeout: 10_000 } },
  },
});
