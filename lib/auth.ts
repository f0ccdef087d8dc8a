import "server-only";
import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/auth/client-address";
import { closeSession, openSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { verifyCredentials } from "@/lib/auth/verify-credentials";

/** Thrown from `authorize`; `code` tells the sign-in form which message to show. */
export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid";
}
export class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
}

// Instructors sign in with email + password. Credentials sign-in requires
// JWT sessions in Auth.js. The cookie names a session row kept on the server
// (lib/auth/sessions.ts): lib/authz.ts re-reads the row and the user on every
// request, so signing out, a password change or a deleted account ends access
// at once (ADR 0003, ADR 0019).
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await verifyCredentials(credentials, clientAddress(request.headers));
        if (result.ok) {
          const { id, name, email } = result.user;
          return { id, name, email };
        }
        if (result.error === "rate_limited") throw new TooManyAttempts();
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // Only at sign-in does `user` arrive: that is when this browser's session row opens.
      if (user?.id) {
        token.sub = user.id;
        token.sid = await openSession(user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await closeSession(sid);
    },
  },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      // An expired or tampered cookie just means "not signed in".
      if (error instanceof AuthError && error.type === "JWTSessionError") {
        console.warn("Ignored an invalid session cookie.");
        return;
      }
      console.error(error);
    },
  },
});
