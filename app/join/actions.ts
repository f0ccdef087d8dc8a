"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import type { FormState } from "@/lib/failure";
import { notAForm } from "@/lib/form-errors";
import { isHttps } from "@/lib/http";
import { joinRun } from "@/lib/runs/seats/join-run";
import { rejoinSeat } from "@/lib/runs/seats/rejoin-seat";
import { seatCookie } from "@/lib/runs/seats/seat-cookie";

export type JoinState = FormState<{ values?: { code: string; name: string } }>;

/** A refusal with code `held`: the seat is open in another browser, so the form offers to move it here. */
export type RejoinState = FormState<{ values?: { code: string; rejoinCode: string } }>;

function text(value: FormDataEntryValue | null): string {
  return typeof value === "string" ? value : "";
}

async function enterSeat(
  runId: string,
  seatId: string,
  token: string,
  welcome: "first" | "nameTaken" | false,
): Promise<never> {
  const h = await headers();
  (await cookies()).set(seatCookie(seatId, token, isHttps(h)));
  redirect(`/play/${runId}${welcome ? `?welcome=1${welcome === "nameTaken" ? "&nameTaken=1" : ""}` : ""}`);
}

export async function joinAction(_previous: JoinState, formData: FormData): Promise<JoinState> {
  if (!(formData instanceof FormData)) return { error: notAForm() };
  const values = { code: text(formData.get("code")), name: text(formData.get("name")) };
  const result = await joinRun(
    { code: formData.get("code"), name: formData.get("name"), requestId: formData.get("requestId") },
    clientAddress(await headers()),
  );
  if (!result.ok) return { error: result.error, values };
  return enterSeat(result.runId, result.seatId, result.token, result.nameTaken ? "nameTaken" : "first");
}

export async function rejoinAction(_previous: RejoinState, formData: FormData): Promise<RejoinState> {
  if (!(formData instanceof FormData)) return { error: notAForm() };
  const values = { code: text(formData.get("code")), rejoinCode: text(formData.get("rejoinCode")) };
  const result = await rejoinSeat(
    { code: formData.get("code"), rejoinCode: formData.get("rejoinCode"), takeOver: formData.get("takeOver") === "1" },
    clientAddress(await headers()),
  );
  if (!result.ok) return { error: result.error, values };
  return enterSeat(result.runId, result.seatId, result.token, false);
}
