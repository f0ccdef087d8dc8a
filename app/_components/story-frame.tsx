import { SourceConflict } from "@/app/_components/source-conflict";
import { SourceTag } from "@/app/_components/source-tag";
import type { StoryFrame } from "@/lib/runs/story-frame";

/**
 * The prologue (March 1953) or the epilogue (February 1956) a teacher put
 * around a run: each line with its source, and the sources' conflicts where
 * they disagree. Folded away once it has been read (`open` says whether it
 * starts unfolded); links open the sources page in a new tab, so a letter
 * being written is never lost.
 */
export function StoryFramePanel({ frame, id, open }: { frame: StoryFrame; id: string; open: boolean }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="card space-y-2 border-accent">
      <h2 id={`${id}-heading`} className="text-xl font-semibold">
        {frame.title}
      </h2>
      <details open={open}>
        <summary className="cursor-pointer font-semibold text-accent">
          Show or hide the text<span className="sr-only"> of the {frame.title.split(":")[0]!.toLowerCase()}</span>
        </summary>
        <div className="mt-2 space-y-3">
          {frame.sections.map((section) => (
            <div key={section.heading} className="space-y-1">
              <h3 className="font-semibold">{section.heading}</h3>
              {section.lines.map((line) => (
                <p key={line.text}>
                  {line.text}
                  {line.source ? (
                    <SourceTag source={line.source} {...(line.basis ? { basis: line.basis } : {})} newTab />
                  ) : null}
                  {line.conflicts?.map((c) => (
                    <SourceConflict key={c} id={c} newTab className="mt-1" />
                  ))}
                </p>
              ))}
            </div>
          ))}
        </div>
      </details>
    </section>
  );
}
