import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

/**
 * Tries per client address in a sliding window, for the public API: guessing dossier codes and
 * phones, or flooding the portal, is slowed (429), while a citizen checking their own dossier is
 * never held back. Kept in memory: one server process.
 */
export class PublicThrottle {
  private readonly tries = new Map<string, number[]>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Refuses an address that already made `limit` counted tries in the window. */
  check(key: string, now = Date.now()): void {
    const recent = this.recent(key, now)
    if (recent.length >= this.limit) {
      const wait = Math.max(1, Math.ceil((this.windowMs - (now - recent[0]!)) / 1000))
      throw new AppError(ErrorCode.tooManyRequests, `throttled ${key}`, `Quá nhiều lần thử từ địa chỉ này; hãy thử lại sau ${wait} giây`)
    }
  }

  record(key: string, now = Date.now()): void {
    const recent = this.recent(key, now)
    this.tries.delete(key)
    this.tries.set(key, [...recent, now])
    // The address unseen the longest is forgotten first when too many are remembered.
    if (this.tries.size > 50_000) this.tries.delete(this.tries.keys().next().value!)
  }

  /** check, then record: every request counts. */
  take(key: string, now = Date.now()): void {
    this.check(key, now)
    this.record(key, now)
  }

  private recent(key: string, now: number): number[] {
    return (this.tries.get(key) ?? []).filter((t) => now - t < this.windowMs)
  }
}
