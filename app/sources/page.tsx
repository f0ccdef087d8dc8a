import type { Metadata } from "next";
import { SOURCE_KEYS, SOURCES } from "@/lib/sources";

export const metadata: Metadata = { title: "Sources" };

export default function SourcesPage() {
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">Sources</h1>
      <p className="text-muted">
        Every historical claim in Spravka names one of these sources. Where the sources are silent, the app says that it
        has invented something (for example, a character’s name) and labels it as a composite.
      </p>
      <ul className="space-y-4">
        {SOURCE_KEYS.map((key) => (
          <li key={key} id={key} className="card scroll-mt-4">
            <p className="font-mono text-sm text-muted">{key}</p>
            <p className="mt-1 font-semibold">{SOURCES[key].title}</p>
            <p className="mt-1 text-sm text-muted">Weight: {SOURCES[key].weight}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
