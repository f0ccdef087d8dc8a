"use client";

import type { ReactNode } from "react";
import { Document, DocumentText, dateRow } from "@/app/_components/document";
import { daysText } from "@/lib/runs/days-text";
import type { InboxLetter } from "@/lib/runs/seat-view/inbox";
import type { CaseView, ProtocolView } from "@/lib/runs/seat-view/views";

// A procurator's records: a petitioner's desk never loads this code (seat-desk.tsx loads it for a procurator).

/** The procurator's record: throughput, backlog, and each decision as the commission's protocol. */
export function Protocols({ protocols, cases }: { protocols: ProtocolView[]; cases: CaseView[] }) {
  const atReview = cases.filter((c) => c.file?.menu).length;
  const undecided = cases.filter((c) => c.outcome === "pending" && c.stage !== "court").length;
  return (
    <section aria-labelledby="protocols-heading" className="space-y-3">
      <h2 id="protocols-heading" className="text-xl font-semibold">
        Your protocols
      </h2>
      <p>
        Decided by you: <strong>{protocols.length}</strong> · files still on your desk: <strong>{undecided}</strong>{" "}
        (ready for review: <strong>{atReview}</strong>)
      </p>
      {protocols.length === 0 ? (
        <p className="text-muted">No decisions yet. Each one you record is written up here as a protocol.</p>
      ) : (
        <ol className="space-y-4">
          {protocols.map((p) => (
            <li key={p.id}>
              <Document
                id={`protocol-${p.id}`}
                title={`Protocol: ${p.caseLabel}`}
                meta={[
                  dateRow(p),
                  ["Decision", p.decisionLabel],
                  ...(p.detail ? [["In detail", p.detail] as [string, string]] : []),
                  ["Present", p.deputy ? "You, and the deputy procurator" : "You alone (the deputy did not take part)"],
                  ["Force", p.final ? "Final: an out-of-court sentence" : "A protest: a court must rule on it"],
                  ...(p.final ? [] : [courtRow(p, cases)]),
                ]}
              >
                <DocumentText text={p.justification} />
              </Document>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A protest's "Court" row: the court's rulings on it so far (they come back as notices), or that it waits. */
function courtRow(p: ProtocolView, cases: CaseView[]): [string, ReactNode] {
  const rulings = cases.find((c) => c.index === p.caseIndex)?.file?.rulings.filter((r) => r.date >= p.date) ?? [];
  if (rulings.length === 0) return ["Court", "Waiting for the court's ruling"];
  return [
    "Court",
    <span key="c">
      {rulings.map((r) => (
        <span key={r.date + r.text} className="block">
          <time dateTime={r.date}>{r.dateLabel}</time>: {r.text}
        </span>
      ))}
    </span>,
  ];
}

/**
 * A procurator's inbox: classmates' letters about the desk's cases, in their
 * own words, once they have reached the commission; the longest waiting first.
 * New arrivals are announced politely (the list itself is not a live region:
 * reading a letter aloud while the student works would interrupt them).
 */
export function Inbox({ letters, solo }: { letters: InboxLetter[]; solo: boolean }) {
  const waiting = letters.filter((l) => !l.answered).length;
  return (
    <section aria-labelledby="inbox-heading" className="card space-y-3">
      <h2 id="inbox-heading" className="text-xl font-semibold">
        Inbox: letters from petitioners
      </h2>
      <p role="status" className="text-sm text-muted">
        {letters.length === 0
          ? solo
            ? "No petitioner's letter has reached you. Played alone, nobody writes here: in a class, the students playing petitioners write letters about the files on your desk, and those that reach the commission arrive here."
            : "No letter about your cases has reached the commission yet. Letters written by classmates about the files on your desk arrive here, if they arrive at all."
          : `${letters.length} ${letters.length === 1 ? "letter has" : "letters have"} reached you; ${waiting} still ${waiting === 1 ? "waits" : "wait"} for your decision on the case.`}
      </p>
      {letters.length > 0 ? (
        <ol className="space-y-3">
          {letters.map((l) => (
            <li key={`${l.caseIndex}-${l.arrivedDay}-${l.fromSeat}`} className="rounded border border-line p-3">
              <p className="text-sm">
                <strong>{l.caseLabel}</strong> · from the petitioner at seat {l.fromSeat} · arrived {l.arrivedLabel} ·{" "}
                {l.answered
                  ? `waited ${daysText(l.waitedDays)} for your decision`
                  : `waiting ${daysText(l.waitedDays)}`}
              </p>
              {l.body === null ? (
                <p className="mt-2 text-sm">
                  Not read yet. Reading it takes a quarter of an hour of your desk&apos;s day:{" "}
                  <a href={`#case-${l.caseIndex}-title`} className="underline">
                    open {l.caseLabel}
                  </a>{" "}
                  and choose &ldquo;Read the petitioner&apos;s letter&rdquo;.
                </p>
              ) : (
                <blockquote className="mt-2 whitespace-pre-wrap border-l-4 border-line pl-3">{l.body}</blockquote>
              )}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
