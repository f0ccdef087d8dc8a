"use server";

import { signOut } from "@/lib/auth";

/** Ends the session; harmless when nobody is signed in. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}
