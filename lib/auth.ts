import "server-only";
import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/auth/client-address";
import { verifyCredentials } from "@/lib/auth/verify-credentials";

/** Thrown from `authorize`; `code` tells the sign-in form which message to show. */
export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid";
}
export class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
}

// Instructors sign in with email + password. Credentials sign-in requires
// JWT sessions in Auth.js; lib/authz.ts re-reads the user from the database
// on every request, so a deleted account, or every session older than a
// password change (sessionVersion), loses access at once (ADR 0003).
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await verifyCredentials(credentials, clientAddress(request.headers));
        if (result.ok) {
          const { id, name, email, sessionVersion } = result.user;
          return { id, name, email, sessionVersion };
        }
        if (result.error === "rate_limited") throw new TooManyAttempts();
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.sessionVersion = token.sessionVersion ?? 0;
      return session;
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
