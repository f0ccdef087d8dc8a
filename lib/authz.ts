import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";

export type SessionUser = { id: string; name: string; email: string; role: string };

/** Why a request was refused; actions turn it into a typed error, pages into a redirect. */
export class AccessDenied extends Error {
  constructor(readonly reason: "unauthenticated" | "forbidden") {
    super(reason === "unauthenticated" ? "Please sign in." : "You do not have access to this.");
    this.name = "AccessDenied";
  }
}

/**
 * The signed-in user, read fresh from the database (the session cookie only
 * names the user), or null. Every protected page, action and route calls
 * this through the functions below: layouts and UI checks are convenience only.
 * Cached per request, as the header and the page both ask.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sessionId = session?.user?.sessionId;
  if (!id || !sessionId) return null;
  // The cookie is only a claim: the session must still be open on the server (lib/auth/sessions.ts).
  const open = await db.instructorSession.findUnique({
    where: { id: sessionId },
    select: { userId: true, expiresAt: true, user: { select: { id: true, name: true, email: true, role: true } } },
  });
  if (!open || open.userId !== id || open.expiresAt.getTime() <= Date.now()) return null;
  return open.user;
});

/** For server actions and route handlers: the user, or an AccessDenied error. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AccessDenied("unauthenticated");
  return user;
}

export async function requireInstructor(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "instructor") throw new AccessDenied("forbidden");
  return user;
}

/**
 * For pages: the instructor, or a redirect to sign-in that comes back to
 * `returnTo` afterwards. A signed-in user without the role sees "not found".
 */
export async function requireInstructorPage(returnTo: string): Promise<SessionUser> {
  try {
    return await requireInstructor();
  } catch (error) {
    if (error instanceof AccessDenied) {
      if (error.reason === "unauthenticated") redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
      notFound();
    }
    throw error;
  }
}
