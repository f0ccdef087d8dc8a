import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/.generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/auth/validation";
import { fail, type Result } from "@/lib/failure";
import { invalidInput } from "@/lib/form-errors";

/** Refusals: `invalid` (a field is wrong), `conflict` (the email already has an account). */
export type CreateInstructorResult = Result<{ user: { id: string; name: string; email: string } }>;

export const DUPLICATE_EMAIL_MESSAGE = "An account with this email already exists. Sign in instead.";

/** Creates an instructor account, or says what is wrong with the input; on failure nothing is stored. */
export async function createInstructor(input: unknown): Promise<CreateInstructorResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: invalidInput(parsed.error) };
  const { name, email, password } = parsed.data;

  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return duplicateEmail();

  try {
    const user = await db.user.create({
      data: { name, email, passwordHash: await hashPassword(password), role: "instructor" },
      select: { id: true, name: true, email: true },
    });
    return { ok: true, user };
  } catch (error) {
    // Two sign-ups with the same email at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return duplicateEmail();
    }
    throw error;
  }
}

function duplicateEmail() {
  return fail("conflict", DUPLICATE_EMAIL_MESSAGE, { email: DUPLICATE_EMAIL_MESSAGE });
}
