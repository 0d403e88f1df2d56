import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

/**
 * Failed logins per client address in a sliding window: guessing across many accounts from one
 * address is slowed as well as guessing one account. Only failures count — an office of twenty
 * behind one address logging in each morning locks nobody out.
 */
export class LoginRateLimit {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly limit = 20,
    private readonly windowMs = 10 * 60_000,
  ) {}

  /** Before the password is checked: refuses an address that failed `limit` times in the window. */
  check(key: string, now = Date.now()): void {
    const recent = this.recent(key, now)
    if (recent.length >= this.limit) {
      const wait = Math.ceil((this.windowMs - (now - recent[0]!)) / 60_000)
      throw new AppError(ErrorCode.locked, 'too many failed logins', `Đăng nhập sai quá nhiều lần từ địa chỉ này; thử lại sau ${wait} phút`)
    }
  }

  recordFailure(key: string, now = Date.now()): void {
    this.failures.set(key, [...this.recent(key, now), now])
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!)
  }

  private recent(key: string, now: number): number[] {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs)
    if (recent.length === 0) this.failures.delete(key)
    else this.failures.set(key, recent)
    return recent
  }
}
