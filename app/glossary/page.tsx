import type { Metadata } from "next";
import Link from "next/link";
import { GLOSSARY } from "@/lib/glossary";
import { SOURCES } from "@/lib/sources";

export const metadata: Metadata = { title: "Glossary" };

/** The words of the time, in plain English, each with its source. */
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
              <Link href={`/sources#${g.source}`} className="text-sm text-accent underline">
                Source: {SOURCES[g.source].short}
              </Link>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
