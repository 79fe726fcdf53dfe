/**
 * Picks the best few of many scored candidates without sorting them all: a selection over a copy
 * of the keys (quickselect, linear on average) gives the cut, and only those at or above it are
 * ordered.
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
      const copy = this.sorted.subarray(0, count);
      copy.set(keys.subarray(0, count));
      cut = select(copy, count - take);
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

/** The k-th smallest of a (0-based), reordering a: Hoare's quickselect, middle element as pivot. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}
