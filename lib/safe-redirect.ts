/** Only same-site paths: an open redirect would let a link send a teacher anywhere after sign-in. */
export function safeCallbackUrl(value: unknown, fallback = "/runs"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
