import "server-only";
import { db } from "@/lib/db";

/** How long a teacher stays signed in on one browser without signing in again. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/**
 * Instructor sessions, kept on the server. Auth.js signs the session cookie
 * (credentials sign-in requires its JWT strategy), but a signed cookie alone
 * cannot be taken back: a copy made before signing out would keep working
 * until it expired. So the cookie only names a row here; signing out deletes
 * the row, a password change deletes all of the teacher's rows, and every
 * request checks the row (lib/authz.ts).
 */
export async function openSession(userId: string, now: Date = new Date()): Promise<string> {
  const [session] = await db.$transaction([
    db.instructorSession.create({
      data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
      select: { id: true },
    }),
    // Housekeeping: expired sessions are useless, so they go whenever a new one opens.
    db.instructorSession.deleteMany({ where: { expiresAt: { lt: now } } }),
  ]);
  return session.id;
}

/** Ends one browser's session (signing out). Unknown ids are ignored: signing out twice is fine. */
export async function closeSession(sessionId: string): Promise<void> {
  await db.instructorSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a teacher, on every browser (a password change). */
export async function closeAllSessions(userId: string): Promise<void> {
  await db.instructorSession.deleteMany({ where: { userId } });
}
