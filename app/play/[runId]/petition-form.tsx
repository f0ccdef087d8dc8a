"use client";

import { useState } from "react";
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

/**
 * The petitioner's letter: to whom, asking what, on what grounds, carried
 * how, in their own words. Each choice says what it meant then, with its
 * source; the odds themselves stay hidden, as they were.
 */
export function PetitionForm({
  idPrefix,
  caseLabel,
  friendUsed,
  defaultAsk = "release",
  pending,
  onSend,
}: {
  idPrefix: string;
  caseLabel: string;
  friendUsed: boolean;
  /** from the character card: what this person most wants */
  defaultAsk?: Ask;
  pending: boolean;
  /** resolves true when the letter was sent (the form then clears the text) */
  onSend: (action: Letter, body: string) => Promise<boolean>;
}) {
  const [addressee, setAddressee] = useState<Addressee>("campProcurator");
  const [ask, setAsk] = useState<Ask>(defaultAsk);
  const [grounds, setGrounds] = useState<Grounds>("innocence");
  const [carrier, setCarrier] = useState<Carrier>("self");
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = (name: string) => `${idPrefix}-${name}`;
  const chosenCarrier = friendUsed && carrier === "friend" ? "self" : carrier;

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
    if (sent) {
      setBody("");
      setCarrier("self");
    }
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
          onChange={(e) => setAddressee(e.target.value as Addressee)}
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
          <SourceTag source={ADDRESSEE_NOTES[addressee].source} />
        </p>
      </div>

      <div>
        <label htmlFor={id("ask")} className="field-label">
          Ask for
        </label>
        <select id={id("ask")} className="field-input" value={ask} onChange={(e) => setAsk(e.target.value as Ask)}>
          {ASKS.map((a) => (
            <option key={a} value={a}>
              {ASK_LABELS[a]}
            </option>
          ))}
        </select>
      </div>

      <fieldset>
        <legend className="field-label">On what grounds</legend>
        <div className="space-y-2">
          {GROUNDS.map((g) => (
            <Choice
              key={g}
              name={id("grounds")}
              value={g}
              checked={grounds === g}
              onChange={() => setGrounds(g)}
              label={GROUNDS_NOTES[g].label}
              note={GROUNDS_NOTES[g].note}
              source={GROUNDS_NOTES[g].source}
            />
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className="field-label">How it travels</legend>
        <div className="space-y-2">
          {CARRIERS.map((c) => (
            <Choice
              key={c}
              name={id("carrier")}
              value={c}
              checked={chosenCarrier === c}
              disabled={c === "friend" && friendUsed}
              onChange={() => setCarrier(c)}
              label={CARRIER_NOTES[c].label + (c === "friend" && friendUsed ? " (already asked)" : "")}
              note={`${CARRIER_NOTES[c].note} Cost: ${CARRIER_NOTES[c].cost}`}
              source={CARRIER_NOTES[c].source}
            />
          ))}
        </div>
      </fieldset>

      <div>
        <label htmlFor={id("letter")} className="field-label">
          Your letter
        </label>
        <textarea
          id={id("letter")}
          value={body}
          onChange={(e) => setBody(e.target.value)}
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
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? "Sending…" : "Send the letter"}
      </button>
    </form>
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
  source: Parameters<typeof SourceTag>[0]["source"];
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
        <p id={`${id}-note`} className="text-sm text-muted">
          {note}
          <SourceTag source={source} />
        </p>
      </div>
    </div>
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
