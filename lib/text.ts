import { z } from "zod";

/**
 * Text people type, made safe to store and to show, in one place: every
 * schema that keeps a name or a free text goes through these.
 *
 * Two kinds of character are never stored. A NUL, because PostgreSQL
 * refuses it in text outright (the same input would work on SQLite and fail
 * on the other database). A lone UTF-16 surrogate (half of a character, which
 * only a crafted request or a careless cut can produce), because it has no
 * UTF-8 form: one database would store a replacement, the other refuse it.
 *
 * Names (display names, run titles, scenario titles, instructors' names) are
 * refused when they hold either: a name is short, easy to type again, and
 * shown to a whole class, so quietly changing one would show something its
 * owner never typed. Long free text (letters, grounds, prompts) gets U+FFFD
 * in their place instead: refusing would throw away a page of writing over
 * a character its writer cannot see, and the replacement marks the spot.
 *
 * Names also lose bidirectional controls. An override or isolate left open in
 * a name can reverse the text shown after it (another student's name, a
 * teacher's instructions on the projector) or disguise the name itself;
 * nobody needs one in a name, as the browser lays out right-to-left scripts
 * without them. Free text keeps them: someone writing a right-to-left language
 * may need marks to order mixed text, and each text is shown in a block of its
 * own, at whose end an override left open stops.
 */

/** Left-to-right and right-to-left marks, embeddings, overrides and isolates. */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Half of a surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");

/** Whether the text holds a character no database here can store as it is (a NUL or a lone surrogate). */
export function hasUnstorableCharacters(text: string): boolean {
  return text.includes("\u0000") || LONE_SURROGATE.test(text);
}

/** The text without bidirectional marks, embeddings, overrides and isolates. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/**
 * A name as it is stored: without bidirectional controls, in one Unicode
 * form (so the same name typed on two keyboards compares equal), with any
 * run of spaces, tabs or line breaks as one space, and trimmed. Expects text
 * that `hasUnstorableCharacters` accepts.
 */
export function cleanName(text: string): string {
  return withoutBidiControls(text).normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Free text as it is stored: NULs and lone surrogates as U+FFFD, line breaks as "\n", trimmed. */
export function cleanFreeText(text: string): string {
  return text
    .replace(/\u0000/g, "\uFFFD")
    .replace(LONE_SURROGATES, "\uFFFD")
    .replace(/\r\n?/g, "\n")
    .trim();
}

/** What a form says about a name holding a NUL or a broken character. */
export const unstorableName = (what: string) =>
  `Your ${what} holds a hidden or broken character that cannot be saved. Type it again.`;

/**
 * A name field: refused with `unstorable` when it holds a NUL or a lone
 * surrogate, then cleaned (cleanName) and checked by `checks`, which sees the
 * cleaned name (e.g. its length, so hidden characters never count).
 */
export function nameSchema(messages: { missing: string; unstorable: string }, checks: z.ZodType<string, string>) {
  return z
    .string({ error: messages.missing })
    .refine((s) => !hasUnstorableCharacters(s), { error: messages.unstorable, abort: true })
    .transform(cleanName)
    .pipe(checks);
}

/** A free-text field: cleaned (cleanFreeText), then checked by `checks`. */
export function freeTextSchema(messages: { missing: string }, checks: z.ZodType<string, string>) {
  return z.string({ error: messages.missing }).transform(cleanFreeText).pipe(checks);
}
