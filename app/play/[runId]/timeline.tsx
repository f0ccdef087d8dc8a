"use client";

import { Document, DocumentText, dateRow } from "@/app/_components/document";
import { SourceTag } from "@/app/_components/source-tag";
import { playerName } from "@/lib/runs/seat-view/player-name";
import type { CaseView, LetterView, SeatView } from "@/lib/runs/seat-view/views";

// Shown once a petitioner has sent or received something: the desk (seat-desk.tsx) loads this code then.

type TimelineEntry =
  | { kind: "sent"; date: string; letter: LetterView }
  | { kind: "received"; date: string; id: string; item: NonNullable<CaseView["received"]>[number]; caseLabel: string };

/** The petitioner's own record: what they sent and what came back, in order, to keep (print view). */
export function Timeline({ letters, cases, view }: { letters: LetterView[]; cases: CaseView[]; view: SeatView }) {
  const entries: TimelineEntry[] = [
    ...letters.map((letter) => ({ kind: "sent" as const, date: letter.date, letter })),
    ...cases.flatMap((c) =>
      (c.received ?? []).map((item, k) => ({
        kind: "received" as const,
        date: item.date,
        id: `${c.index}-${k}`,
        item,
        caseLabel: c.label,
      })),
    ),
  ].sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === "sent" ? -1 : 1));
  return (
    <section aria-labelledby="timeline-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="timeline-heading" className="text-xl font-semibold">
          Your timeline
        </h2>
        <button type="button" className="btn btn-secondary print:hidden" onClick={() => window.print()}>
          Print or save my timeline
        </button>
      </div>
      {/* The answers are composites: their tag says what they rest on, not that the words are on record. */}
      <p className="max-w-3xl text-muted">
        The papers that come back are written for this game in the sources&rsquo; terms; only words in quotation marks
        are a source&rsquo;s.
      </p>
      {/* On paper, say whose timeline this is and how it ended. */}
      <div className="hidden print:block">
        <p className="font-semibold">
          {view.character ? `${view.character.name} — ` : ""}
          {playerName(view.seat.displayName, view.solo) === null
            ? "played alone"
            : `played by ${view.seat.displayName}`}
          , seat {view.seat.number}
        </p>
        <p>
          {view.run.title} · {view.run.scenarioTitle}
        </p>
        {cases.map((c) => (
          <p key={c.index}>
            {c.label} ({c.article}, {c.termYears} years): {c.outcome === "pending" ? c.stageLabel : c.outcomeLabel}
          </p>
        ))}
      </div>
      <ol className="space-y-4">
        {entries.map((e) =>
          e.kind === "sent" ? (
            <li key={e.letter.id}>
              <Document
                id={`letter-${e.letter.id}`}
                title={`Letter to ${e.letter.addresseeLabel}`}
                meta={[
                  dateRow(e.letter),
                  ["About", e.letter.caseLabel],
                  ["Asking for", e.letter.askLabel],
                  ["Grounds", e.letter.groundsLabel],
                  ["Sent", e.letter.carrierLabel],
                ]}
              >
                <DocumentText text={e.letter.body} />
              </Document>
            </li>
          ) : (
            <li key={e.id}>
              <Document id={`received-${e.id}`} title={e.item.title} meta={[dateRow(e.item), ["About", e.caseLabel]]}>
                <p className="border-t border-paper-line pt-3">
                  {e.item.text}
                  {e.item.source ? <SourceTag source={e.item.source} /> : null}
                </p>
                {/* The app's voice, not the paper's: what a person in this position could try next. */}
                <aside
                  aria-label={`What could you try now? (${e.item.title})`}
                  className="mt-3 rounded-md border border-line bg-surface px-3 py-2 font-sans text-sm"
                >
                  <p className="font-semibold">What could you try now?</p>
                  <p>
                    {e.item.nextStep.text}
                    <SourceTag source={e.item.nextStep.source} />
                  </p>
                  {/* What the game itself does, apart from the history and labelled as the game's rule. */}
                  {e.item.nextStep.game ? (
                    <p className="mt-1">
                      {e.item.nextStep.game}
                      <SourceTag source="invented" />
                    </p>
                  ) : null}
                </aside>
              </Document>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
