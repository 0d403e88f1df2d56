import { describe, expect, it } from 'vitest'
import { MAX_DELIVERY_ATTEMPTS, normaliseRecipient, recipientProblem, retryDelaySeconds } from './outgoing-message.js'

describe('outgoing messages', () => {
  it('waits one minute after the first failure, then twice as long each time, never more than six hours', () => {
    expect(retryDelaySeconds(1)).toBe(60)
    expect(retryDelaySeconds(2)).toBe(120)
    expect(retryDelaySeconds(4)).toBe(480)
    expect(retryDelaySeconds(MAX_DELIVERY_ATTEMPTS + 20)).toBe(6 * 3600)
  })

  it('accepts a Vietnamese mobile number written with spaces or +84, and refuses a short one', () => {
    expect(recipientProblem('sms', '0912 345 678')).toBeNull()
    expect(recipientProblem('sms', '+84912345678')).toBeNull()
    expect(recipientProblem('sms', '091234567')).toMatch(/số điện thoại không hợp lệ/)
    expect(normaliseRecipient('sms', '0912.345.678')).toBe('0912345678')
  })

  it('refuses an e-mail address without a domain', () => {
    expect(recipientProblem('email', 'vanphong@tuky.haiduong.gov.vn')).toBeNull()
    expect(recipientProblem('email', 'vanphong@')).toMatch(/thư điện tử không hợp lệ/)
  })
})
