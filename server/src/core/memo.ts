// A bounded memo for the pure functions that analysis calls on the same words over and over
// (folds, keys, lemmas, event words, interned strings). When it reaches its bound it is emptied,
// not evicted entry by entry: it then only computes afresh more often, and it never holds more
// than `limit` entries in a long-running server.

export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined { return this.map.get(key); }

  /** Remember `value` for `key` (emptying the memo first when it is full); returns `value`. */
  set(key: K, value: V): V {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(key, value);
    return value;
  }

  get size(): number { return this.map.size; }
  clear(): void { this.map.clear(); }
}
