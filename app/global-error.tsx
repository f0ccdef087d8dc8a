"use client";

import "./globals.css";

/** Last resort when the root layout itself fails: it must render its own <html>. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="font-sans">
        <main className="mx-auto max-w-xl space-y-4 px-4 py-12" role="alert">
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
        </main>
      </body>
    </html>
  );
}
