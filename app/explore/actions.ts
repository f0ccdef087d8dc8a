"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import type { FormState } from "@/lib/failure";
import { notAForm } from "@/lib/form-errors";
import { isHttps } from "@/lib/http";
import { seatCookie } from "@/lib/runs/seats/seat-cookie";
import { startSoloRun } from "@/lib/runs/console/solo";

export type SoloState = FormState;

/** Starts a self-guided run and seats this browser in it (validated again in startSoloRun). */
export async function startSoloAction(_previous: SoloState, formData: FormData): Promise<SoloState> {
  if (!(formData instanceof FormData)) return { error: notAForm() };
  const h = await headers();
  const result = await startSoloRun(
    {
      scenarioId: formData.get("scenarioId"),
      role: formData.get("role"),
      speed: formData.get("speed") ?? undefined,
      seed: formData.get("seed") ?? "",
    },
    clientAddress(h),
  );
  if (!result.ok) return { error: result.error };
  (await cookies()).set(seatCookie(result.seatId, result.token, isHttps(h)));
  redirect(`/play/${result.runId}?welcome=1`);
}
