"use client";

import { QRCodeSVG } from "qrcode.react";
import { joinAddress } from "@/lib/runs/seats/join-address";

/** The join screen: a code readable from the back row and a QR code of the join address. */
export function JoinPanel({
  code,
  joinUrl,
  size = "large",
}: {
  code: string;
  joinUrl: string;
  size?: "large" | "huge";
}) {
  const address = joinAddress(joinUrl);
  const huge = size === "huge";
  return (
    <div className={huge ? "grid items-center gap-10 lg:grid-cols-[1fr_auto]" : "flex flex-wrap items-center gap-8"}>
      <div className="min-w-0 space-y-2">
        <p className={huge ? "text-[clamp(1.25rem,3vw,2.5rem)]" : "text-lg"}>
          Go to <strong className="break-all">{address}</strong> and type
        </p>
        <p
          className={`font-mono font-bold tracking-[0.2em] text-accent-strong ${huge ? "text-[clamp(3rem,13vw,11rem)] leading-none" : "text-5xl sm:text-6xl"}`}
          aria-label={`Class code: ${code.split("").join(" ")}`}
        >
          {code}
        </p>
      </div>
      <figure className="justify-self-start rounded-lg bg-white p-3">
        <QRCodeSVG
          value={joinUrl}
          size={huge ? 480 : 180}
          level="M"
          title={`QR code for ${joinUrl}`}
          role="img"
          aria-label={`QR code that opens ${address} with the class code filled in`}
          className={huge ? "h-auto w-[min(70vw,55vh,480px)]" : "h-auto w-[180px]"}
        />
      </figure>
    </div>
  );
}
