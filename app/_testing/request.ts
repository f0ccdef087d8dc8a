import { CredentialsSignin } from "@auth/core/errors";
import { redirect } from "next/navigation";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { clientAddress } from "@/lib/auth/client-address";
import { closeSession } from "@/lib/auth/sessions";
import { signedInSession } from "@/lib/testing/fixtures";
import { CLIENT_ADDRESS_HEADER } from "@/lib/forwarding";

/**
 * What `next/headers`, `next/cache` and `@/lib/auth` see during a test: the
 * request's session, cookies and headers, set per call by the security
 * suites (app/authorization-matrix.test.ts, app/fuzz.test.ts), which mock
 * those modules with the functions below.
 */
export const current = {
  session: null as null | { user: { id: string; sessionId: string } },
  cookies: new Map<string, string>(),
  headers: new Headers(),
  /** cookies the code under test set, in order */
  setCookies: [] as { name: string; value: string }[],
  revalidated: [] as string[],
};

export function resetRequest(address: string): void {
  current.session = null;
  current.cookies = new Map();
  // As Spravka's server (scripts/serve.ts) sets them after resolving the socket and any trusted proxy.
  current.headers = new Headers({
    [CLIENT_ADDRESS_HEADER]: address,
    "x-forwarded-for": address,
    "x-forwarded-host": "localhost:3000",
    host: "localhost:3000",
  });
  current.setCookies = [];
  current.revalidated = [];
}

type CookieInput = string | { name: string; value: string };

const cookieStore = {
  get: (name: string) => {
    const value = current.cookies.get(name);
    return value === undefined ? undefined : { name, value };
  },
  getAll: () => [...current.cookies].map(([name, value]) => ({ name, value })),
  has: (name: string) => current.cookies.has(name),
  set: (input: CookieInput, value?: string) => {
    const cookie = typeof input === "string" ? { name: input, value: value ?? "" } : input;
    current.cookies.set(cookie.name, cookie.value);
    current.setCookies.push({ name: cookie.name, value: cookie.value });
    return cookieStore;
  },
  delete: (name: string) => {
    current.cookies.delete(name);
    return cookieStore;
  },
};

/** Stands in for `cookies()` and `headers()`, which only work inside a real request. */
export const nextHeaders = {
  cookies: async () => cookieStore,
  headers: async () => current.headers,
};

/** Stands in for `revalidatePath`, which needs Next's static generation store. */
export const nextCache = {
  revalidatePath: (path: string) => {
    current.revalidated.push(path);
  },
  revalidateTag: () => {},
};

type SignInOptions = { email?: unknown; password?: unknown; redirectTo?: string };

class InvalidCredentials extends CredentialsSignin {
  override code = "invalid";
}
class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
}

/** Auth.js's own route handlers, as far as these suites go: they only check that the route hands requests to them. */
export const authHandlers = {
  GET: async () => new Response(null, { status: 204 }),
  POST: async () => new Response(null, { status: 204 }),
};

/**
 * Stands in for lib/auth.ts (Auth.js does not load under Vitest: it imports
 * "next/server" in a way only Next's bundler resolves). `auth()` returns the
 * test's session. `signIn` does what Auth.js's credentials sign-in does for
 * a server action, against the real database: checks the password and the
 * rate limit (lib/auth/verify-credentials.ts, as lib/auth.ts's `authorize`
 * does), throws CredentialsSignin on failure, redirects on success.
 */
export const authModule = {
  handlers: authHandlers,
  InvalidCredentials,
  TooManyAttempts,
  auth: async () => current.session,
  signIn: async (_provider: string, options: SignInOptions) => {
    const result = await verifyCredentials(
      { email: options.email, password: options.password },
      clientAddress(current.headers),
    );
    if (!result.ok) throw result.error === "rate_limited" ? new TooManyAttempts() : new InvalidCredentials();
    current.session = await signedInSession(result.user.id);
    redirect(options.redirectTo ?? "/");
  },
  signOut: async (options?: { redirectTo?: string }) => {
    if (current.session) await closeSession(current.session.user.sessionId);
    current.session = null;
    redirect(options?.redirectTo ?? "/");
  },
};

/** Stands in for the "next-auth" package, of which the app's actions only use the error classes. */
export async function nextAuthModule() {
  const errors = await import("@auth/core/errors");
  return { AuthError: errors.AuthError, CredentialsSignin: errors.CredentialsSignin };
}
