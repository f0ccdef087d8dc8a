/**
 * The address a request came from, for rate limiting. Next.js fills
 * `x-forwarded-for` with the socket address unless a proxy (or the client)
 * already set it; a proxy appends what it saw, so the last entry is the one
 * the nearest hop vouches for. A client can still forge it without a proxy,
 * which is why rate-limit.ts also caps failures per email.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return last ?? headers.get("x-real-ip")?.trim() ?? "unknown";
}
