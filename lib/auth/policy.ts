/** Password rules, safe to import from client components (no node:crypto). */

/** A password needs at least this many characters. */
export const MIN_PASSWORD_LENGTH = 10;
/** Bounded so a huge input cannot make scrypt burn the CPU. */
export const MAX_PASSWORD_LENGTH = 200;
