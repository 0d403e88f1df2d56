import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { TooManyRequestsError } from '../../domain/shared/too-many-requests.js'
import { secondsLeft, waitInWords, windowOf } from '../../domain/throttles/fixed-window.js'
import { countHit, hitsIn } from '../../modules/throttles/throttle-counters.js'

/**
 * Tries per client address in a fixed window, for the public API: guessing dossier codes and
 * phones, or flooding the portal, is slowed (429 with Retry-After), while a citizen checking
 * their own dossier is never held back. Counted in the database, so two server processes share
 * one allowance. `name` keeps throttles with different limits apart.
 */
export class PublicThrottle {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Refuses an address that already made `limit` counted tries in the window; counts nothing. */
  async check(key: string): Promise<void> {
    const now = this.clock()
    const window = windowOf(now, this.windowMs)
    if ((await hitsIn(this.db, this.keyOf(key), window)) >= this.limit) this.refuse(key, secondsLeft(window, now))
  }

  /** Counts a try. */
  async record(key: string): Promise<void> {
    await countHit(this.db, this.keyOf(key), windowOf(this.clock(), this.windowMs))
  }

  /** Counts the try and refuses it beyond the limit: every request counts, in one upsert. */
  async take(key: string): Promise<void> {
    const now = this.clock()
    const window = windowOf(now, this.windowMs)
    if ((await countHit(this.db, this.keyOf(key), window)) > this.limit) this.refuse(key, secondsLeft(window, now))
  }

  private keyOf(key: string): string {
    return `${this.name}:${key}`.slice(0, 200)
  }

  private refuse(key: string, seconds: number): never {
    throw new TooManyRequestsError(`throttled ${this.name} ${key}`, `Quá nhiều lần thử từ địa chỉ này; hãy thử lại sau ${waitInWords(seconds)}`, seconds)
  }
}
