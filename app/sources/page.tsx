import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { CiteThis } from "@/app/_components/cite-this";
import { SourceTag } from "@/app/_components/source-tag";
import { allClaims, type Claim } from "@/lib/claims";
import {
  authorName,
  citationText,
  howToCite,
  listed,
  SOURCE_KEYS,
  SOURCES,
  withSourceNames,
  type Citation,
  type SourceKey,
} from "@/lib/sources";
import { CONFLICT_KIND_LABELS, CONFLICTS, conflictAnchor, type Conflict } from "@/lib/sources/conflicts";

export const metadata: Metadata = { title: "Sources" };

/** "1 claim", "2 claims". */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Claims grouped by the area of the app that makes them. */
function ClaimList({ claims }: { claims: Claim[] }) {
  const areas = [...new Set(claims.map((c) => c.area))];
  return (
    <div className="space-y-3">
      {areas.map((area) => (
        <div key={area}>
          <h4 className="font-semibold">{area}</h4>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {claims
              .filter((c) => c.area === area)
              .map((c) => (
                <li key={c.text}>{withSourceNames(c.text)}</li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** A source's full citation: only what the project's copy records, and a plain word on what it does not. */
function SourceCard({ sourceKey, claims }: { sourceKey: SourceKey; claims: Claim[] }) {
  const source = SOURCES[sourceKey];
  const c: Citation = source.citation;
  const author = authorName(c, "given-first");
  const fields: [label: string, value: string | null | undefined][] = [
    ["Author", author],
    ["Title", `“${c.title}”`],
    ["Kind", c.kind],
    ["Published in", c.publishedIn],
    ["Year", c.year?.toString()],
    ["Pages", c.pages],
    ["Web address", c.url],
    ["Weight", source.weight],
  ];
  const rows = fields.filter((f): f is [string, string] => Boolean(f[1]));
  const resting = claims.filter((claim) => claim.source === sourceKey);
  // A source that gives a reading in a conflict is used by the app even where no claim rests on it alone.
  const citing = CONFLICTS.filter((conflict) => conflict.readings.some((r) => r.source === sourceKey));
  return (
    <li id={sourceKey} className="card scroll-mt-4 space-y-3">
      <h3 className="text-lg font-semibold">
        {author ? `${author}, ` : ""}“{c.title}”
      </h3>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
      {c.notRecorded.length > 0 ? (
        <p className="text-sm text-muted">
          Not recorded in Spravka&rsquo;s copy: {listed(c.notRecorded)}. They are left out here rather than guessed.
        </p>
      ) : null}
      <p className="text-sm">
        <strong className="font-semibold">How to cite this source:</strong> {howToCite(sourceKey)}
      </p>
      <CiteThis id={`cite-${sourceKey}`} text={citationText(sourceKey)} name={source.short} />
      {resting.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-accent">
            {count(resting.length, "claim in the app rests", "claims in the app rest")} on it
            <span className="sr-only"> ({source.short})</span>
          </summary>
          <div className="mt-2">
            <ClaimList claims={resting} />
          </div>
        </details>
      ) : null}
      {citing.length > 0 ? (
        <div className="text-sm">
          <p>
            It gives {citing.length === 1 ? "a reading" : "readings"} in{" "}
            {count(citing.length, "place where the sources disagree", "places where the sources disagree")}:
          </p>
          <ul className="list-disc pl-5">
            {citing.map((conflict) => (
              <li key={conflict.id}>
                <a href={`#${conflictAnchor(conflict.id)}`} className="text-accent underline">
                  {conflict.topic}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {resting.length === 0 && citing.length === 0 ? (
        <p className="text-sm text-muted">No claim in this version of the app rests on it yet.</p>
      ) : null}
      <p className="text-xs text-muted">
        Key in Spravka&rsquo;s data files: <code>{sourceKey}</code>
      </p>
    </li>
  );
}

/** One conflict: every reading with its source, what to make of it, and where the app shows the figure. */
function ConflictCard({ conflict }: { conflict: Conflict }) {
  const headingId = `${conflictAnchor(conflict.id)}-heading`;
  return (
    <li>
      <article id={conflictAnchor(conflict.id)} aria-labelledby={headingId} className="card scroll-mt-4 space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wider text-muted">
          {CONFLICT_KIND_LABELS[conflict.kind]}
        </p>
        <h3 id={headingId} className="text-lg font-semibold">
          {conflict.topic}
        </h3>
        <ul className="list-disc space-y-1 pl-5">
          {conflict.readings.map((r, i) => (
            <li key={i}>
              <strong>{r.value}</strong> — {r.statement}
              {r.calc ? (
                <span className="text-muted">
                  {" "}
                  (Arithmetic on the source&rsquo;s figures:{" "}
                  {r.calc.parts.map((p) => p.toLocaleString("en")).join(" + ")} = {r.calc.total.toLocaleString("en")}.)
                </span>
              ) : null}
              <SourceTag source={r.source} />
              {/* For a teacher checking: where the project's notes on the sources record it. */}
              <span className="ml-1 text-xs text-muted">
                (notes, {r.briefLines.length === 1 ? `line ${r.briefLines[0]}` : `lines ${r.briefLines.join("–")}`})
              </span>
            </li>
          ))}
        </ul>
        <p>{conflict.note}</p>
        {conflict.concerns.length > 0 ? (
          <div className="text-sm">
            <p className="font-semibold">Where the app shows it</p>
            <ul className="list-disc pl-5">
              {conflict.concerns.map((k) => (
                <li key={k.ref}>
                  {k.href ? (
                    <Link href={k.href} className="text-accent underline">
                      {k.label}
                    </Link>
                  ) : (
                    k.label
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-sm text-muted">The app does not show this figure; it is here so you meet it prepared.</p>
        )}
      </article>
    </li>
  );
}

export default function SourcesPage() {
  const claims = allClaims();
  const invented = claims.filter((c) => c.source === "invented");
  const common = claims.filter((c) => c.source === "common-usage");
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">Sources</h1>
        <p className="text-muted">
          Every historical claim in Spravka names one of these sources; under each, its full citation, a version to copy
          into your own work, and the claims in the app that rest on it. Where the sources disagree, the app shows the
          disagreement instead of picking a side. Where they are silent, the app says it has invented something (a
          character&rsquo;s name, how many hours a task takes, how much a letter&rsquo;s grounds change the odds). Words
          of the time are explained in the{" "}
          <Link href="/glossary" className="text-accent underline">
            glossary
          </Link>
          .
        </p>
        <nav aria-label="On this page">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <li>
              <a href="#the-sources" className="text-accent underline">
                The sources
              </a>
            </li>
            <li>
              <a href="#conflicts" className="text-accent underline">
                Where the sources disagree
              </a>
            </li>
            <li>
              <a href="#invented" className="text-accent underline">
                Invented for this game
              </a>
            </li>
            <li>
              <a href="#common-usage" className="text-accent underline">
                Common usage
              </a>
            </li>
          </ul>
        </nav>
      </div>

      <section id="the-sources" aria-labelledby="the-sources-heading" className="scroll-mt-4 space-y-4">
        <h2 id="the-sources-heading" className="text-2xl font-semibold">
          The sources
        </h2>
        <ul className="space-y-4">
          {SOURCE_KEYS.map((key) => (
            <SourceCard key={key} sourceKey={key} claims={claims} />
          ))}
        </ul>
      </section>

      <section id="conflicts" aria-labelledby="conflicts-heading" className="scroll-mt-4 space-y-4">
        <h2 id="conflicts-heading" className="text-2xl font-semibold">
          Where the sources disagree
        </h2>
        <p className="text-muted">
          Historians often meet figures that do not match. Here are the ones in Spravka&rsquo;s sources: two sources
          giving different totals, one source whose parts do not add up to its whole, and words that can be read two
          ways. Each says what every source gives and what to make of it; beside the figure in the app, a note links
          here. &ldquo;Notes, line&nbsp;…&rdquo; points teachers to the line of Spravka&rsquo;s own notes on the sources
          that records the reading.
        </p>
        <ul className="space-y-4">
          {CONFLICTS.map((c) => (
            <ConflictCard key={c.id} conflict={c} />
          ))}
        </ul>
      </section>

      <section id="invented" aria-labelledby="invented-heading" className="card scroll-mt-4 space-y-2">
        <h2 id="invented-heading" className="text-2xl font-semibold">
          Invented for this game
        </h2>
        <p className="text-sm text-muted">
          Where the sources give a direction but no size, or nothing at all, the game chose — and says so. Memos and
          papers in the game are written in its own words; only words in quotation marks are a source&rsquo;s.
        </p>
        <details>
          <summary className="cursor-pointer text-accent">
            {count(invented.length, "invented figure or rule", "invented figures and rules")}
          </summary>
          <div className="mt-2">
            <ClaimList claims={invented} />
          </div>
        </details>
      </section>

      <section id="common-usage" aria-labelledby="common-usage-heading" className="card scroll-mt-4 space-y-2">
        <h2 id="common-usage-heading" className="text-2xl font-semibold">
          Common usage, not from the sources
        </h2>
        <p className="text-sm text-muted">
          Words in common use about the camps that none of Spravka&rsquo;s sources uses. They are not invented, but no
          source here vouches for them.
        </p>
        {common.length > 0 ? (
          <ClaimList claims={common} />
        ) : (
          <p className="text-sm text-muted">None in this version of the app.</p>
        )}
      </section>
    </div>
  );
}
