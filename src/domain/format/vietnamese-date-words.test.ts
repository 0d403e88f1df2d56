import { describe, expect, it } from 'vitest'
import { clockWords, slipAgency, slipPlace } from './vietnamese-date-words.js'

describe('dates and places on the one-stop slips', () => {
  it('writes 01:15 UTC on 23/11/2026 as "08 giờ 15 phút, ngày 23 tháng 11 năm 2026" (Vietnam time)', () => {
    expect(clockWords(new Date('2026-11-23T01:15:00Z'))).toBe('08 giờ 15 phút, ngày 23 tháng 11 năm 2026')
  })

  it('writes 17:00 on Friday 6/5/2022 with the Decree 30 leading zeros', () => {
    expect(clockWords(new Date('2022-05-06T10:00:00Z'))).toBe('17 giờ 00 phút, ngày 06 tháng 5 năm 2022')
  })

  it('crosses midnight into the Vietnamese day: 20:30 UTC on 31/1/2023 is 03 giờ 30 on 01/02/2023', () => {
    expect(clockWords(new Date('2023-01-31T20:30:00Z'))).toBe('03 giờ 30 phút, ngày 01 tháng 02 năm 2023')
  })

  it('names the place and the issuing body of a commune and a district', () => {
    expect(slipPlace('Xã An Thanh')).toBe('An Thanh')
    expect(slipPlace('Huyện Tứ Kỳ')).toBe('Tứ Kỳ')
    expect(slipAgency('Xã An Thanh')).toBe('UBND XÃ AN THANH')
    expect(slipAgency('Thị trấn Tứ Kỳ')).toBe('UBND THỊ TRẤN TỨ KỲ')
    expect(slipAgency('Văn phòng HĐND và UBND huyện')).toBe('VĂN PHÒNG HĐND VÀ UBND HUYỆN')
  })
})
