import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { browserOrigin } from "@/lib/http";

/**
 * Auth.js builds its redirects from the request's URL, which Next.js fills
 * with its own host name (`localhost`). Handing it the URL the browser used
 * instead keeps a teacher who opened the app at a LAN address or through a
 * proxy on that address after signing in or out.
 */
function atBrowserOrigin(handler: (request: NextRequest) => Promise<Response>) {
  return (request: NextRequest): Promise<Response> => {
    const origin = browserOrigin(request.headers);
    if (!origin || origin === request.nextUrl.origin) return handler(request);
    return handler(new NextRequest(origin + request.nextUrl.pathname + request.nextUrl.search, request));
  };
}

export const GET = atBrowserOrigin(handlers.GET);
export const POST = atBrowserOrigin(handlers.POST);
