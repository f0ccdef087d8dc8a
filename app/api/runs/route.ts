import { NextResponse } from "next/server";
import type { CreateRunResponse } from "@/lib/api-types";
import { AccessDenied, requireInstructor } from "@/lib/authz";
import { failure, failureResponse } from "@/lib/failure";
import { readJson, withDatabaseErrors } from "@/lib/http";
import { createRun } from "@/lib/runs/console/create-run";

/** POST {title, scenarioId, procuratorSeats, petitionerSeats, speed}: an instructor creates a run (as /runs/new does). */
export const POST = withDatabaseErrors(async function POST(request: Request): Promise<Response> {
  const read = await readJson(request);
  if (!read.ok) return read.response;
  try {
    const user = await requireInstructor();
    const result = await createRun(user, read.body);
    if (!result.ok) return failureResponse(result.error);
    return NextResponse.json(result satisfies CreateRunResponse, { status: 201 });
  } catch (error) {
    if (error instanceof AccessDenied) return failureResponse(failure(error.reason, error.message));
    throw error;
  }
});
