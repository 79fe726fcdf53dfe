/**
 * Picks the best few of many scored candidates without sorting them all: a sorted copy of the
 * keys gives the cut, and only those at or above it are ordered.
 */
export class TopPicker {
  private readonly sorted: Float64Array;

  constructor(size: number) {
    this.sorted = new Float64Array(size);
  }

  /** Indices into keys[0, count) of the `take` highest keys, best first, ties by `tie` ascending. */
  best(keys: Float64Array, tie: Int32Array, count: number, take: number): number[] {
    let cut = Number.NEGATIVE_INFINITY;
    if (count > take) {
      const sorted = this.sorted.subarray(0, count);
      sorted.set(keys.subarray(0, count));
      sorted.sort();
      cut = sorted[count - take] as number;
    }
    const order: number[] = [];
    for (let k = 0; k < count; k++) if ((keys[k] as number) >= cut) order.push(k);
    order.sort(
      (a, b) =>
        (keys[b] as number) - (keys[a] as number) || (tie[a] as number) - (tie[b] as number),
    );
    if (order.length > take) order.length = take;
    return order;
  }
}
