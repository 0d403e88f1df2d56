import { describe, expect, it } from 'vitest'
import { isAppError } from '../../domain/shared/app-error.js'
import { PublicThrottle } from './public-throttle.js'

/** What the refused citizen reads, and the code that makes it a 429. */
function refusal(attempt: () => void): { code: string; message: string } | null {
  try {
    attempt()
    return null
  } catch (error) {
    return isAppError(error) ? { code: error.code, message: error.userMessage } : { code: 'other', message: String(error) }
  }
}

describe('the public throttle', () => {
  it('refuses an address after its tries in the window, others go on, and the window slides', () => {
    const throttle = new PublicThrottle(3, 60_000)
    for (let i = 0; i < 3; i++) throttle.take('192.0.2.1', 1_000 + i)
    expect(refusal(() => throttle.take('192.0.2.1', 2_000))).toEqual({ code: 'too_many_requests', message: 'Quá nhiều lần thử từ địa chỉ này; hãy thử lại sau 59 giây' })
    expect(() => throttle.take('192.0.2.2', 2_000)).not.toThrow()
    expect(() => throttle.take('192.0.2.1', 61_001)).not.toThrow()
  })

  it('counts only what is recorded: checking alone never uses a try', () => {
    const throttle = new PublicThrottle(1, 60_000)
    throttle.check('198.51.100.1', 0)
    throttle.check('198.51.100.1', 1)
    throttle.record('198.51.100.1', 2)
    expect(() => throttle.check('198.51.100.1', 3)).toThrow()
  })
})
