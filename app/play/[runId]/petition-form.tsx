"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { SourceTag } from "@/app/_components/source-tag";
import { ADDRESSEE_LABELS, ASK_LABELS } from "@/lib/labels";
import { LETTER_MAX } from "@/lib/runs/policy";
import type { SeatAction } from "@/lib/runs/validation";
import { ADDRESSEE_NOTES, CARRIER_NOTES, GROUNDS_NOTES } from "@/lib/sim/petitions";
import {
  ADDRESSEES,
  ASKS,
  CARRIERS,
  GROUNDS,
  type Addressee,
  type Ask,
  type Carrier,
  type Grounds,
} from "@/machines/vocabulary";

type Letter = Extract<SeatAction, { type: "complaint.file" }>;

type Draft = { addressee: Addressee; ask: Ask; grounds: Grounds; carrier: Carrier; body: string };

/**
 * The petitioner's letter: to whom, asking what, on what grounds, carried
 * how, in their own words. Each choice says what it meant then, with its
 * source; what happens to this letter stays hidden, as it was.
 *
 * The draft is kept in the tab's session storage, so a pause, a reload or a
 * visit to the sources page never loses what the student has written.
 */
type Props = Parameters<typeof LetterForm>[0];

const noSubscription = () => () => {};

/** The form needs the browser's session storage for its draft, so it renders once the page is live. */
export function PetitionForm(props: Props) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return inBrowser ? <LetterForm {...props} /> : <p className="text-muted">Opening the letter form…</p>;
}

function readDraft(key: string): Partial<Draft> {
  try {
    const saved = sessionStorage.getItem(key);
    return saved ? (JSON.parse(saved) as Partial<Draft>) : {};
  } catch {
    return {}; // no storage (private mode) or a damaged entry: start afresh
  }
}

function LetterForm({
  idPrefix,
  draftKey,
  caseLabel,
  friendUsed,
  relative = false,
  defaultAsk = "release",
  closedReason = null,
  pending,
  onSend,
}: {
  idPrefix: string;
  /** where the draft is kept (per run and case) */
  draftKey: string;
  caseLabel: string;
  /** the character writes from outside the camp, for a prisoner */
  relative?: boolean;
  /** why sending is closed just now (e.g. the teacher paused the clock); the draft stays editable */
  closedReason?: string | null;
  friendUsed: boolean;
  /** from the character card: what this person most wants */
  defaultAsk?: Ask;
  pending: boolean;
  /** resolves true when the letter was sent (the form then clears the text) */
  onSend: (action: Letter, body: string) => Promise<boolean>;
}) {
  const blank: Draft = {
    addressee: "campProcurator",
    ask: defaultAsk,
    grounds: "innocence",
    carrier: "self",
    body: "",
  };
  const [draft, setDraft] = useState<Draft>(() => ({ ...blank, ...readDraft(draftKey) }));
  const [error, setError] = useState<string | null>(null);
  const { addressee, ask, grounds, carrier, body } = draft;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const id = (name: string) => `${idPrefix}-${name}`;
  const carriers = CARRIERS.filter((c) => !(relative && c === "relative"));
  const chosenCarrier = (friendUsed && carrier === "friend") || !carriers.includes(carrier) ? "self" : carrier;

  // Keep the draft as it changes.
  useEffect(() => {
    try {
      sessionStorage.setItem(draftKey, JSON.stringify(draft));
    } catch {
      // storage full or unavailable: the draft lives in the page only
    }
  }, [draft, draftKey]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (body.trim() === "") {
      setError("Write your letter before sending it: who you are, what happened, what you ask for.");
      // After the error has rendered, so the field is announced with it.
      requestAnimationFrame(() => document.getElementById(id("letter"))?.focus());
      return;
    }
    setError(null);
    const sent = await onSend({ type: "complaint.file", addressee, grounds, carrier: chosenCarrier, ask }, body);
    if (sent) setDraft({ ...draft, body: "", carrier: "self" });
  }

  return (
    <form onSubmit={submit} className="space-y-4 font-sans" aria-label={`Write a letter about ${caseLabel}`} noValidate>
      <div>
        <label htmlFor={id("to")} className="field-label">
          Write to
        </label>
        <select
          id={id("to")}
          className="field-input"
          value={addressee}
          onChange={(e) => set({ addressee: e.target.value as Addressee })}
          aria-describedby={id("to-hint")}
        >
          {ADDRESSEES.map((a) => (
            <option key={a} value={a}>
              {capitalise(ADDRESSEE_LABELS[a])}
            </option>
          ))}
        </select>
        <p id={id("to-hint")} className="field-hint">
          {ADDRESSEE_NOTES[addressee].note}
          <SourceTag source={ADDRESSEE_NOTES[addressee].source} newTab />
        </p>
      </div>

      {/* The letter comes right after its addressee: on a phone the box is on the first screens. */}
      <div>
        <label htmlFor={id("letter")} className="field-label">
          Your letter
        </label>
        <textarea
          id={id("letter")}
          value={body}
          onChange={(e) => set({ body: e.target.value })}
          maxLength={LETTER_MAX}
          rows={6}
          className="field-input font-typewriter"
          aria-describedby={`${id("letter-hint")}${error ? ` ${id("letter-error")}` : ""}`}
          aria-invalid={error ? true : undefined}
        />
        <p id={id("letter-hint")} className="field-hint">
          In your own words: who you are, what happened, what you ask for. {body.length.toLocaleString("en")} of{" "}
          {LETTER_MAX.toLocaleString("en")} characters.
        </p>
        {error ? (
          <p id={id("letter-error")} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={id("ask")} className="field-label">
          Ask for
        </label>
        <select
          id={id("ask")}
          className="field-input"
          value={ask}
          onChange={(e) => set({ ask: e.target.value as Ask })}
        >
          {ASKS.map((a) => (
            <option key={a} value={a}>
              {ASK_LABELS[a]}
            </option>
          ))}
        </select>
      </div>

      <ChoiceGroup
        legend="On what grounds"
        name={id("grounds")}
        value={grounds}
        onChange={(g) => set({ grounds: g })}
        options={GROUNDS.map((g) => ({ value: g, ...GROUNDS_NOTES[g] }))}
      />

      <ChoiceGroup
        legend="How it travels"
        name={id("carrier")}
        value={chosenCarrier}
        onChange={(c) => set({ carrier: c })}
        options={carriers.map((c) =>
          relative && c === "self"
            ? {
                value: c,
                label: "Send it yourself",
                note: "By the ordinary post, from home. Cost: nothing more than the waiting.",
                source: CARRIER_NOTES[c].source,
              }
            : {
                value: c,
                label: CARRIER_NOTES[c].label + (c === "friend" && friendUsed ? " (already asked)" : ""),
                note: `${CARRIER_NOTES[c].note} Cost: ${CARRIER_NOTES[c].cost}`,
                source: CARRIER_NOTES[c].source,
                disabled: c === "friend" && friendUsed,
              },
        )}
      />

      {closedReason ? (
        <p id={id("closed")} className="rounded-md bg-accent-soft px-3 py-2 font-medium text-accent-strong">
          {closedReason}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary w-full"
        disabled={pending || Boolean(closedReason)}
        aria-describedby={closedReason ? id("closed") : undefined}
      >
        {pending ? "Sending…" : "Send the letter"}
      </button>
    </form>
  );
}

type Source = Parameters<typeof SourceTag>[0]["source"];

/** A radio group whose every option says what it meant then, with its source. */
function ChoiceGroup<T extends string>({
  legend,
  name,
  value,
  onChange,
  options,
}: {
  legend: string;
  name: string;
  value: T;
  onChange: (value: T) => void;
  options: { value: T; label: string; note: string; source: Source; disabled?: boolean }[];
}) {
  return (
    <fieldset>
      <legend className="field-label">{legend}</legend>
      <div className="space-y-2">
        {options.map((o) => (
          <Choice
            key={o.value}
            name={name}
            value={o.value}
            checked={value === o.value}
            disabled={o.disabled}
            onChange={() => onChange(o.value)}
            label={o.label}
            note={o.note}
            source={o.source}
          />
        ))}
      </div>
    </fieldset>
  );
}

function Choice({
  name,
  value,
  checked,
  disabled = false,
  onChange,
  label,
  note,
  source,
}: {
  name: string;
  value: string;
  checked: boolean;
  disabled?: boolean;
  onChange: () => void;
  label: string;
  note: string;
  source: Source;
}) {
  const id = `${name}-${value}`;
  return (
    <div className="flex gap-2">
      <input
        id={id}
        type="radio"
        name={name}
        value={value}
        checked={checked}
        disabled={disabled}
        onChange={onChange}
        className="mt-1 size-4 shrink-0 accent-[var(--color-accent)]"
        aria-describedby={`${id}-note`}
      />
      <div>
        <label htmlFor={id} className={disabled ? "font-medium text-muted" : "font-medium"}>
          {label}
        </label>
        {/* Only the chosen option's note shows, so the letter box stays near on a phone; a screen reader
            still hears each option's note as its description (aria-describedby reads hidden text). */}
        <p id={`${id}-note`} className="text-sm text-muted" hidden={!checked}>
          {note}
          <SourceTag source={source} newTab />
        </p>
      </div>
    </div>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
