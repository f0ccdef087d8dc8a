import type { Metadata } from "next";
import { configFromQuery } from "@/lib/lab/config";
import { Lab } from "./lab";

export const metadata: Metadata = { title: "What-if lab" };

/** The what-if lab: anyone, no account. The configuration lives in the address. */
export default async function LabPage({ searchParams }: PageProps<"/lab">) {
  const raw = await searchParams;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") query.set(k, v);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">What-if lab</h1>
        <p className="max-w-3xl text-muted">
          Take a scenario, change how many procurators there were, how late the camps&rsquo; lists came, how hard the
          pressure against acquittals was — and run it. The simulation runs in your browser; compare up to four runs
          side by side, and share a configuration as a link.
        </p>
      </header>
      <Lab initial={configFromQuery(query)} autorun={query.get("run") === "1"} />
    </div>
  );
}
