/** The address students open to join: this site's origin as the browser reached it, with the code filled in. */
export function joinUrl(headers: Headers, code: string): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}/join?code=${encodeURIComponent(code)}`;
}
