"use client";

import { QRCodeSVG } from "qrcode.react";

/** The projector's join screen: a code readable from the back row and a QR code of the join address. */
export function JoinPanel({
  code,
  joinUrl,
  size = "large",
}: {
  code: string;
  joinUrl: string;
  size?: "large" | "huge";
}) {
  const address = joinUrl.replace(/^https?:\/\//, "").replace(/\?.*$/, "");
  return (
    <div className="flex flex-wrap items-center gap-8">
      <div className="space-y-2">
        <p className={size === "huge" ? "text-3xl" : "text-lg"}>
          Go to <strong className="break-all">{address}</strong> and type
        </p>
        <p
          className={`font-mono font-bold tracking-[0.25em] text-accent-strong ${size === "huge" ? "text-8xl sm:text-9xl" : "text-6xl"}`}
          aria-label={`Class code: ${code.split("").join(" ")}`}
        >
          {code}
        </p>
      </div>
      <figure className="rounded-lg bg-white p-3">
        <QRCodeSVG
          value={joinUrl}
          size={size === "huge" ? 280 : 180}
          level="M"
          title={`QR code for ${joinUrl}`}
          role="img"
          aria-label={`QR code that opens ${address} with the class code filled in`}
        />
      </figure>
    </div>
  );
}
