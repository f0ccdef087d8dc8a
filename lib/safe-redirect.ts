const BASE = "http://spravka.invalid";

/**
 * Only same-site paths: an open redirect would let a link send a teacher
 * anywhere after sign-in. Parsed the way a browser parses it, so tricks like
 * "/\t/evil.example" (browsers drop the tab) or "/\\evil.example" are caught.
 */
export function safeCallbackUrl(value: unknown, fallback = "/runs"): string {
  if (typeof value !== "string" || !value.startsWith("/") || /[\u0000-\u0020\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
