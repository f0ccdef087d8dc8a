import { runLab } from "@/lib/lab/run";
import type { LabConfig } from "@/lib/lab/config";

/**
 * The lab's simulation, off the page's thread: one message with a
 * configuration in; progress messages, then the result (with how long it took)
 * or an error, out. The page stops a run by terminating the worker.
 */
// (Typed by hand: the webworker lib's globals clash with the DOM's in one TypeScript program.)
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ config: LabConfig }>) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = (event: MessageEvent<{ config: LabConfig }>) => {
  const started = performance.now();
  let last = -1;
  try {
    const result = runLab(event.data.config, (done) => {
      // At most a hundred progress messages: enough for a smooth bar.
      const pct = Math.floor(done * 100);
      if (pct !== last) {
        last = pct;
        scope.postMessage({ type: "progress", done });
      }
    });
    scope.postMessage({ type: "result", result, ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({ type: "error", message: error instanceof Error ? error.message : "The run failed." });
  }
};
