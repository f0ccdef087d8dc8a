import { Link } from "@/app/_components/link";
import { getSessionUser } from "@/lib/authz";
import { signOutAction } from "@/app/actions";

export async function SiteHeader() {
  const user = await getSessionUser();
  return (
    <header className="border-b border-line bg-surface print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-xl font-bold tracking-tight text-ink no-underline">
          Spravka
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap items-center gap-x-5 gap-y-1 text-base">
            <li>
              <Link href="/join" className="text-ink hover:text-accent">
                Join a class
              </Link>
            </li>
            <li>
              <Link href="/explore" className="text-ink hover:text-accent">
                Explore
              </Link>
            </li>
            <li>
              <Link href="/scenarios" className="text-ink hover:text-accent">
                Scenarios
              </Link>
            </li>
            {user ? (
              <>
                <li>
                  <Link href="/runs" className="text-ink hover:text-accent">
                    My runs
                  </Link>
                </li>
                <li>
                  <Link href="/account" className="text-ink hover:text-accent">
                    Account
                  </Link>
                </li>
                <li>
                  <form action={signOutAction}>
                    <button type="submit" className="cursor-pointer text-ink underline hover:text-accent">
                      Sign out
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <li>
                <Link href="/login" className="text-ink hover:text-accent">
                  Sign in
                </Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
