import { NextResponse } from "next/server";
import { AccessDenied, requireInstructor } from "@/lib/authz";
import { jsonError, readJson, withDatabaseErrors } from "@/lib/http";
import { createRun } from "@/lib/runs/create-run";

/** POST {title, scenarioId, procuratorSeats, petitionerSeats, speed}: an instructor creates a run (as /runs/new does). */
export const POST = withDatabaseErrors(async function POST(request: Request): Promise<Response> {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  try {
    const user = await requireInstructor();
    const result = await createRun(user, read.body);
    return NextResponse.json(result, { status: result.ok ? 201 : 400 });
  } catch (error) {
    if (error instanceof AccessDenied) return jsonError(error.reason === "unauthenticated" ? 401 : 403, error.message);
    throw error;
  }
});
