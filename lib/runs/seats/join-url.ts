import { networkInterfaces } from "node:os";
import { browserHost } from "@/lib/same-origin";

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

/** This machine's first network (non-loopback) IPv4 address, if any. */
export function lanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  return null;
}

/**
 * The address students open to join, with the code filled in:
 * `SPRAVKA_PUBLIC_URL` if set (behind a proxy), else the site as the browser
 * reached it. A teacher who opened Spravka as "localhost" on their own laptop
 * gets the laptop's network address instead, since "localhost" on a
 * student's phone is the phone.
 */
export function joinUrl(
  headers: Headers,
  code: string,
  env: Record<string, string | undefined> = process.env,
  networkAddress: () => string | null = lanAddress,
): string {
  const path = `/join?code=${encodeURIComponent(code)}`;
  const configured = env.SPRAVKA_PUBLIC_URL?.replace(/\/+$/, "");
  if (configured) return configured + path;
  let host = browserHost(headers) ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  const loopback = LOOPBACK.exec(host);
  const lan = loopback ? networkAddress() : null;
  if (loopback && lan) host = lan + (loopback[2] ?? "");
  return `${proto}://${host}${path}`;
}
