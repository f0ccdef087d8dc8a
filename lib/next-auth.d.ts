import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    /** The server-side session this cookie names (lib/auth/sessions.ts); checked on every request by lib/authz.ts. */
    user: { id: string; sessionId?: string } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The InstructorSession row opened at sign-in. */
    sid?: string;
  }
}
