import { describe, expect, it } from 'vitest'
import { nameInSentence, placeName, shortUnitName } from './short-unit-name.js'

describe('unit names as the letters write them', () => {
  it('communes are listed without "Xã", and keep every diacritic', () => {
    expect(shortUnitName('Xã An Thanh')).toBe('An Thanh')
    expect(shortUnitName('Xã Quảng Nghiệp')).toBe('Quảng Nghiệp')
    expect(shortUnitName('Phường Bình Hàn')).toBe('Bình Hàn')
    expect(shortUnitName('Thị trấn Gia Lộc')).toBe('Gia Lộc')
  })

  it('the town that shares the district’s name keeps "Thị trấn": "Tứ Kỳ" alone would read as the whole district', () => {
    expect(shortUnitName('Thị trấn Tứ Kỳ', ['Tứ Kỳ'])).toBe('Thị trấn Tứ Kỳ')
  })

  it('the place of the date line is the district without "Huyện": "Tứ Kỳ, ngày …"', () => {
    expect(placeName('Huyện Tứ Kỳ')).toBe('Tứ Kỳ')
    expect(placeName('Thành phố Chí Linh')).toBe('Chí Linh')
    expect(placeName('Tỉnh Hải Dương')).toBe('Hải Dương')
  })

  it('inside a sentence the kind word is a common noun: "Ủy ban nhân dân huyện Tứ Kỳ"', () => {
    expect(nameInSentence('Huyện Tứ Kỳ')).toBe('huyện Tứ Kỳ')
    expect(nameInSentence('Xã An Thanh')).toBe('xã An Thanh')
    expect(nameInSentence('Văn phòng HĐND và UBND huyện Tứ Kỳ')).toBe('Văn phòng HĐND và UBND huyện Tứ Kỳ')
  })
})
