import type { Metadata } from "next";
import { Link } from "@/app/_components/link";
import { LAB_PRESETS, LAB_SCENARIOS, readLabQuery } from "@/lib/lab/config";
import { Lab } from "./lab";

export const metadata: Metadata = { title: "What-if lab" };

/** A name pasted into the address can be any length; quoting its start is enough to recognise it. */
const QUOTED_NAME_MAX = 80;

/** The what-if lab: anyone, no account. The configuration lives in the address. */
export default async function LabPage({ searchParams }: PageProps<"/lab">) {
  const raw = await searchParams;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") query.set(k, v);
  const read = readLabQuery(query);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">What-if lab</h1>
        <p className="max-w-3xl text-muted">
          Take a scenario, change how many procurators there were, how late the camps&rsquo; lists came, how hard the
          pressure against acquittals was — and run it. The simulation runs in your browser; compare up to four runs
          side by side, and share a configuration as a link.
        </p>
        <p className="max-w-3xl">
          For a lesson:{" "}
          <Link href="/lab?preset=category-vs-case" className="text-accent underline">
            {LAB_PRESETS["category-vs-case"].title}
          </Link>{" "}
          — the 1945 amnesty, which freed people by category, beside the national review of one file at a time, with
          questions to discuss.
        </p>
      </header>
      {read.ok ? (
        // Keyed on the address: following a link within the lab (a preset) starts afresh and runs on arrival.
        <Lab key={query.toString()} initial={read.config} autorun={read.autorun} preset={read.preset} />
      ) : (
        <UnknownScenario name={read.unknownScenario} />
      )}
    </div>
  );
}

/** A link naming a scenario that does not exist (mistyped, cut short, or from an older version): say so, offer the list. */
function UnknownScenario({ name }: { name: string }) {
  // By code points, so the cut never splits a character in two.
  const points = Array.from(name);
  const shown = points.length > QUOTED_NAME_MAX ? `${points.slice(0, QUOTED_NAME_MAX).join("")}…` : name;
  return (
    <section aria-labelledby="unknown-scenario-heading" className="card space-y-3">
      <h2 id="unknown-scenario-heading" className="text-xl font-semibold">
        No scenario has that name
      </h2>
      <p>
        The link asks for the scenario &ldquo;
        <bdi className="font-mono">{shown}</bdi>&rdquo;, and the lab has none by that name. The link may have been
        mistyped or cut short. Choose one of these:
      </p>
      <ul className="list-disc space-y-1 pl-6">
        {LAB_SCENARIOS.map((s) => (
          <li key={s.id}>
            <Link href={`/lab?s=${encodeURIComponent(s.id)}`} className="text-accent underline">
              {s.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
