import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface User {
    /** Copied into the token at sign-in; see lib/authz.ts. */
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; sessionVersion: number } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sessionVersion?: number;
  }
}
