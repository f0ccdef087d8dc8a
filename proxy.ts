import { NextResponse, type NextRequest } from "next/server";
import { refuseServerAction } from "@/lib/server-action-guard";

/**
 * Server actions from another site or over the size limit are answered here
 * with 403 or 413 and a sentence (lib/server-action-guard.ts).
 *
 * A Content Security Policy with a fresh nonce per page: scripts
 * run only if Next.js gave them this request's nonce ('strict-dynamic' lets
 * them load the app's own chunks), so an injected <script> never runs. Styles
 * allow inline attributes (React style props, the charts and the diagram set
 * them); nothing may frame the app. Next.js reads the nonce from the request's
 * CSP header and puts it on its scripts. Pages are all dynamic already.
 */
export function proxy(request: NextRequest): NextResponse {
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refusal = refuseServerAction(request.headers);
    if (refusal) {
      return new NextResponse(refusal.message, {
        status: refusal.status,
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    }
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: API routes, static files and prefetches need no policy of their own.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|fonts/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
