import { describe, expect, it } from 'vitest'
import { enumAliases, parseBoolean, parseEnum, parseMoney, parseNonNegativeDecimal, parseTime } from './value-parsers.js'

const instant = (text: string) => {
  const parsed = parseTime(text)
  if (!parsed.ok) throw new Error(parsed.reason)
  return parsed.value.toISOString()
}

describe('reading cells of an import file', () => {
  it('a time with no offset is Vietnam time, a bare date is midnight in Vietnam', () => {
    expect(instant('2022-09-05T08:15:00+07:00')).toBe('2022-09-05T01:15:00.000Z')
    expect(instant('2022-09-05T08:15:00')).toBe('2022-09-05T01:15:00.000Z')
    expect(instant('2022-09-05')).toBe('2022-09-04T17:00:00.000Z')
    expect(instant('2022-09-05T01:15:00Z')).toBe('2022-09-05T01:15:00.000Z')
  })

  it('Vietnamese dates dd/mm/yyyy with or without a time', () => {
    expect(instant('05/9/2022')).toBe('2022-09-04T17:00:00.000Z')
    expect(instant('5/09/2022 08:15')).toBe('2022-09-05T01:15:00.000Z')
    expect(instant('15/9/2022 14:30:05')).toBe('2022-09-15T07:30:05.000Z')
  })

  it('impossible dates are refused with a reason', () => {
    expect(parseTime('2022-02-30')).toEqual({ ok: false, reason: 'ngày không tồn tại' })
    expect(parseTime('31/4/2022')).toEqual({ ok: false, reason: 'ngày không tồn tại' })
    expect(parseTime('2022-13-01').ok).toBe(false)
    expect(parseTime('hôm qua').ok).toBe(false)
    expect(parseTime('2022-09-05T25:00:00').ok).toBe(false)
  })

  it('booleans in English, digits, x and Vietnamese', () => {
    for (const yes of ['true', '1', 'x', 'X', 'có', 'Có ']) expect(parseBoolean(yes)).toEqual({ ok: true, value: true })
    for (const no of ['false', '0', '', 'không', 'KHÔNG']) expect(parseBoolean(no)).toEqual({ ok: true, value: false })
    expect(parseBoolean('maybe').ok).toBe(false)
  })

  it('Vietnamese values match ignoring case, spaces and Unicode normalization', () => {
    const channels = enumAliases({ online: ['trực tuyến'], direct: ['trực tiếp'], postal: ['bưu chính', 'bưu chính công ích'] })
    expect(parseEnum('Trực tuyến', channels, '')).toEqual({ ok: true, value: 'online' })
    expect(parseEnum('  bưu   chính công ích ', channels, '')).toEqual({ ok: true, value: 'postal' })
    expect(parseEnum('trực tuyến'.normalize('NFD'), channels, '')).toEqual({ ok: true, value: 'online' })
    expect(parseEnum('fax', channels, 'online, direct, postal').ok).toBe(false)
  })

  it('money may be grouped the Vietnamese way, days may use a decimal comma', () => {
    expect(parseMoney('50.000')).toEqual({ ok: true, value: 50000 })
    expect(parseMoney('1 500 000')).toEqual({ ok: true, value: 1500000 })
    expect(parseMoney('-5').ok).toBe(false)
    expect(parseNonNegativeDecimal('0,5')).toEqual({ ok: true, value: 0.5 })
  })
})
