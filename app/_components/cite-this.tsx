"use client";

import { useRef, useState } from "react";

/**
 * A ready-to-copy citation. The text always sits in a visible, selectable
 * field, so it can be copied by hand anywhere; the button copies it where the
 * browser allows (the clipboard API exists only on HTTPS and localhost, and a
 * classroom often reaches a laptop over plain HTTP) and otherwise selects it
 * and says how to copy it.
 */
export function CiteThis({ id, text, name }: { id: string; text: string; name: string }) {
  const field = useRef<HTMLTextAreaElement>(null);
  const [message, setMessage] = useState("");

  function selectText() {
    field.current?.focus();
    field.current?.select();
  }

  async function copy() {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("No clipboard here.");
      await navigator.clipboard.writeText(text);
      setMessage("Copied. Paste it into your bibliography.");
    } catch {
      selectText();
      setMessage("This browser would not copy it: the citation is selected — press Ctrl+C (⌘C on a Mac) to copy it.");
    }
  }

  return (
    <div className="space-y-2">
      <label htmlFor={id} className="field-label">
        Cite this<span className="sr-only"> ({name})</span>
      </label>
      <textarea
        ref={field}
        id={id}
        readOnly
        value={text}
        rows={3}
        className="field-input w-full resize-none font-mono text-sm"
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className="btn btn-secondary" onClick={() => void copy()}>
          Copy the citation<span className="sr-only"> ({name})</span>
        </button>
        <p role="status" className="text-sm">
          {message}
        </p>
      </div>
    </div>
  );
}
