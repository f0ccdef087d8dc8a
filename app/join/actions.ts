"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { NOT_A_FORM } from "@/lib/form-errors";
import { isHttps } from "@/lib/http";
import { joinRun } from "@/lib/runs/join-run";
import { rejoinSeat } from "@/lib/runs/rejoin-seat";
import { seatCookie } from "@/lib/runs/seat-cookie";

export type JoinState = {
  formError?: string;
  fieldErrors?: Record<string, string>;
  values?: { code: string; name: string };
};

export type RejoinState = {
  formError?: string;
  fieldErrors?: Record<string, string>;
  /** The seat is open in another browser: offer to move it here. */
  held?: boolean;
  values?: { code: string; rejoinCode: string };
};

function text(value: FormDataEntryValue | null): string {
  return typeof value === "string" ? value : "";
}

async function enterSeat(runId: string, seatId: string, token: string, welcome: boolean): Promise<never> {
  const h = await headers();
  (await cookies()).set(seatCookie(seatId, token, isHttps(h)));
  redirect(`/play/${runId}${welcome ? "?welcome=1" : ""}`);
}

export async function joinAction(_previous: JoinState, formData: FormData): Promise<JoinState> {
  if (!(formData instanceof FormData)) return { formError: NOT_A_FORM };
  const values = { code: text(formData.get("code")), name: text(formData.get("name")) };
  const result = await joinRun(
    { code: formData.get("code"), name: formData.get("name"), requestId: formData.get("requestId") },
    clientAddress(await headers()),
  );
  if (!result.ok) {
    const fieldErrors = result.fieldErrors ?? {};
    const onField = Object.keys(fieldErrors).some((k) => k === "code" || k === "name");
    return { formError: onField ? undefined : result.error, fieldErrors, values };
  }
  return enterSeat(result.runId, result.seatId, result.token, true);
}

export async function rejoinAction(_previous: RejoinState, formData: FormData): Promise<RejoinState> {
  if (!(formData instanceof FormData)) return { formError: NOT_A_FORM };
  const values = { code: text(formData.get("code")), rejoinCode: text(formData.get("rejoinCode")) };
  const result = await rejoinSeat(
    { code: formData.get("code"), rejoinCode: formData.get("rejoinCode"), takeOver: formData.get("takeOver") === "1" },
    clientAddress(await headers()),
  );
  if (!result.ok) {
    const fieldErrors = result.fieldErrors ?? {};
    const onField = Object.keys(fieldErrors).some((k) => k === "code" || k === "rejoinCode");
    return { formError: onField ? undefined : result.error, fieldErrors, values, held: result.reason === "held" };
  }
  return enterSeat(result.runId, result.seatId, result.token, false);
}
