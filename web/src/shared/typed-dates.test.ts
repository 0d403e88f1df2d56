import { describe, expect, it } from 'vitest'
import { parseTypedDate } from './typed-dates.js'

const iso = (text: string) => parseTypedDate(text)?.format('YYYY-MM-DD') ?? null

describe('a date typed at the counter', () => {
  it('is read day first in the forms officers type', () => {
    expect(iso('15/09/2022')).toBe('2022-09-15')
    expect(iso('15/9/2022')).toBe('2022-09-15')
    expect(iso('5/9/2022')).toBe('2022-09-05')
    expect(iso(' 05-09-2022 ')).toBe('2022-09-05')
    expect(iso('5.9.2022')).toBe('2022-09-05')
    expect(iso('05092022')).toBe('2022-09-05')
    expect(iso('2022-09-05')).toBe('2022-09-05')
  })

  it('a date that does not exist, or text that is not a date, is not guessed at', () => {
    expect(iso('31/2/2023')).toBeNull()
    expect(iso('29/2/2023')).toBeNull()
    expect(iso('29/2/2024')).toBe('2024-02-29')
    expect(iso('13/13/2022')).toBeNull()
    expect(iso('hôm nay')).toBeNull()
    expect(iso('')).toBeNull()
  })
})
