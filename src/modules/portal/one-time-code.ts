import { createHash, randomInt, timingSafeEqual } from 'node:crypto'

/** A code lives five minutes, allows five tries, and a phone gets at most three codes in fifteen minutes. */
export const OTP_TTL_MS = 5 * 60_000
export const OTP_MAX_ATTEMPTS = 5
export const OTP_PER_PHONE = 3
export const OTP_PHONE_WINDOW_MS = 15 * 60_000

/** Six digits, uniformly drawn. */
export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/**
 * Stored as a hash salted with the phone and a server secret: a copy of the table gives no
 * code, and the same code for two phones hashes differently.
 */
export function hashOneTimeCode(phone: string, code: string, secret: string): string {
  return createHash('sha256').update(`${secret}\u0000${phone}\u0000${code}`).digest('hex')
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex')
  const y = Buffer.from(b, 'hex')
  return x.length === y.length && timingSafeEqual(x, y)
}

/** 0912 345 678, +84912345678 → 0912345678; anything else is not a Vietnamese mobile number (null). */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s.-]/g, '')
  const local = digits.startsWith('+84') ? `0${digits.slice(3)}` : digits
  return /^0[0-9]{9}$/.test(local) ? local : null
}
