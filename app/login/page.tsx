import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/authz";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { LoginForm } from "@/app/login/login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const justCreated = params.created === "1";
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Sign in</h1>
        <p className="mt-2 text-muted">For instructors. Students join a class with a code and don’t need an account.</p>
      </div>
      {justCreated ? (
        <p
          role="status"
          className="rounded-md border border-accent/40 bg-accent-soft px-4 py-3 font-medium text-accent-strong"
        >
          Your account was created. Sign in to continue.
        </p>
      ) : null}
      <div className="card">
        <LoginForm callbackUrl={callbackUrl} />
      </div>
      <p className="text-muted">
        New here?{" "}
        <Link href="/signup" className="font-semibold text-accent">
          Create an instructor account
        </Link>
      </p>
    </div>
  );
}
