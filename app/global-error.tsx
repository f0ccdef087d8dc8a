"use client";

import { useServerAway } from "./_components/use-server-away";
import "./globals.css";

/**
 * Last resort when the root layout itself fails: it must render its own
 * <html>. The usual cause in a lesson is the server restarting while a page
 * was refreshing itself: then the page says so, as a student's desk does
 * ("Offline — reconnecting…"), and reloads by itself once the server
 * answers. A real fault (the server answers at once) keeps the plain
 * message and the Try again button.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const offline = useServerAway();
  return (
    <html lang="en">
      <body className="font-sans">
        <main className="mx-auto max-w-xl space-y-4 px-4 py-12">
          {offline ? (
            <>
              <h1 className="text-3xl font-bold">Spravka is reconnecting</h1>
              <p role="status" className="font-semibold">
                Offline — reconnecting…
              </p>
              <p className="text-muted">
                The server is not answering (it may be restarting). This page comes back by itself when it does; nothing
                in the run is lost.
              </p>
            </>
          ) : (
            <div role="alert" className="space-y-4">
              <h1 className="text-3xl font-bold">Spravka is having trouble</h1>
              <p className="text-muted">
                The app could not load. Try again in a moment.
                {error.digest ? (
                  <>
                    {" "}
                    Reference: <code className="font-mono">{error.digest}</code>
                  </>
                ) : null}
              </p>
              <button type="button" className="btn btn-primary" onClick={reset}>
                Try again
              </button>
            </div>
          )}
        </main>
      </body>
    </html>
  );
}
