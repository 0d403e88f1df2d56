import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

/**
 * Login attempts per client address in a sliding window, before the password is even checked:
 * guessing across many accounts from one address is slowed as well as guessing one account.
 */
export class LoginRateLimit {
  private readonly attempts = new Map<string, number[]>()

  constructor(
    private readonly limit = 20,
    private readonly windowMs = 10 * 60_000,
  ) {}

  check(key: string, now = Date.now()): void {
    const recent = (this.attempts.get(key) ?? []).filter((t) => now - t < this.windowMs)
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent)
      const wait = Math.ceil((this.windowMs - (now - recent[0]!)) / 60_000)
      throw new AppError(ErrorCode.locked, 'too many login attempts', `Đăng nhập quá nhiều lần từ địa chỉ này; thử lại sau ${wait} phút`)
    }
    recent.push(now)
    this.attempts.set(key, recent)
    if (this.attempts.size > 10_000) this.attempts.delete(this.attempts.keys().next().value!)
  }
}
