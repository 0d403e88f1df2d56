import { describe, expect, it } from 'vitest'
import { secondsLeft, waitInWords, windowOf } from './fixed-window.js'

describe('fixed throttle windows', () => {
  it('puts every instant of a window in the same window, whoever computes it', () => {
    const a = windowOf(new Date('2026-11-26T08:15:00.000Z'), 15 * 60_000)
    const b = windowOf(new Date('2026-11-26T08:29:59.999Z'), 15 * 60_000)
    expect(a).toEqual(b)
    expect(a.start.toISOString()).toBe('2026-11-26T08:15:00.000Z')
    expect(windowOf(new Date('2026-11-26T08:30:00.000Z'), 15 * 60_000).start.toISOString()).toBe('2026-11-26T08:30:00.000Z')
  })

  it('says how long is left in whole seconds, in Vietnamese words', () => {
    const now = new Date('2026-11-26T08:00:15.200Z')
    expect(secondsLeft(windowOf(now, 60_000), now)).toBe(45)
    expect(waitInWords(45)).toBe('45 giây')
    expect(waitInWords(14 * 60 + 1)).toBe('15 phút')
  })

  it('refuses a window that is not a positive whole number of milliseconds', () => {
    expect(() => windowOf(new Date(), 0)).toThrow(RangeError)
  })
})
