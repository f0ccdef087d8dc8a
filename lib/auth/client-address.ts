import { CLIENT_ADDRESS_HEADER } from "@/lib/forwarding";

/**
 * The address a request came from, for rate limiting: the value Spravka's
 * own server worked out from the socket and any trusted proxies
 * (lib/forwarding.ts), never a header as the client sent it. Without that
 * server (`next dev`), every request counts as the same "unknown" address,
 * which only makes the limits shared, never bypassable.
 */
export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}
