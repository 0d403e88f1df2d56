import { toVietnamDate, vietnamSecondsOfDay } from '../time/vietnam-time.js'

/** "17:00 ngày 15/9/2022": Vietnam time, the day without leading zeros as vi-VN writes it. */
export function vietnamDateTimeWords(instant: Date): string {
  const [y, m, d] = toVietnamDate(instant).split('-').map(Number)
  const seconds = vietnamSecondsOfDay(instant)
  const hh = String(Math.floor(seconds / 3600)).padStart(2, '0')
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')
  return `${hh}:${mm} ngày ${d}/${m}/${y}`
}
