import { ReturnCardView } from "@/app/_components/return-card";
import { StepsTable } from "@/app/_components/steps-table";
import { SourceTag } from "@/app/_components/source-tag";
import { daysText } from "@/lib/runs/days-text";
import type { DeskReveal, Reveal } from "@/lib/runs/seat-view/reveal";

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
          ? "At the time you saw only what came back. Here is every step your case took: where each letter went, who held it and for how long, and what was decided; and, if the person was freed, what coming home meant."
          : "Here is every step the cases on your desk took, from the first letter to the last decision, including what happened before a file reached you and after it left."}
      </p>
      {reveal.desk ? <DeskSummary desk={reveal.desk} solo={reveal.solo} /> : null}
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
            <StepsTable caption={`Every step of ${c.label}`} steps={c.steps} />
          )}
          {c.stillHeld ? (
            <p className="font-medium">
              {c.stillHeld.text} <SourceTag source={c.stillHeld.source} />
            </p>
          ) : null}
          {c.returnCard ? (
            <ReturnCardView card={c.returnCard} id={`return-card-${c.index}`} caseLabel={c.label} />
          ) : null}
        </div>
      ))}
    </section>
  );
}

/** A procurator's desk over the run: decisions, hours by kind, the inbox's waits, beside the computer's desks. */
function DeskSummary({ desk, solo }: { desk: DeskReveal; solo: boolean }) {
  return (
    <div className="card space-y-3">
      <h3 className="font-semibold">Your desk over the run</h3>
      <p>
        {desk.decisions.length === 0
          ? "You recorded no decision."
          : `You decided: ${desk.decisions.map((d) => `${d.count} × ${d.label}`).join("; ")}.`}
      </p>
      {desk.hours.length > 0 ? (
        <div>
          <p>Where your hours went:</p>
          <ul className="list-disc pl-5">
            {desk.hours.map((h) => (
              <li key={h.label}>
                {h.label}: {h.hours} {h.hours === 1 ? "hour" : "hours"}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>
        {/* Alone, no classmate writes: the inbox only ever holds letters from students playing petitioners. */}
        {desk.inbox.letters === 0
          ? solo
            ? "Played alone, no classmate wrote to your desk: in a class, the students playing petitioners write here."
            : "No classmate's letter reached your desk."
          : `${desk.inbox.letters} ${desk.inbox.letters === 1 ? "classmate's letter" : "classmates' letters"} reached your desk; they waited ${daysText(desk.inbox.meanWaitDays ?? 0)} on average for your decision, the longest ${daysText(desk.inbox.longestWaitDays ?? 0)}.`}
      </p>
      <p>
        From a file reaching the commission to its decision (median, files still waiting counted as waiting): your desk{" "}
        {desk.medianDaysToDecision.yours}; the computer&rsquo;s desks in the rest of the province{" "}
        {desk.medianDaysToDecision.computer}.
      </p>
    </div>
  );
}
