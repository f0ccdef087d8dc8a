type TypedArray = Int32Array | Float64Array | Uint8Array;

/** `array`'s values at the start of a new array of the same kind with `length` elements (the rest zero). */
export function grown<T extends TypedArray>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}

/**
 * Copies the first `recordLength` elements of `array` over the next
 * `count − 1` records of that length, doubling the copied stretch each time:
 * a few native copies set every record's starting values, where a loop of
 * per-field writes over hundreds of thousands of records runs in the
 * interpreter on a cold start (measured).
 */
export function repeatFirstRecord(array: TypedArray, recordLength: number, count: number): void {
  const end = recordLength * count;
  if (end > array.length) throw new RangeError(`${count} records of ${recordLength} exceed ${array.length}`);
  for (let filled = recordLength; filled < end; filled *= 2)
    array.copyWithin(filled, 0, Math.min(filled, end - filled));
}
