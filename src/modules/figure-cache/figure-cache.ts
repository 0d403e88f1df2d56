/** How the cache has served so far, for /api/v1/metrics and the load benchmark. */
export interface FigureCacheStats {
  /** Answers served from memory. */
  hits: number
  /** Answers computed. */
  misses: number
  /** Requests that waited for the same computation already running (single-flight). */
  coalesced: number
  /** Computations stopped because every request waiting for them had gone. */
  abandoned: number
  entries: number
  maxEntries: number
  /** The newest data version seen; older entries were dropped when it came. */
  version: number | null
  /** Computations running now, and waiting for their turn. */
  computing: number
  waiting: number
}

interface Flight {
  promise: Promise<unknown>
  waiters: number
  controller: AbortController
}

/** Waits for `promise`, or rejects with the signal's reason as soon as the signal aborts. */
function untilStopped<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason)
    signal.addEventListener('abort', stop, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop))
  })
}

/**
 * Computed answers (indicator tables, series, the Decision 766 overview) kept in process memory
 * under (data version, question). A bounded LRU: the least recently used answer goes first.
 * A new version drops every older entry — they can never be asked for again. Identical
 * questions asked while one is being computed wait for that one computation (single-flight);
 * the computation is told to stop when every request waiting for it has gone.
 */
export class FigureCache {
  private readonly entries = new Map<string, unknown>()
  private readonly flights = new Map<string, Flight>()
  private latestVersion: number | null = null
  private readonly counters = { hits: 0, misses: 0, coalesced: 0, abandoned: 0 }

  private running = 0
  private readonly queue: (() => void)[] = []

  /**
   * `maxEntries` answers kept; at most `maxComputing` computations at once, the others wait their
   * turn in memory (not in the database's queue), so a burst of questions cannot hold up every
   * other request, and a question abandoned while waiting costs nothing.
   */
  constructor(
    private readonly maxEntries = 500,
    private readonly maxComputing = 4,
  ) {}

  /**
   * The answer to `key` at `version`: from memory, from the computation already running, or
   * computed now. `signal` is the asking request's: when it aborts (client gone, timeout) this
   * request stops waiting with the signal's reason.
   */
  async answer<T>(version: number, key: string, compute: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted()
    this.noteVersion(version)
    const slot = `${version}\u0000${key}`
    if (this.entries.has(slot)) {
      const value = this.entries.get(slot)
      // Map keeps insertion order: re-inserting makes it the most recently used.
      this.entries.delete(slot)
      this.entries.set(slot, value)
      this.counters.hits += 1
      return value as T
    }
    let flight = this.flights.get(slot)
    if (flight) this.counters.coalesced += 1
    else flight = this.start(version, slot, compute)
    flight.waiters += 1
    const joined = flight
    try {
      return (await untilStopped(joined.promise, signal)) as T
    } finally {
      joined.waiters -= 1
      if (joined.waiters === 0 && this.flights.get(slot) === joined) {
        // Nobody is waiting any more: stop the work, and let the next request start afresh.
        this.flights.delete(slot)
        this.counters.abandoned += 1
        joined.controller.abort(new Error('every request waiting for this answer has gone'))
      }
    }
  }

  /**
   * An answer already kept at `version` (a hit), or undefined — nothing is computed. With `keep`,
   * for what is derived from a computed answer in a moment (its JSON text, a list drawn from a
   * table): made at once by the request that misses, never waiting for a computation's turn.
   */
  peek<T>(version: number, key: string): T | undefined {
    this.noteVersion(version)
    const slot = `${version}\u0000${key}`
    if (!this.entries.has(slot)) return undefined
    const value = this.entries.get(slot)
    this.entries.delete(slot)
    this.entries.set(slot, value)
    this.counters.hits += 1
    return value as T
  }

  /** Keeps `value` as the answer to `key` at `version` (unless a newer version has come), and returns it. */
  keep<T>(version: number, key: string, value: T): T {
    this.noteVersion(version)
    if (version === this.latestVersion) this.remember(`${version}\u0000${key}`, value)
    return value
  }

  stats(): FigureCacheStats {
    return { ...this.counters, entries: this.entries.size, maxEntries: this.maxEntries, version: this.latestVersion, computing: this.running, waiting: this.queue.length }
  }

  private start(version: number, slot: string, compute: (signal: AbortSignal) => Promise<unknown>): Flight {
    this.counters.misses += 1
    const controller = new AbortController()
    const flight: Flight = { promise: Promise.resolve(), waiters: 0, controller }
    flight.promise = this.inTurn(controller.signal, () => compute(controller.signal)).then((value) => {
      if (this.flights.get(slot) === flight) this.flights.delete(slot)
      // An answer computed at a version already superseded is of no use to anyone later.
      if (version === this.latestVersion) this.remember(slot, value)
      return value
    }, (error: unknown) => {
      if (this.flights.get(slot) === flight) this.flights.delete(slot)
      throw error
    })
    // A stopped computation's rejection is nobody's to handle once its waiters have left.
    flight.promise.catch(() => undefined)
    this.flights.set(slot, flight)
    return flight
  }

  /** Runs `work` when fewer than `maxComputing` run; gives up waiting when `signal` aborts. */
  private async inTurn<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    if (this.running < this.maxComputing) this.running += 1
    else {
      // The slot is handed over by the computation that ends (running stays as it is).
      await new Promise<void>((resolve, reject) => {
        const turn = () => {
          signal.removeEventListener('abort', leave)
          resolve()
        }
        const leave = () => {
          this.queue.splice(this.queue.indexOf(turn), 1)
          reject(signal.reason)
        }
        this.queue.push(turn)
        signal.addEventListener('abort', leave, { once: true })
      })
    }
    try {
      signal.throwIfAborted()
      return await work()
    } finally {
      const next = this.queue.shift()
      if (next) next()
      else this.running -= 1
    }
  }

  private remember(slot: string, value: unknown): void {
    this.entries.set(slot, value)
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
  }

  private noteVersion(version: number): void {
    if (this.latestVersion !== null && version <= this.latestVersion) return
    this.latestVersion = version
    this.entries.clear()
  }
}
