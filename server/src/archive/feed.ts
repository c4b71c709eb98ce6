// A feed of articles as files are read: pass 1 starts on the first file's articles instead of
// after the last file's.

import type { Article } from '../corpus/types';

/**
 * Articles that arrive while the corpus is read: pass 1 starts on the first file's articles
 * instead of after the last file (reading a large archive takes a second or more).
 */
export class Feed {
  readonly items: Article[] = [];
  done = false;
  private waiters: (() => void)[] = [];
  static of(items: Article[]): Feed { const f = new Feed(); f.push(items); f.end(); return f; }
  push(items: readonly Article[]): void { for (const a of items) this.items.push(a); this.wake(); }
  end(): void { this.done = true; this.wake(); }
  /** Resolves once there are at least `n` items, or no more will come. */
  async atLeast(n: number): Promise<void> {
    while (!this.done && this.items.length < n) await new Promise<void>((res) => this.waiters.push(res));
  }
  private wake(): void { const w = this.waiters; this.waiters = []; for (const f of w) f(); }
}
