/**
 * Joins what a stream is given in one turn of the event loop into one
 * chunk. A live update usually brings a seat two messages at once (the clock
 * and its desk); each chunk becomes its own write to the browser's socket,
 * and for a class of 1,000 those writes were a good part of the server's
 * work. The bytes, and their order, are the same.
 */
export function batchedWriter(deliver: (text: string) => void): {
  write: (text: string) => void;
  /** sends what is waiting now (before the stream closes) */
  flush: () => void;
} {
  let pending = "";
  const flush = () => {
    if (pending === "") return;
    const text = pending;
    pending = "";
    deliver(text);
  };
  return {
    write: (text) => {
      if (text === "") return;
      if (pending === "") queueMicrotask(flush);
      pending += text;
    },
    flush,
  };
}
