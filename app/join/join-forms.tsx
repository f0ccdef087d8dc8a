"use client";

import { useActionState, type ComponentProps } from "react";
import { Field, FormAlert } from "@/app/_components/field";
import { formAlert } from "@/lib/failure";
import { joinAction, rejoinAction, type JoinState, type RejoinState } from "./actions";

/** A code typed from the screen or a note: no autocorrect, capitals, spaced typewriter digits. */
function CodeField({ large = false, ...props }: ComponentProps<typeof Field> & { large?: boolean }) {
  return (
    <Field
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      required
      className={`field-input font-mono uppercase ${large ? "text-2xl tracking-[0.3em]" : "tracking-[0.2em]"}`}
      {...props}
    />
  );
}

export function JoinForm({ code, requestId }: { code: string; requestId: string }) {
  const [state, action, pending] = useActionState<JoinState, FormData>(joinAction, {});
  const errors = state.error?.fieldErrors;
  return (
    <form action={action} className="space-y-5" noValidate aria-labelledby="join-heading">
      <FormAlert message={formAlert(state.error, ["code", "name"])} />
      <input type="hidden" name="requestId" value={requestId} />
      <CodeField
        name="code"
        label="Class code"
        defaultValue={state.values?.code ?? code}
        error={errors?.code}
        hint="The six letters and digits your teacher shows."
        large
      />
      <Field
        name="name"
        label="Display name"
        autoComplete="nickname"
        required
        maxLength={40}
        // Arriving from the QR code, the code is filled in: the name is what is left to type.
        autoFocus={Boolean(code)}
        defaultValue={state.values?.name}
        error={errors?.name}
        hint="A first name or a nickname is enough. No email, no surname."
      />
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? "Joining…" : "Join the class"}
      </button>
    </form>
  );
}

export function RejoinForm({
  code,
  rejoinCode = "",
  codeLabel = "Class code",
}: {
  code: string;
  rejoinCode?: string;
  /** "Run code" for a run played alone: it has no class */
  codeLabel?: string;
}) {
  const [state, action, pending] = useActionState<RejoinState, FormData>(rejoinAction, {});
  const errors = state.error?.fieldErrors;
  return (
    <form action={action} className="space-y-5" noValidate aria-labelledby="rejoin-heading">
      <FormAlert message={formAlert(state.error, ["code", "rejoinCode"])} />
      <CodeField
        idPrefix="rejoin"
        name="code"
        label={codeLabel}
        defaultValue={state.values?.code ?? code}
        error={errors?.code}
      />
      <CodeField
        idPrefix="rejoin"
        name="rejoinCode"
        label="Your rejoin code"
        defaultValue={state.values?.rejoinCode ?? rejoinCode}
        error={errors?.rejoinCode}
        hint="Shown on your seat when you joined, like K7MP-3QXD."
      />
      {state.error?.code === "held" ? (
        <button type="submit" name="takeOver" value="1" className="btn btn-primary w-full" disabled={pending}>
          {pending ? "Moving…" : "Move my seat to this browser"}
        </button>
      ) : (
        <button type="submit" className="btn btn-secondary w-full" disabled={pending}>
          {pending ? "Opening…" : "Return to my seat"}
        </button>
      )}
    </form>
  );
}
