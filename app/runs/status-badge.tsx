const LABELS: Record<string, [string, string]> = {
  lobby: ["Lobby", "bg-accent-soft text-accent-strong"],
  running: ["Running", "bg-green-100 text-green-900"],
  paused: ["Paused", "bg-amber-100 text-amber-900"],
  debrief: ["Ended", "bg-canvas text-ink border border-line"],
  archived: ["Archived", "bg-canvas text-muted border border-line"],
};

export function RunStatusBadge({ status }: { status: string }) {
  const [label, tone] = LABELS[status] ?? [status, "bg-canvas text-ink"];
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${tone}`}>{label}</span>;
}
