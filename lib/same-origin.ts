/**
 * The host (and port) the browser asked for: the `X-Forwarded-Host` that
 * Spravka's server wrote after deciding which proxies to believe
 * (lib/forwarding.ts), else the `Host` header; null if neither is there.
 */
export function browserHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host") ?? headers.get("host");
}

/**
 * Whether a request was sent by a page of this site. Browsers send `Origin`
 * on every cross-site POST, so a form or script elsewhere cannot act with a
 * teacher's or student's cookies (CSRF). The host compared with is the one
 * the browser used, as Spravka's server resolved it (lib/forwarding.ts).
 * No `Origin` at all is not a browser (the load script, curl): no ambient
 * cookies to abuse, so it passes.
 */
export function sentFromThisSite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  const host = browserHost(headers);
  try {
    return host !== null && new URL(origin).host === host.toLowerCase();
  } catch {
    // "null" (a sandboxed frame) and other non-URLs are not this site.
    return false;
  }
}
