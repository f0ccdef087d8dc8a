import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { SourceConflict } from "@/app/_components/source-conflict";
import { GLOSSARY } from "@/lib/glossary";
import { SOURCES } from "@/lib/sources";

export const metadata: Metadata = { title: "Glossary" };

/** The words of the time, in plain English, each with its source — and where the sources disagree, that too. */
export default function GlossaryPage() {
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">Glossary</h1>
      <p className="text-muted">
        Spravka keeps some Russian words of the time, as historians do. Here is what they — and a few other terms —
        mean. Underlined terms across the app link here.
      </p>
      <dl className="space-y-4">
        {GLOSSARY.map((g) => (
          <div key={g.id} id={g.id} className="card scroll-mt-4">
            <dt className="text-lg font-semibold">
              {g.term}
              {g.russian ? (
                <span lang="ru" className="ml-2 font-normal text-muted">
                  {g.russian}
                </span>
              ) : null}
            </dt>
            <dd className="mt-1">
              {g.text}{" "}
              {g.source === "common-usage" ? (
                <Link href="/sources#common-usage" className="text-sm text-accent underline">
                  Common usage, not from Spravka&rsquo;s sources
                </Link>
              ) : (
                <Link href={`/sources#${g.source}`} className="text-sm text-accent underline">
                  Source: {SOURCES[g.source].short}
                </Link>
              )}
              {(g.also ?? []).map((k) => (
                <span key={k}>
                  {" · "}
                  <Link href={`/sources#${k}`} className="text-sm text-accent underline">
                    Also: {SOURCES[k].short}
                  </Link>
                </span>
              ))}
              {(g.conflicts ?? []).map((c) => (
                <SourceConflict key={c} id={c} className="mt-2" />
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
