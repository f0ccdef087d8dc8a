"use client";

import { Link } from "@/app/_components/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { CiteThis } from "@/app/_components/cite-this";
import { postJson, UNREACHABLE } from "@/app/_components/post-json";
import { SourceTag } from "@/app/_components/source-tag";
import type { ShareRequest, ShareResponse } from "@/lib/api-types";
import { DECISION_LABELS } from "@/lib/labels";
import type { ComparisonRow } from "@/lib/runs/debrief/debrief";
import type { WaitCause } from "@/lib/runs/debrief/case-waits";
import type { CaseTimelineView, CiteView, PersonalView } from "@/lib/runs/debrief/personal";
import type { SeatRole } from "@/lib/runs/deal-cases";
import type { Reveal } from "@/lib/runs/seat-view/reveal";
import type { ProtocolView } from "@/lib/runs/seat-view/views";
import { RevealSection } from "./reveal";

/** One colour per cause, for the bar and the list's swatches (the list says the same in words). */
const CAUSE_COLOURS: Record<WaitCause, string> = {
  notWritten: "bg-slate-300",
  transit: "bg-sky-500",
  deadLetter: "bg-rose-500",
  lists: "bg-amber-400",
  clerks: "bg-lime-600",
  originals: "bg-violet-500",
  desk: "bg-orange-500",
  court: "bg-indigo-600",
  heldAfterRelease: "bg-red-800",
  spravka: "bg-teal-600",
};

const days = (n: number) => (n === 0 ? "less than a day" : n === 1 ? "1 day" : `${n} days`);

/**
 * A self-guided player's debrief once the run has ended: their case(s) day
 * by day, split by what each was waiting for; what happened behind the
 * scenes; a procurator's own decisions; the province beside history; and a
 * read-only link and a citation to take away. On the seat's page (`share`
 * set) it can make the link; on the shared page (`sharedToken` set) it is
 * read-only: no controls, no codes.
 */
export function PersonalDebrief({
  role,
  rows,
  personal,
  reveal,
  protocols,
  share,
  sharedToken,
}: {
  role: SeatRole;
  rows: ComparisonRow[];
  personal: PersonalView;
  /** the reveal of the seat's cases; undefined or null until the page has loaded it */
  reveal: Reveal | null | undefined;
  /** a procurator's own decisions (null for a petitioner) */
  protocols: ProtocolView[] | null;
  /** the seat's own page: the run whose link the seat may make */
  share?: { runId: string };
  /** the shared page: its own token, for the citation's address */
  sharedToken?: string;
}) {
  const readOnly = share === undefined;
  const [token, setToken] = useState<string | null>(sharedToken ?? null);
  const origin = useOrigin();
  const url = token && origin ? `${origin}/shared/${token}` : null;
  return (
    <div className="space-y-8 print:space-y-6">
      {readOnly ? null : <RefreshForReveal waiting={!reveal} />}
      <section aria-labelledby="case-waits-heading" className="card space-y-4 print:break-inside-auto">
        <h2 id="case-waits-heading" className="text-xl font-semibold">
          {personal.timelines.length === 1 ? "This case, day by day" : "Your cases, day by day"}
        </h2>
        <p className="max-w-3xl text-muted">
          Each stretch of time is named by what the case was waiting for. The first tag beside it says where that kind
          of wait is recorded; the second says where its length in this game comes from — often the game&rsquo;s own
          invention, because the sources give no figure.
        </p>
        {personal.timelines.map((t) => (
          <CaseTimeline key={t.index} timeline={t} />
        ))}
      </section>

      {role === "procurator" ? <YourDecisions protocols={protocols ?? []} rows={rows} /> : null}

      {reveal ? (
        <RevealSection reveal={reveal} />
      ) : (
        <p className="card text-muted" role="status">
          Loading what happened behind the scenes…
        </p>
      )}

      <section aria-labelledby="personal-debrief-heading" className="card space-y-3 print:break-inside-avoid">
        <h2 id="personal-debrief-heading" className="text-xl font-semibold">
          {readOnly ? "The run and history" : "Your run and history"}
        </h2>
        <p className="text-muted">
          How the whole province fared in {readOnly ? "this" : "your"} run ({personal.cite.simFromLabel} to{" "}
          {personal.cite.simToLabel}), and in the records. The records count the commission&rsquo;s whole work, and a
          run may end sooner: compare shares, not numbers of cases.
        </p>
        <ComparisonList rows={rows} />
      </section>

      <section aria-labelledby="share-heading" className="card space-y-4 print:break-inside-avoid">
        <h2 id="share-heading" className="text-xl font-semibold">
          {readOnly ? "Cite this simulation run" : "Share and cite this run"}
        </h2>
        {share ? <ShareLink runId={share.runId} url={url} onToken={setToken} /> : null}
        <Citation cite={personal.cite} url={url} readOnly={readOnly} />
      </section>

      {readOnly ? null : (
        <p className="flex flex-wrap gap-3 print:hidden">
          <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
            Print this debrief
          </button>
          <Link href="/explore" className="btn btn-primary">
            Play again
          </Link>
          <Link href="/lab" className="btn btn-secondary">
            Try the what-if lab
          </Link>
          <Link href="/sources" className="btn btn-secondary">
            Read the sources
          </Link>
        </p>
      )}
    </div>
  );
}

/** The site's own address in the browser ("" while rendering on the server). */
function useOrigin(): string {
  return useSyncExternalStore(
    () => () => {},
    () => window.location.origin,
    () => "",
  );
}

/**
 * A run that ended while its page was open has no reveal yet (the page
 * loads it on the server): ask the server for the page again, once.
 */
function RefreshForReveal({ waiting }: { waiting: boolean }) {
  const router = useRouter();
  const asked = useRef(false);
  useEffect(() => {
    if (waiting && !asked.current) {
      asked.current = true;
      router.refresh();
    }
  }, [waiting, router]);
  return null;
}

function CaseTimeline({ timeline: t }: { timeline: CaseTimelineView }) {
  return (
    <div className="space-y-3 print:break-inside-avoid">
      <h3 className="font-semibold">
        {t.label}: {t.outcomeLabel}
      </h3>
      <p>
        From {t.fromDateLabel} to {t.toDateLabel}: <strong>{days(t.totalDays)}</strong>, {t.ending}
      </p>
      {/* The bar repeats the list below in colour; screen readers get the list. */}
      <div
        aria-hidden="true"
        className="flex h-5 w-full overflow-hidden rounded border border-line print:[print-color-adjust:exact]"
      >
        {t.waits.map((w) => (
          <div
            key={w.fromDate + w.cause}
            className={CAUSE_COLOURS[w.cause]}
            style={{ width: `${Math.max(w.share * 100, 0.5)}%` }}
          />
        ))}
      </div>
      <ol className="space-y-2" aria-label={`What ${t.label} waited for, in order`}>
        {t.waits.map((w) => (
          <li key={w.fromDate + w.cause} className="flex gap-2">
            <span
              aria-hidden="true"
              className={`mt-1.5 inline-block h-3 w-3 shrink-0 rounded-sm ${CAUSE_COLOURS[w.cause]} print:[print-color-adjust:exact]`}
            />
            <span>
              <time dateTime={w.fromDate}>{w.fromDateLabel}</time> – <time dateTime={w.toDate}>{w.toDateLabel}</time> ·{" "}
              <strong>{days(w.days)}</strong>: {w.label}.
              <SourceTag source={w.source} />
              <span className="ml-1 text-xs text-muted">how long:</span>
              <SourceTag source={w.lengthSource} />
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** A procurator's own decisions, with dates and grounds, beside the province's share of sentences upheld. */
function YourDecisions({ protocols, rows }: { protocols: ProtocolView[]; rows: ComparisonRow[] }) {
  const upheld = protocols.filter((p) => p.decisionLabel === DECISION_LABELS.confirmRefusal).length;
  const province = rows.find((r) => r.metric === "upheldShare");
  return (
    <section aria-labelledby="your-decisions-heading" className="card space-y-3 print:break-inside-auto">
      <h2 id="your-decisions-heading" className="text-xl font-semibold">
        Your decisions
      </h2>
      {protocols.length === 0 ? (
        <p>
          You recorded no decision in this run: the files on your desk were still waiting when it ended, or the
          computer&rsquo;s desks decided them.
        </p>
      ) : (
        <>
          <p>
            You decided {protocols.length} {protocols.length === 1 ? "file" : "files"} and upheld the sentence in{" "}
            {upheld}
            {protocols.length > 0 ? ` (${Math.round((upheld / protocols.length) * 100)}%)` : ""}.
          </p>
          <ol className="space-y-3">
            {protocols.map((p) => (
              <li key={p.id} className="border-l-4 border-line pl-3 print:break-inside-avoid">
                <p>
                  <time dateTime={p.date}>{p.dateLabel}</time> · {p.caseLabel}: <strong>{p.decisionLabel}</strong>
                  {p.detail ? ` (${p.detail})` : ""} —{" "}
                  {p.final ? "final: an out-of-court sentence" : "a protest: a court had to rule on it"}
                  <SourceTag source="adler-ch3" />
                </p>
                <p className="text-sm">
                  <span className="font-medium">Your grounds:</span> {p.justification}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
      {province ? (
        <div>
          <p>
            Beside you: in your run the province&rsquo;s commission upheld <strong>{province.yours}</strong> of its
            decisions.
          </p>
          <ul className="list-disc pl-5 text-sm">
            {province.history.map((h) => (
              <li key={h.place + h.label}>
                {h.value} — {h.place}: {h.label}
                <SourceTag source={h.source} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function ComparisonList({ rows }: { rows: ComparisonRow[] }) {
  return (
    <ul className="space-y-3">
      {rows.map((row) => (
        <li key={row.metric} className="print:break-inside-avoid">
          <p>
            {row.what}: <strong>{row.yours}</strong> in your run.
          </p>
          <ul className="list-disc pl-5 text-sm">
            {row.history.map((h) => (
              <li key={h.place + h.label}>
                {h.value} — {h.place}: {h.label}
                <SourceTag source={h.source} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/**
 * Copies text: the Clipboard API where the page may use it (https or
 * localhost); elsewhere (a school server on plain http) the read-only
 * input's text is selected and the old copy command tried; if that fails too, the text stays selected for the reader
 * to copy themselves. True when it was copied.
 */
async function copyText(text: string, shown: HTMLInputElement | null): Promise<boolean> {
  try {
    if (window.isSecureContext && navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused (permissions, an old browser): fall back to the selection
  }
  shown?.focus();
  shown?.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

/** Make the read-only link (or get the one already made), copy it, or withdraw it. */
function ShareLink({
  runId,
  url,
  onToken,
}: {
  runId: string;
  url: string | null;
  onToken: (t: string | null) => void;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState("");
  const input = useRef<HTMLInputElement>(null);

  async function ask(body: ShareRequest) {
    setPending(true);
    setError(null);
    setSaid("");
    const result = await postJson<ShareResponse>(`/api/runs/${runId}/share`, body);
    if (!result) setError(UNREACHABLE);
    else if (!result.ok) setError(result.error.message);
    else {
      onToken(result.token);
      setSaid(result.token ? "The link is ready above." : "The link no longer works.");
    }
    setPending(false);
  }

  async function copy() {
    if (!url) return;
    const done = await copyText(url, input.current);
    setSaid(done ? "Copied the link." : "The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.");
  }

  return (
    <div className="space-y-3 print:hidden">
      <p className="max-w-3xl">
        A read-only link shows this debrief to anyone you give it to — a classmate, or your essay&rsquo;s reader. It
        gives no control over your run and shows no codes. It works for as long as this site keeps the run.
      </p>
      {url ? (
        <div className="space-y-2">
          <label htmlFor="share-url" className="field-label">
            Read-only link to this debrief
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="share-url"
              ref={input}
              readOnly
              value={url}
              className="field-input min-w-0 flex-1 font-mono text-sm"
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" className="btn btn-primary" onClick={() => void copy()}>
              Copy the link
            </button>
          </div>
          <button
            type="button"
            className="btn btn-secondary"
            disabled={pending}
            onClick={() => void ask({ action: "withdraw" })}
          >
            Stop sharing (the link stops working)
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="btn btn-primary"
          disabled={pending}
          onClick={() => void ask({ action: "create" })}
        >
          Make a read-only link
        </button>
      )}
      <p role="status" aria-live="polite" className="text-sm font-medium">
        {said}
      </p>
      {error ? (
        <p role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The line a student copies into a bibliography, with the reminder that a run is not a source. */
function Citation({ cite, url, readOnly }: { cite: CiteView; url: string | null; readOnly: boolean }) {
  const accessed = useToday();
  const text =
    `Spravka (a classroom simulation of the 1954–55 review of article 58 cases). ` +
    `“${cite.scenarioTitle}”, seed ${cite.seed}, run played ${cite.runDateLabel}` +
    (url ? `. ${url}` : "") +
    (accessed ? `. Accessed ${accessed}.` : ".");
  return (
    <div className="space-y-2">
      {readOnly ? null : <h3 className="font-semibold">Cite this simulation run</h3>}
      <div className="print:hidden">
        <CiteThis id="cite-run" text={text} name="this simulation run" />
      </div>
      {/* A text field prints cut off: on paper the citation is a plain line. */}
      <p className="hidden font-mono text-sm print:block">{text}</p>
      {url || readOnly ? null : (
        <p className="text-sm text-muted print:hidden">Make the read-only link above to add its address.</p>
      )}
      <p className="max-w-3xl text-sm">
        This run is a simulation, not a historical source: its cases and people are invented, and many of its delays are
        the game&rsquo;s guesses. For history, cite the sources named beside each claim (
        <Link href="/sources" className="text-accent underline">
          the list of sources
        </Link>
        ); cite the run only as your own experiment with them. It covered {cite.simFromLabel} to {cite.simToLabel} in
        simulated time.
      </p>
    </div>
  );
}

const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });

/** Today in the reader's own calendar ("" while rendering on the server: the accessed date is the reader's). */
function useToday(): string {
  return useSyncExternalStore(
    () => () => {},
    () => LONG_DATE.format(new Date()),
    () => "",
  );
}
