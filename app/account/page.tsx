import type { Metadata } from "next";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/policy";
import { requireInstructorPage } from "@/lib/authz";
import { ChangePasswordForm } from "@/app/account/change-password-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const user = await requireInstructorPage("/account");
  const { changed } = await searchParams;
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-bold">Account</h1>
      <dl className="card grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">Name</dt>
        <dd>{user.name}</dd>
        <dt className="font-semibold">Email</dt>
        <dd className="break-all">{user.email}</dd>
      </dl>
      <section aria-labelledby="password-heading" className="card space-y-4">
        <h2 id="password-heading" className="text-xl font-semibold">
          Change password
        </h2>
        {changed === "1" ? (
          <p role="status" className="font-medium text-accent">
            Your password has been changed. Any other device signed in to this account has been signed out.
          </p>
        ) : null}
        <ChangePasswordForm minPasswordLength={MIN_PASSWORD_LENGTH} />
      </section>
    </div>
  );
}
