/**
 * Characters a code (of a unit, procedure, dossier, feedback item) may not hold: C0 and C1
 * control characters and DEL, and the invisible format characters that hide or reorder text
 * (zero-width, bidirectional overrides, BOM) — a code that looks like another is a forgery.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/u
/** A spreadsheet runs a cell beginning with these as a formula (see spreadsheet-safe.ts). */
const FORMULA_START = /^[=+\-@]/

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/** Why a code is not acceptable, in Vietnamese, or null when it is. */
export function codeProblem(code: string): string | null {
  const control = CONTROL.exec(code)
  if (control) return `mã không được chứa ký tự điều khiển hoặc ký tự ẩn (${codePoint(control[0])} ở vị trí ${control.index + 1})`
  if (FORMULA_START.test(code)) return `mã không được bắt đầu bằng "${code[0]}" (bảng tính sẽ hiểu là công thức)`
  return null
}

/** The value as it may be shown in a message: control characters written as \u…, never raw. */
export function visibleText(value: string): string {
  return value.replace(new RegExp(CONTROL.source, 'gu'), (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`)
}
