import { availableParallelism } from 'node:os';
import type { LoginScope, SarbridgeStore } from '../../io/storage/index.js';
import { ServerBusyError, TooManyLoginsError } from './errors.js';

/**
 * How sign-ins are limited. Failures count in the store (every server instance sees them) under
 * three scopes, each with its own limit within one window:
 * - a user name from one source (5): guessing one account's password from one place;
 * - one source, any names (20): password spraying, many names tried once each;
 * - a user name, any source (100): a guess spread over many addresses.
 * A failure from one source therefore never locks the user out elsewhere until the third limit,
 * which takes many addresses (an administrator unlocks: `POST /api/users/:userName/unlock`,
 * `sarbridge admin unlock`). The scrypt hashing itself runs through a small fair gate.
 */
export interface LoginPolicy {
  readonly failuresPerUserAndSource: number;
  readonly failuresPerSource: number;
  readonly failuresPerUser: number;
  readonly windowS: number;
  /** Password hashes computed at once (each scrypt holds its memory, 32 MiB with SCRYPT_PARAMETERS). */
  readonly hashConcurrency: number;
  /**
   * Sign-ins waiting for a hash before a 503 with Retry-After, in all (the lowest ranks kept: see
   * FairGate) and from one source.
   */
  readonly queueMax: number;
  readonly queuePerSourceMax: number;
  /**
   * How long a refused sign-in (429) is held before it is answered: a client that keeps a fixed
   * number of sign-ins in flight is slowed to that many per delay, instead of answering thousands
   * of cheap refusals a second (which starved the event loop for everyone else).
   */
  readonly refusalDelayMs: number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = {
  failuresPerUserAndSource: 5, failuresPerSource: 20, failuresPerUser: 100, windowS: 15 * 60,
  // one hash per two cores, at least one: a hash is CPU for hundreds of ms, and the server has other work
  hashConcurrency: Math.max(1, Math.floor(availableParallelism() / 2)), queueMax: 8, queuePerSourceMax: 2, refusalDelayMs: 1000,
};

/**
 * The address failures are counted under: an IPv4 address as it is, an IPv6 address by its /64
 * (one host owns a whole /64 and may take any address in it). IPv4 mapped into IPv6 is IPv4.
 */
export function sourceOf(address: string | undefined): string {
  if (!address) return 'unknown';
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address)) return address.slice(7);
  if (!address.includes(':')) return address;
  const [head, tail = ''] = address.toLowerCase().split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** The scopes a sign-in of `userName` from `source` counts under, in the order of the limits. */
const scopesOf = (userName: string, source: string): LoginScope[] => [
  { userName, source }, { userName: '', source }, { userName, source: '' },
];

export class LoginThrottle {
  constructor(private readonly store: SarbridgeStore, private readonly policy: LoginPolicy, private readonly clock: () => Date) {}

  /**
   * Refuse (TooManyLoginsError, with the seconds to wait) when a limit is reached for this name or
   * source; otherwise give the sign-in's rank for the gate: 0 when clean (no failure of this
   * source in the window), else the source's failures.
   */
  async check(userName: string, source: string): Promise<number> {
    const nowMs = this.clock().getTime();
    const windowMs = this.policy.windowS * 1000;
    const counts = await this.store.readLoginFailures(scopesOf(userName, source), nowMs, windowMs);
    const limits = [this.policy.failuresPerUserAndSource, this.policy.failuresPerSource, this.policy.failuresPerUser];
    const what = [`for '${userName}' from this address`, 'from this address', `for '${userName}'`];
    for (let k = 0; k < 3; k++) {
      if (counts[k].failures >= limits[k]) {
        throw new TooManyLoginsError(userName, Math.max(1, Math.ceil((counts[k].windowStartMs + windowMs - nowMs) / 1000)), what[k]);
      }
    }
    return counts[1].failures;
  }

  async failed(userName: string, source: string): Promise<void> {
    await this.store.noteLoginFailure(scopesOf(userName, source), this.clock().getTime(), this.policy.windowS * 1000);
  }

  /**
   * A sign-in refused because too many wait (503): counted against the source only (not the name,
   * whose owner may be elsewhere), or a flood of refused requests would keep rank 0 for ever and
   * fill the clean queue. A user refused once ranks 1, still before sources that failed more.
   */
  async refusedBusy(source: string): Promise<void> {
    await this.store.noteLoginFailure([{ userName: '', source }], this.clock().getTime(), this.policy.windowS * 1000);
  }

  /** A right password: forget this name's failures from this source and in all (not the source's, which other names share). */
  async succeeded(userName: string, source: string): Promise<void> {
    const [pair, , name] = scopesOf(userName, source);
    await this.store.forgetLoginFailures({ scopes: [pair, name] });
  }
}

/**
 * At most `concurrency` tasks at once; the others wait by rank, the lowest first: rank 0 is a
 * clean sign-in (no failure from its source in the window: a user who is not under attack), a
 * higher rank the number of failures its source has had. Within a rank, sources take turns
 * (round robin), and a source that already has a sign-in waiting or running waits a rank lower.
 * At most `max` wait, `perSourceMax` from one source: when the queue is full, a newcomer of a
 * lower rank takes the place of the last of the highest rank waiting, which is refused; otherwise
 * the newcomer is refused (ServerBusyError, with a retry time from the mean task duration). So a
 * flood, from one source or from many that have failed already, delays a clean sign-in only by
 * the tasks running and the other clean ones.
 */
export class FairGate {
  private running = 0;
  private count = 0;
  /** Waiting tasks by rank, then by source; a source's Map order is its turn (a source served goes to the back). */
  private readonly waiting = new Map<number, Map<string, Waiter[]>>();
  private meanTaskS = 0.5;
  /** Sign-ins waiting or running, by source; waiting only. */
  private readonly busySources = new Map<string, number>();
  private readonly waitingBySource = new Map<string, number>();

  constructor(private readonly concurrency: number, private readonly max: number, private readonly perSourceMax: number) {}

  get waitingCount(): number { return this.count; }

  /** Run `task` when its turn comes; `rank` 0 for a clean sign-in, else its source's failures. */
  async run<T>(source: string, task: () => Promise<T>, rank = 1): Promise<T> {
    const busy = this.busySources.get(source) ?? 0;
    this.busySources.set(source, busy + 1);
    try {
      return await this.runRanked(source, task, busy > 0 ? Math.max(rank, 1) + busy : rank);
    } finally {
      const n = this.busySources.get(source)! - 1;
      if (n === 0) this.busySources.delete(source); else this.busySources.set(source, n);
    }
  }

  private busyError(rank: number, fromSource: boolean): ServerBusyError {
    let ahead = this.running;
    for (const [r, queues] of this.waiting) if (r <= rank) for (const q of queues.values()) ahead += q.length;
    const retryAfterS = Math.max(1, Math.ceil((ahead / this.concurrency) * this.meanTaskS));
    return new ServerBusyError(`too many sign-ins are waiting${fromSource ? ' from this address' : ''}; retry in ${retryAfterS} s`, retryAfterS);
  }

  private async runRanked<T>(source: string, task: () => Promise<T>, rank: number): Promise<T> {
    if (this.running < this.concurrency) {
      this.running++;
    } else {
      const fromSource = this.waitingBySource.get(source) ?? 0;
      if (fromSource >= this.perSourceMax) throw this.busyError(rank, true);
      if (this.count >= this.max) {
        const worst = Math.max(...this.waiting.keys());
        if (this.count === 0 || worst <= rank) throw this.busyError(rank, false);
        // the last source in turn of the highest rank gives up its last place
        const queues = this.waiting.get(worst)!;
        const [lastSource, lastQueue] = [...queues.entries()].at(-1)!;
        const evicted = lastQueue.pop()!;
        this.forget(worst, lastSource, queues, lastQueue);
        evicted.reject(this.busyError(worst, false));
      }
      await new Promise<void>((resolve, reject) => {
        const queues = this.waiting.get(rank) ?? new Map<string, Waiter[]>();
        const queue = queues.get(source) ?? [];
        queue.push({ resume: resolve, reject });
        queues.set(source, queue);
        this.waiting.set(rank, queues);
        this.count++;
        this.waitingBySource.set(source, (this.waitingBySource.get(source) ?? 0) + 1);
      });
    }
    const started = performance.now();
    try {
      return await task();
    } finally {
      this.meanTaskS = 0.8 * this.meanTaskS + 0.2 * ((performance.now() - started) / 1000);
      this.next();
    }
  }

  /** Book-keeping for a waiter taken off `queue` (of `source`, in `queues` of `rank`). */
  private forget(rank: number, source: string, queues: Map<string, Waiter[]>, queue: Waiter[]): void {
    if (queue.length === 0) queues.delete(source);
    if (queues.size === 0) this.waiting.delete(rank);
    this.count--;
    const n = this.waitingBySource.get(source)! - 1;
    if (n === 0) this.waitingBySource.delete(source); else this.waitingBySource.set(source, n);
  }

  /** Hand the slot to the next source in turn of the lowest rank waiting, or free it. */
  private next(): void {
    if (this.waiting.size === 0) { this.running--; return; }
    const rank = Math.min(...this.waiting.keys());
    const queues = this.waiting.get(rank)!;
    const [source, queue] = queues.entries().next().value!;
    const waiter = queue.shift()!;
    queues.delete(source);
    if (queue.length) queues.set(source, queue);
    this.forget(rank, source, queues, queue);
    waiter.resume();
  }
}

interface Waiter { resume: () => void; reject: (error: Error) => void }
