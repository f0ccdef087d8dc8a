import Link from "next/link";
import type { ReactNode } from "react";

/** An honest placeholder for a part of Spravka that has not been built yet: no fake data behind it. */
export function ComingSoon({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">{title}</h1>
      <div className="card space-y-3">
        <p className="inline-block rounded bg-accent-soft px-2 py-0.5 text-sm font-semibold text-accent-strong">
          Coming
        </p>
        <div className="space-y-3 text-muted">{children}</div>
      </div>
      <p>
        <Link href="/" className="font-semibold text-accent">
          Back to the start page
        </Link>
      </p>
    </div>
  );
}
