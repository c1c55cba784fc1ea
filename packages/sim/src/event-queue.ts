/**
 * The pending-event set: a binary min-heap on (time, insertion order). Ties in time are broken by insertion order,
 * which is what makes a run reproducible: two events at the same instant always run in the order they were scheduled.
 * Times and sequence numbers live in typed arrays, so the heap moves numbers, not objects.
 */

const INITIAL_CAPACITY = 1024;

export class EventQueue<T> {
  private times = new Float64Array(INITIAL_CAPACITY);
  private order = new Float64Array(INITIAL_CAPACITY);
  private items: (T | undefined)[] = new Array(INITIAL_CAPACITY);
  private count = 0;
  private inserted = 0;

  get size(): number {
    return this.count;
  }

  /** The time of the next event, or Infinity when none is pending. */
  peekTime(): number {
    return this.count === 0 ? Number.POSITIVE_INFINITY : (this.times[0] as number);
  }

  push(time: number, item: T): void {
    if (this.count === this.times.length) this.grow();
    const seq = this.inserted++;
    let i = this.count++;
    const { times, order, items } = this;
    // Sift up: move parents down until the new entry's slot is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (order[parent] as number) < seq)) break;
      times[i] = pt;
      order[i] = order[parent] as number;
      items[i] = items[parent];
      i = parent;
    }
    times[i] = time;
    order[i] = seq;
    items[i] = item;
  }

  /** Removes and returns the earliest event's item; call peekTime() first for its time. */
  pop(): T | undefined {
    if (this.count === 0) return undefined;
    const { times, order, items } = this;
    const top = items[0];
    const last = --this.count;
    const time = times[last] as number;
    const seq = order[last] as number;
    const item = items[last];
    items[last] = undefined;
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      const right = child + 1;
      if (right < last) {
        const ct = times[child] as number;
        const rt = times[right] as number;
        if (rt < ct || (rt === ct && (order[right] as number) < (order[child] as number))) child = right;
      }
      const ct = times[child] as number;
      if (time < ct || (time === ct && seq < (order[child] as number))) break;
      times[i] = ct;
      order[i] = order[child] as number;
      items[i] = items[child];
      i = child;
    }
    if (last > 0) {
      times[i] = time;
      order[i] = seq;
      items[i] = item;
    }
    return top;
  }

  clear(): void {
    this.items = new Array(this.times.length);
    this.count = 0;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    const order = new Float64Array(capacity);
    times.set(this.times);
    order.set(this.order);
    this.times = times;
    this.order = order;
    this.items.length = capacity;
  }
}
