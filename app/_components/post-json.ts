/** What a seat's page says when a request never reached the server, or its answer never came back. */
export const UNREACHABLE = "Could not reach the server. Check your connection and try again.";

/**
 * POSTs a JSON body to one of the app's own routes and reads its JSON answer
 * (every route answers a refusal as JSON: ADR 0017). Null when the server
 * could not be reached or its answer was not JSON, so each caller says
 * UNREACHABLE in one way, not four.
 */
export async function postJson<T>(url: string, body: unknown): Promise<T | null> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return (await response.json()) as T;
  } catch {
    return null;
  }
}
