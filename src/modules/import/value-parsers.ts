import { normalizeKey } from './normalize-text.js'

/** A parsed cell, or the Vietnamese reason it could not be parsed. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason })

const TRUE_WORDS = new Set(['true', '1', 'x', 'có', 'co', 'yes'])
const FALSE_WORDS = new Set(['false', '0', 'không', 'khong', 'no'])

/** Booleans: true/false, 1/0, x/empty, có/không. Empty is false. */
export function parseBoolean(raw: string): Parsed<boolean> {
  const key = normalizeKey(raw)
  if (key === '' || FALSE_WORDS.has(key)) return ok(false)
  if (TRUE_WORDS.has(key)) return ok(true)
  return fail('không phải giá trị đúng/sai (true/false, có/không, x)')
}

export function parseNonNegativeInteger(raw: string): Parsed<number> {
  const text = raw.trim()
  if (!/^\d+$/.test(text)) return fail('phải là số nguyên không âm')
  const value = Number(text)
  return Number.isSafeInteger(value) ? ok(value) : fail('số quá lớn')
}

/** Decimals with a point or a Vietnamese comma (0,5). */
export function parseNonNegativeDecimal(raw: string): Parsed<number> {
  const text = raw.trim().replace(',', '.')
  if (!/^\d+(\.\d+)?$/.test(text)) return fail('phải là số không âm (ví dụ 3 hoặc 0,5)')
  return ok(Number(text))
}

/** Money in đồng: digits, optionally grouped with dots, commas or spaces (50.000). */
export function parseMoney(raw: string): Parsed<number> {
  const text = raw.trim().replace(/[.,\s](?=\d{3}(\D|$))/g, '')
  if (!/^\d+$/.test(text)) return fail('phải là số tiền (đồng) không âm')
  const value = Number(text)
  return Number.isSafeInteger(value) ? ok(value) : fail('số tiền quá lớn')
}

/** An enumerated value given by its canonical name or one of its Vietnamese aliases. */
export function parseEnum<T extends string>(raw: string, aliases: ReadonlyMap<string, T>, allowed: string): Parsed<T> {
  const value = aliases.get(normalizeKey(raw))
  return value === undefined ? fail(`giá trị không hợp lệ; dùng một trong: ${allowed}`) : ok(value)
}

/** Build the alias map from canonical values and their Vietnamese names. */
export function enumAliases<T extends string>(entries: Record<T, readonly string[]>): ReadonlyMap<string, T> {
  const map = new Map<string, T>()
  for (const [canonical, names] of Object.entries(entries) as [T, readonly string[]][]) {
    map.set(normalizeKey(canonical), canonical)
    for (const name of names) map.set(normalizeKey(name), canonical)
  }
  return map
}

const VIETNAM_OFFSET_MINUTES = 7 * 60

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Builds the instant arithmetically (this runs for every time of a million-row file). */
function buildInstant(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMinutes: number): Parsed<Date> {
  if (y < 1900 || y > 2200) return fail('năm không hợp lệ')
  if (mo < 1 || mo > 12) return fail('tháng không hợp lệ')
  if (d < 1 || d > daysInMonth(y, mo)) return fail('ngày không tồn tại')
  if (h > 23 || mi > 59 || s > 59) return fail('giờ không hợp lệ')
  return ok(new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000))
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone) return VIETNAM_OFFSET_MINUTES
  if (zone === 'Z') return 0
  const sign = zone.startsWith('-') ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)))
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/
const VIETNAMESE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/

/**
 * Times: ISO 8601 with an offset; without one it is Vietnam time; a bare date is 00:00
 * Vietnam time; also dd/mm/yyyy [HH:mm[:ss]] as Vietnamese files write them.
 */
export function parseTime(raw: string): Parsed<Date> {
  const text = raw.trim()
  const iso = ISO.exec(text)
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0
    return buildInstant(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), Math.min(ms, 999), offsetMinutes(zone))
  }
  const vn = VIETNAMESE.exec(text)
  if (vn) {
    const [, d, mo, y, h, mi, s] = vn
    return buildInstant(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), 0, VIETNAM_OFFSET_MINUTES)
  }
  return fail('không đúng định dạng thời gian (ví dụ 2022-09-05T08:15:00+07:00 hoặc 05/9/2022 08:15)')
}

/** A calendar date (Vietnam), from any time form above: `2022-04-29`, `29/4/2022`. */
export function parseLocalDate(raw: string): Parsed<string> {
  const parsed = parseTime(raw)
  if (!parsed.ok) return parsed
  // A bare date is midnight in Vietnam; keep the Vietnam calendar date.
  return ok(new Date(parsed.value.getTime() + VIETNAM_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10))
}

/** A boolean where an empty cell means "not known" (null), not false. */
export function parseKnownBoolean(raw: string): Parsed<boolean | null> {
  return raw.trim() === '' ? ok(null) : parseBoolean(raw)
}
