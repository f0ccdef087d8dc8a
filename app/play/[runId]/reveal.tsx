import type { Reveal } from "@/lib/runs/seat-view/reveal";

/**
 * The end of the run: what really happened to the student's case(s), every
 * step with its date and who took it, beside the desk's own record of what
 * they saw at the time. A classmate who held a letter is named, as is the
 * computer's office that did.
 */
export function RevealSection({ reveal }: { reveal: Reveal }) {
  return (
    <section aria-labelledby="reveal-heading" className="space-y-4">
      <h2 id="reveal-heading" className="text-2xl font-bold">
        Behind the curtain: what really happened
      </h2>
      <p className="max-w-3xl">
        {reveal.role === "petitioner"
          ? "At the time you saw only what came back. Here is every step your case took: where each letter went, who held it and for how long, and what was decided."
          : "Here is every step the cases on your desk took, from the first letter to the last decision, including what happened before a file reached you and after it left."}
      </p>
      {reveal.cases.map((c) => (
        <div key={c.index} className="card space-y-2">
          <h3 className="font-semibold">
            {c.label}: {c.outcome}
          </h3>
          {c.letters.length > 0 ? (
            <ul className="list-disc space-y-1 pl-5">
              {c.letters.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          {c.steps.length === 0 ? (
            <p className="text-muted">Nothing happened to this case during the run.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Every step of {c.label}</caption>
                <thead>
                  <tr className="border-b border-line">
                    <th scope="col" className="py-1 pr-3">
                      When
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      What happened
                    </th>
                    <th scope="col" className="py-1">
                      Who
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.steps.map((s, k) => (
                    <tr key={k} className="border-b border-line/60">
                      <td className="py-1 pr-3 whitespace-nowrap">
                        <time dateTime={s.date}>{s.dateLabel}</time>
                      </td>
                      <td className="py-1 pr-3">{s.what}</td>
                      <td className="py-1">{s.who}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
