import type { Metadata } from "next";
import Link from "next/link";
import { allClaims, type Claim } from "@/lib/claims";
import { SOURCE_KEYS, SOURCES } from "@/lib/sources";

export const metadata: Metadata = { title: "Sources" };

/** Claims grouped by the area of the app that makes them. */
function ClaimList({ claims }: { claims: Claim[] }) {
  const areas = [...new Set(claims.map((c) => c.area))];
  return (
    <div className="space-y-3">
      {areas.map((area) => (
        <div key={area}>
          <h3 className="font-semibold">{area}</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {claims
              .filter((c) => c.area === area)
              .map((c) => (
                <li key={c.text}>{c.text}</li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

export default function SourcesPage() {
  const claims = allClaims();
  const invented = claims.filter((c) => c.source === "invented");
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">Sources</h1>
      <p className="text-muted">
        Every historical claim in Spravka names one of these sources; under each, the claims in the app that rest on it.
        Where the sources are silent, the app says it has invented something (a character&rsquo;s name, how many hours a
        task takes, how much a letter&rsquo;s grounds change the odds) — those are listed at the end. Words of the time
        are explained in the{" "}
        <Link href="/glossary" className="text-accent underline">
          glossary
        </Link>
        .
      </p>
      <ul className="space-y-4">
        {SOURCE_KEYS.map((key) => {
          const resting = claims.filter((c) => c.source === key);
          return (
            <li key={key} id={key} className="card scroll-mt-4 space-y-2">
              <p className="font-mono text-sm text-muted">{key}</p>
              <h2 className="font-semibold">{SOURCES[key].title}</h2>
              <p className="text-sm text-muted">Weight: {SOURCES[key].weight}</p>
              {resting.length > 0 ? (
                <details>
                  <summary className="cursor-pointer text-accent">
                    {resting.length} claims in the app rest on it
                    <span className="sr-only"> ({SOURCES[key].short})</span>
                  </summary>
                  <div className="mt-2">
                    <ClaimList claims={resting} />
                  </div>
                </details>
              ) : (
                <p className="text-sm text-muted">No claim in this version of the app rests on it yet.</p>
              )}
            </li>
          );
        })}
        <li id="invented" className="card scroll-mt-4 space-y-2">
          <h2 className="font-semibold">Invented for this game</h2>
          <p className="text-sm text-muted">
            Where the sources give a direction but no size, or nothing at all, the game chose — and says so.
          </p>
          <details>
            <summary className="cursor-pointer text-accent">{invented.length} invented figures and rules</summary>
            <div className="mt-2">
              <ClaimList claims={invented} />
            </div>
          </details>
        </li>
      </ul>
    </div>
  );
}
