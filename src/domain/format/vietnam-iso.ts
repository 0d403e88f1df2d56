/** An instant as ISO 8601 in Vietnam time with its offset: `2022-09-05T08:15:00+07:00`. */
export function formatVietnamIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + 7 * 3600_000).toISOString()
  const ms = shifted.slice(20, 23)
  return `${shifted.slice(0, 19)}${ms === '000' ? '' : `.${ms}`}+07:00`
}
