import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { redirect } from "next/navigation";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/policy";
import { getSessionUser } from "@/lib/authz";
import { SignUpForm } from "@/app/signup/signup-form";

export const metadata: Metadata = { title: "Create an instructor account" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/runs");
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Create an instructor account</h1>
        <p className="mt-2 text-muted">
          You need an account to run a class. Your students never do: they join with a code and a display name.
        </p>
      </div>
      <div className="card">
        <SignUpForm minPasswordLength={MIN_PASSWORD_LENGTH} />
      </div>
      <p className="text-muted">
        Already have an account?{" "}
        <Link href="/login" className="font-semibold text-accent">
          Sign in
        </Link>
      </p>
    </div>
  );
}
