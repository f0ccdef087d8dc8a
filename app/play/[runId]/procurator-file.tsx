"use client";

import { useState } from "react";
import { Document } from "@/app/_components/document";
import { SourceTag } from "@/app/_components/source-tag";
import {
  detailsBar,
  RECLASSIFIED_MAX_YEARS,
  RECLASSIFY_LABELS,
  RECLASSIFY_TO,
  type DecisionDetails,
  type ReclassifyTo,
} from "@/lib/desk/decisions";
import type { SeatAction } from "@/lib/runs/validation";
import type { CaseView } from "@/lib/runs/seat-view/views";
import type { Decision } from "@/machines/vocabulary";

type File = NonNullable<CaseView["file"]>;
type Decide = Extract<SeatAction, { type: "review.decide" }>;

const hoursText = (h: number) =>
  h === 0.25 ? "a quarter of an hour" : h === 0.5 ? "half an hour" : h === 1 ? "1 hour" : `${h} hours`;

/** A procurator's case file: what it holds and lacks, its papers, the work it allows, the decision with its grounds. */
export function ProcuratorFileView({
  item,
  file,
  idPrefix,
  pending,
  onWork,
  onDecide,
  onInvalid,
}: {
  item: CaseView;
  file: File;
  idPrefix: string;
  pending: boolean;
  onWork: (type: File["work"][number]["type"]) => void;
  /** resolves true if the server recorded the decision */
  onDecide: (action: Decide) => Promise<boolean>;
  /** a problem the form found before sending */
  onInvalid: (text: string) => void;
}) {
  return (
    <div className="space-y-3 font-sans">
      <p className="text-sm">
        {file.origin.text}
        <SourceTag source={file.origin.source} />
      </p>
      {file.known.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {file.known.map((k) => (
            <li key={k}>{k}</li>
          ))}
        </ul>
      ) : null}
      {file.papers.length > 0 ? (
        <details>
          <summary className="cursor-pointer font-semibold text-accent">
            Open the file: {file.papers.length} papers<span className="sr-only"> of {item.label}</span>
          </summary>
          <p className="mt-2 text-xs text-muted">
            Composite papers in the sources&apos; terms; names and details are invented.
          </p>
          <ol className="mt-2 space-y-3">
            {file.papers.map((paper) => (
              <li key={paper.id}>
                <Document id={`${idPrefix}-${paper.id}`} title={paper.title} meta={paper.meta} headingLevel={4}>
                  <p className="border-t border-paper-line pt-3">
                    {paper.text}
                    <SourceTag source={paper.source} />
                  </p>
                </Document>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {file.timeLimit ? (
        <p className="text-sm font-medium">
          {file.timeLimit}
          <SourceTag source="adler-ch3" />
        </p>
      ) : null}
      {file.reviewHours > 0 ? (
        <p className="text-sm">
          Read {file.readHours} of {file.reviewHours} hours{file.deputy ? " · the deputy procurator takes part" : ""}
        </p>
      ) : null}
      {file.work.length > 0 ? (
        <ul className="space-y-2" aria-label={`Work on ${item.label}`}>
          {file.work.map((w) => (
            <li key={w.type}>
              <button
                type="button"
                className="btn btn-secondary w-full"
                disabled={pending || w.bar !== null}
                aria-describedby={w.bar ? `${idPrefix}-${w.type}-bar` : undefined}
                onClick={() => onWork(w.type)}
              >
                {w.label}
                {w.bar ? "" : ` (${hoursText(w.hours)})`}
              </button>
              {w.bar ? (
                <p id={`${idPrefix}-${w.type}-bar`} className="mt-1 text-sm font-medium">
                  {w.bar}
                </p>
              ) : null}
              <p className="mt-1 text-xs text-muted">
                {w.note}
                <SourceTag source={w.source} />
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {file.menu ? (
        <DecisionForm
          item={item}
          menu={file.menu}
          decideBar={file.decideBar}
          idPrefix={idPrefix}
          pending={pending}
          onDecide={onDecide}
          onInvalid={onInvalid}
        />
      ) : null}
    </div>
  );
}

/**
 * The decision on the May 19 menu, with what it names (a reclassification's
 * article and term, a reduction's term) and the written grounds. Each
 * decision comes with the desk's verdict (lib/desk): one that cannot be
 * recorded now says why and cannot be sent. The details are checked here
 * with the server's own rule (detailsBar), so the student hears at once; the
 * server checks everything again.
 */
function DecisionForm({
  item,
  menu,
  decideBar,
  idPrefix,
  pending,
  onDecide,
  onInvalid,
}: {
  item: CaseView;
  menu: NonNullable<File["menu"]>;
  /** why nothing can be recorded now, whichever decision (reading, hours, the clock) */
  decideBar: string | null;
  idPrefix: string;
  pending: boolean;
  onDecide: (action: Decide) => Promise<boolean>;
  onInvalid: (text: string) => void;
}) {
  const [decision, setDecision] = useState<Decision | "">("");
  const [justification, setJustification] = useState("");
  const [toArticle, setToArticle] = useState<ReclassifyTo | "">("");
  const [term, setTerm] = useState("");
  // What the chosen decision is barred by, beyond what bars every decision now (said once, above).
  const chosenBar = menu.find((m) => m.decision === decision)?.bar ?? null;
  const ownBar = chosenBar !== null && chosenBar !== decideBar ? chosenBar : null;
  const barred = ownBar ?? decideBar;
  const describedBy = ownBar ? `${idPrefix}-bar` : decideBar ? `${idPrefix}-decide-bar` : undefined;
  const namesTerm = decision === "reclassification" || decision === "sentenceReduction";
  const maxTerm =
    decision === "reclassification" ? Math.min(item.termYears, RECLASSIFIED_MAX_YEARS) : item.termYears - 1;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!decision) return onInvalid("Choose a decision first.");
    const years = term.trim() === "" ? undefined : Number(term);
    if (namesTerm && years !== undefined && !Number.isInteger(years)) {
      return onInvalid("The new term is a whole number of years.");
    }
    const details: DecisionDetails = {
      ...(decision === "reclassification" && toArticle ? { toArticle } : {}),
      ...(namesTerm && years !== undefined ? { newTermYears: years } : {}),
    };
    const problem = barred ?? detailsBar(decision, details, item);
    if (problem) return onInvalid(problem);
    if (justification.trim().length < 10) {
      return onInvalid("Write the grounds for your decision: a sentence or two on what the file shows.");
    }
    if (await onDecide({ type: "review.decide", decision, justification, ...details })) setJustification("");
  }

  return (
    <form onSubmit={submit} className="space-y-2" aria-label={`Decide ${item.label}`} noValidate>
      {decideBar ? (
        <p id={`${idPrefix}-decide-bar`} className="text-sm font-medium">
          {decideBar}
        </p>
      ) : null}
      <label htmlFor={`${idPrefix}-choice`} className="field-label">
        Decision<span className="sr-only"> on {item.label}</span>
      </label>
      <select
        id={`${idPrefix}-choice`}
        className="field-input"
        value={decision}
        onChange={(e) => setDecision(e.target.value as Decision)}
        aria-describedby={describedBy}
      >
        <option value="" disabled>
          Choose from the May 19 menu…
        </option>
        {menu.map((m) => (
          <option key={m.decision} value={m.decision}>
            {m.label}
            {m.bar && m.bar !== decideBar ? " (not allowed for this case)" : ""}
          </option>
        ))}
      </select>
      {ownBar ? (
        <p id={`${idPrefix}-bar`} className="field-error">
          {ownBar}
        </p>
      ) : null}
      {decision === "reclassification" ? (
        <fieldset className="space-y-2">
          <legend className="field-label">Reclassify to which article?</legend>
          {RECLASSIFY_TO.map((a) => (
            <div key={a} className="flex flex-wrap items-center gap-x-1">
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name={`${idPrefix}-article`}
                  value={a}
                  checked={toArticle === a}
                  onChange={() => setToArticle(a)}
                />
                {RECLASSIFY_LABELS[a].label}
              </label>
              <SourceTag source={RECLASSIFY_LABELS[a].source} newTab />
            </div>
          ))}
        </fieldset>
      ) : null}
      {namesTerm && !ownBar ? (
        <div>
          <label htmlFor={`${idPrefix}-term`} className="field-label">
            {decision === "reclassification" ? "Term under the new article (years)" : "Reduced term (years)"}
          </label>
          <input
            id={`${idPrefix}-term`}
            type="number"
            inputMode="numeric"
            min={1}
            max={Math.max(1, maxTerm)}
            step={1}
            className="field-input w-32"
            value={term}
            onChange={(e) => setTerm(e.target.value)}
            aria-describedby={`${idPrefix}-term-hint`}
          />
          <p id={`${idPrefix}-term-hint`} className="field-hint">
            {decision === "reclassification"
              ? `Five years or fewer brings the March 1953 amnesty into reach (the ruling of 24 September 1954, in the case of one Aksyonov). The sentence now: ${item.termYears} years.`
              : `Shorter than the sentence of ${item.termYears} years. The person stays a convict.`}
          </p>
        </div>
      ) : null}
      <label htmlFor={`${idPrefix}-grounds`} className="field-label">
        Grounds for the decision
      </label>
      <textarea
        id={`${idPrefix}-grounds`}
        className="field-input font-typewriter"
        rows={3}
        maxLength={1000}
        value={justification}
        onChange={(e) => setJustification(e.target.value)}
      />
      <button
        type="submit"
        className="btn btn-primary w-full"
        disabled={pending || barred !== null}
        aria-describedby={describedBy}
      >
        {pending ? "Sending…" : "Record the decision (1 hour)"}
      </button>
    </form>
  );
}
