import { decreeDate } from '../reports/letter-dates.js'
import { placeName, shortUnitName } from '../reports/short-unit-name.js'
import { toVietnamDate, vietnamSecondsOfDay } from '../time/vietnam-time.js'

const two = (n: number) => String(n).padStart(2, '0')

/**
 * A moment as the one-stop slips write it (Thông tư 01/2018/TT-VPCP, Mẫu 01): "08 giờ 15 phút,
 * ngày 23 tháng 11 năm 2026", in Vietnam time whatever the machine's zone.
 */
export function clockWords(instant: Date): string {
  const seconds = vietnamSecondsOfDay(instant)
  return `${two(Math.floor(seconds / 3600))} giờ ${two(Math.floor((seconds % 3600) / 60))} phút, ${decreeDate(toVietnamDate(instant))}`
}

/** The place in a slip's date line: "Xã An Thanh" → "An Thanh", "Huyện Tứ Kỳ" → "Tứ Kỳ". */
export function slipPlace(unitName: string): string {
  return placeName(shortUnitName(unitName))
}

/** "Xã An Thanh" → "UBND XÃ AN THANH": the issuing body above the one-stop section on every slip. */
export function slipAgency(unitName: string): string {
  const name = unitName.trim()
  return /^(xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|đặc khu)\s/i.test(name) ? `UBND ${name.toLocaleUpperCase('vi')}` : name.toLocaleUpperCase('vi')
}
