import { describe, expect, it } from 'vitest'
import { trendPhrase, type TrendWords } from './trend-sentence.js'

const words: TrendWords = {
  rose: 'đã tăng từ {a} lên {b}',
  fell: 'đã giảm từ {a} xuống {b}',
  then_rose: 'lên {b}',
  then_fell: 'xuống {b}',
  last_rose: 'và đạt {b}',
  last_fell: 'nhưng giảm còn {b}',
  only: 'đạt {a}',
  kept: 'giữ nguyên ở mức {a}',
  none: 'chưa phát sinh hồ sơ ({periods})',
}

describe('the trend sentence of a letter', () => {
  it('says what seed 000 says: from 3,95% in July to 35,44% in August, and 58,59% in the week 5–9/9/2022', () => {
    const phrase = trendPhrase(
      [
        { label: 'tháng 7', value: 3.95 },
        { label: 'tháng 8', value: 35.44 },
        { label: 'từ ngày 05/9-09/9/2022', value: 58.59 },
      ],
      words,
    )
    expect(`Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC toàn huyện ${phrase}`).toBe(
      'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC toàn huyện đã tăng từ 3,95% (tháng 7) lên 35,44% (tháng 8) và đạt 58,59% (từ ngày 05/9-09/9/2022)',
    )
  })

  it('two periods are one step; a fall is said as a fall', () => {
    expect(trendPhrase([{ label: 'tháng 7', value: 3.95 }, { label: 'tháng 8', value: 35.44 }], words)).toBe('đã tăng từ 3,95% (tháng 7) lên 35,44% (tháng 8)')
    expect(trendPhrase([{ label: 'tháng 7', value: 40 }, { label: 'tháng 8', value: 32.5 }], words)).toBe('đã giảm từ 40% (tháng 7) xuống 32,5% (tháng 8)')
  })

  it('a rise then a fall ends with "nhưng giảm còn"; the middle steps are joined by commas', () => {
    const phrase = trendPhrase(
      [
        { label: 'tháng 6', value: 10 },
        { label: 'tháng 7', value: 20 },
        { label: 'tháng 8', value: 15 },
        { label: 'tháng 9', value: 12.5 },
      ],
      words,
    )
    expect(phrase).toBe('đã tăng từ 10% (tháng 6) lên 20% (tháng 7), xuống 15% (tháng 8) nhưng giảm còn 12,5% (tháng 9)')
  })

  it('the same figure in periods next to each other is said once; the same figure throughout is "giữ nguyên"', () => {
    expect(trendPhrase([{ label: 'tháng 7', value: 50 }, { label: 'tháng 8', value: 50 }, { label: 'tháng 9', value: 60 }], words)).toBe('đã tăng từ 50% (tháng 7 và tháng 8) lên 60% (tháng 9)')
    expect(trendPhrase([{ label: 'tháng 7', value: 50 }, { label: 'tháng 8', value: 50 }], words)).toBe('giữ nguyên ở mức 50% (tháng 7 và tháng 8)')
  })

  it('a period with nothing to measure is left out, for "không phát sinh" is not 0%; with nothing at all the template says so', () => {
    expect(trendPhrase([{ label: 'tháng 7', value: null }, { label: 'tháng 8', value: 35.44 }], words)).toBe('đạt 35,44% (tháng 8)')
    expect(trendPhrase([{ label: 'tháng 7', value: null }, { label: 'tháng 8', value: null }], words)).toBe('chưa phát sinh hồ sơ (tháng 7 và tháng 8)')
  })
})
