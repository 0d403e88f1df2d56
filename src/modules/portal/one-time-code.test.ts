import { describe, expect, it } from 'vitest'
import { hashOneTimeCode, newOneTimeCode, normalisePhone, sameHash } from './one-time-code.js'

describe('one-time codes', () => {
  it('are six digits', () => {
    for (let i = 0; i < 50; i++) expect(newOneTimeCode()).toMatch(/^[0-9]{6}$/)
  })

  it('hash differently for two phones and the same code, and the same for the same pair', () => {
    const a = hashOneTimeCode('0912345678', '123456', 'bí mật')
    expect(hashOneTimeCode('0912345679', '123456', 'bí mật')).not.toBe(a)
    expect(sameHash(hashOneTimeCode('0912345678', '123456', 'bí mật'), a)).toBe(true)
    expect(sameHash(hashOneTimeCode('0912345678', '123457', 'bí mật'), a)).toBe(false)
  })

  it('read a mobile number written with spaces, dots or +84, and refuse a short one', () => {
    expect(normalisePhone('0912 345 678')).toBe('0912345678')
    expect(normalisePhone('+84912.345.678')).toBe('0912345678')
    expect(normalisePhone('091234567')).toBeNull()
  })
})
