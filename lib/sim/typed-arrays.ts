type TypedArray = Int32Array | Float64Array | Uint8Array;

/** `array`'s values at the start of a new array of the same kind with `length` elements (the rest zero). */
export function grown<T extends TypedArray>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}
