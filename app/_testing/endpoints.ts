import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { FAILURE_STATUS, isFailureCode } from "@/lib/failure";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");

export type RouteHandler = (
  request: NextRequest,
  context: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;
export type ServerAction = (...args: unknown[]) => Promise<unknown>;

/** One way into the server from outside: a route handler's method, or a server action. */
export type Endpoint = {
  /** "app/api/runs/[id]/act/route.ts#POST" */
  key: string;
  file: string;
  name: string;
  kind: "route" | "action";
  fn: ServerAction;
};

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "_testing" ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function startsWithUseServer(source: string): boolean {
  return /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(source);
}

/**
 * Files that take requests: every route handler file, and every module
 * marked "use server" (server actions). Also returns files with a "use
 * server" directive inside a function (inline actions), which the suites
 * cannot enumerate and so refuse.
 */
export function endpointFiles(): { routes: string[]; actions: string[]; inline: string[] } {
  const routes: string[] = [];
  const actions: string[] = [];
  const inline: string[] = [];
  for (const file of sourceFiles(APP)) {
    const relative = path.relative(ROOT, file).split(path.sep).join("/");
    const source = readFileSync(file, "utf8");
    if (/^route\.(ts|tsx|js|mjs)$/.test(path.basename(file))) routes.push(relative);
    else if (startsWithUseServer(source)) actions.push(relative);
    else if (/["']use server["']/.test(source)) inline.push(relative);
  }
  return { routes: routes.sort(), actions: actions.sort(), inline: inline.sort() };
}

/** Imports every endpoint file and lists its exports: each HTTP method of a route, each function of an actions file. */
export async function listEndpoints(): Promise<Endpoint[]> {
  const { routes, actions } = endpointFiles();
  const endpoints: Endpoint[] = [];
  for (const [kind, files] of [
    ["route", routes],
    ["action", actions],
  ] as const) {
    for (const file of files) {
      const loaded = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(loaded)) {
        // A route file may also export segment config (`dynamic`, `runtime`): not a way in.
        if (kind === "route" && typeof value !== "function" && !HTTP_METHODS.has(name)) continue;
        if (typeof value !== "function") {
          throw new Error(`${file} exports ${name}, which is not a function: a "use server" file exports only actions`);
        }
        endpoints.push({ key: `${file}#${name}`, file, name, kind, fn: value as ServerAction });
      }
    }
  }
  return endpoints.sort((a, b) => a.key.localeCompare(b.key));
}

export const ORIGIN = "http://localhost:3000";

export type RouteCall = {
  method: string;
  /** the path and query, e.g. "/api/runs/abc/act" */
  url: string;
  params: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: string | ReadableStream<Uint8Array>;
};

/** Calls a route handler as Next.js does: a NextRequest and the route's params (a promise). */
export function callRoute(fn: ServerAction, call: RouteCall): Promise<unknown> {
  let url: URL;
  try {
    url = new URL(call.url, ORIGIN);
  } catch {
    url = new URL("/", ORIGIN);
  }
  const request = new NextRequest(url, {
    method: call.method,
    headers: call.headers,
    body: call.body,
    ...(call.body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
  return (fn as unknown as RouteHandler)(request, { params: Promise.resolve(call.params) });
}

export function jsonCall(method: string, url: string, params: RouteCall["params"], body: unknown): RouteCall {
  return { method, url, params, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

export function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

/** What came of a call: an HTTP response, an action's return value, Next's redirect or not-found, or a throw. */
export type Outcome =
  | { kind: "response"; status: number; location: string | null; contentType: string; body: string; setCookie: string }
  | { kind: "returned"; value: unknown }
  | { kind: "redirect"; url: string }
  | { kind: "httpFallback"; status: number }
  | { kind: "threw"; error: unknown };

async function readResponse(response: Response): Promise<Outcome> {
  const contentType = response.headers.get("content-type") ?? "";
  let body = "";
  if (contentType.startsWith("text/event-stream") && response.body) {
    // A live stream never ends: read what it sends first, then hang up as a browser would.
    const reader = response.body.getReader();
    const first = await reader.read();
    body = first.value ? new TextDecoder().decode(first.value) : "";
    await reader.cancel();
  } else {
    body = await response.text();
  }
  return {
    kind: "response",
    status: response.status,
    location: response.headers.get("location"),
    contentType,
    body,
    setCookie: response.headers.get("set-cookie") ?? "",
  };
}

/** Runs a call and says what came of it; Next's redirect() and notFound() are outcomes, not failures. */
export async function settle(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await call();
    return value instanceof Response ? await readResponse(value) : { kind: "returned", value };
  } catch (error) {
    const digest =
      typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string"
        ? error.digest.split(";")
        : [];
    if (digest[0] === "NEXT_REDIRECT") return { kind: "redirect", url: digest.slice(2, -2).join(";") };
    if (digest[0] === "NEXT_HTTP_ERROR_FALLBACK") return { kind: "httpFallback", status: Number(digest[1]) };
    return { kind: "threw", error };
  }
}

/** An action's refusal is a Failure under `error` (lib/failure.ts): its message, or null. */
function refusalText(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const error = (value as { error?: unknown }).error;
  if (typeof error !== "object" || error === null) return null;
  const text = (error as { message?: unknown }).message;
  return typeof text === "string" && text !== "" ? text : null;
}

const isLogin = (url: string | null) => url !== null && /^(https?:\/\/[^/]+)?\/login(\?|$)/.test(url);

/** A refusal: 401, 403 or 404; an action's error result; a redirect to sign in; Next's not-found. */
export function isRefusal(outcome: Outcome): boolean {
  switch (outcome.kind) {
    case "response":
      return [401, 403, 404].includes(outcome.status) || (outcome.status < 400 && isLogin(outcome.location));
    case "returned":
      return refusalText(outcome.value) !== null;
    case "redirect":
      return isLogin(outcome.url);
    case "httpFallback":
      return [401, 403, 404].includes(outcome.status);
    case "threw":
      return false;
  }
}

/** A success: a 2xx or 3xx response (not to sign in), a result without an error, a redirect onwards. */
export function isSuccess(outcome: Outcome): boolean {
  switch (outcome.kind) {
    case "response":
      return outcome.status >= 200 && outcome.status < 400 && !isLogin(outcome.location);
    case "returned":
      return refusalText(outcome.value) === null;
    case "redirect":
      return !isLogin(outcome.url);
    default:
      return false;
  }
}

/** What is wrong with a Failure (lib/failure.ts) as found in an answer: nothing, for a well-formed one. */
function failureShapeProblems(error: unknown, status?: number): string[] {
  if (typeof error !== "object" || error === null) return [`error is ${JSON.stringify(error)}, not a Failure`];
  const { code, message, fieldErrors, ...rest } = error as Record<string, unknown>;
  const out: string[] = [];
  if (!isFailureCode(code)) out.push(`error.code ${JSON.stringify(code)} is not a FailureCode`);
  else if (status !== undefined && FAILURE_STATUS[code] !== status) {
    out.push(`status ${status}, but code ${code} maps to ${FAILURE_STATUS[code]}`);
  }
  if (typeof message !== "string" || message === "") out.push("error.message is not a message");
  if (
    fieldErrors !== undefined &&
    (typeof fieldErrors !== "object" ||
      fieldErrors === null ||
      Object.values(fieldErrors).some((m) => typeof m !== "string"))
  ) {
    out.push("error.fieldErrors is not a message per field");
  }
  if (Object.keys(rest).length > 0) out.push(`error has other keys: ${Object.keys(rest).join(", ")}`);
  return out;
}

/**
 * Whether a refusal speaks the one failure contract: a route's 4xx/5xx is
 * JSON `{ ok: false, error: Failure }` with the status its code maps to, and
 * an action's returned `error` is a Failure. Empty when it does (or when the
 * outcome is no refusal of that kind).
 */
export function failureContractProblems(outcome: Outcome): string[] {
  if (outcome.kind === "returned") {
    if (typeof outcome.value !== "object" || outcome.value === null || !("error" in outcome.value)) return [];
    return failureShapeProblems((outcome.value as { error: unknown }).error);
  }
  if (outcome.kind !== "response" || outcome.status < 400) return [];
  if (!outcome.contentType.startsWith("application/json")) return [`a ${outcome.status} that is not JSON`];
  let body: unknown;
  try {
    body = JSON.parse(outcome.body);
  } catch {
    return [`a ${outcome.status} whose body is not JSON`];
  }
  if (typeof body !== "object" || body === null || (body as { ok?: unknown }).ok !== false) {
    return [`a ${outcome.status} whose body is not { ok: false, … }`];
  }
  return failureShapeProblems((body as { error?: unknown }).error, outcome.status);
}

/** For failure messages: the outcome without the noise. */
export function summary(outcome: Outcome): string {
  if (outcome.kind === "threw") {
    return `threw ${outcome.error instanceof Error ? (outcome.error.stack ?? outcome.error.message) : String(outcome.error)}`;
  }
  if (outcome.kind === "response") {
    return `HTTP ${outcome.status}${outcome.location ? ` → ${outcome.location}` : ""}: ${outcome.body.slice(0, 300)}`;
  }
  return JSON.stringify(outcome).slice(0, 400);
}
