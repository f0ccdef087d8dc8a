"use client";

import { Link } from "@/app/_components/link";
import { useServerAway } from "./_components/use-server-away";

/**
 * Shown when a page fails. Production builds never send stack traces to the browser; only a reference.
 * When the cause is the server being away (restarting mid-lesson), the page says it is reconnecting,
 * as a student's desk does, and comes back by itself.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const away = useServerAway();
  if (away)
    return (
      <div className="max-w-xl space-y-4">
        <h1 className="text-3xl font-bold">Spravka is reconnecting</h1>
        <p role="status" className="font-semibold">
          Offline — reconnecting…
        </p>
        <p className="text-muted">
          The server is not answering (it may be restarting). This page comes back by itself when it does; nothing in
          the run is lost.
        </p>
      </div>
    );
  return (
    <div className="max-w-xl space-y-4" role="alert">
      <h1 className="text-3xl font-bold">Something went wrong</h1>
      <p className="text-muted">
        Spravka could not show this page. Nothing you entered has been lost on the server. Try again, and if it keeps
        happening, tell whoever runs this installation
        {error.digest ? (
          <>
            {" "}
            and give them this reference: <code className="font-mono">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <div className="flex flex-wrap gap-3">
        <button type="button" className="btn btn-primary" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="btn btn-secondary">
          Go to the start page
        </Link>
      </div>
    </div>
  );
}
