import { describe, expect, it } from 'vitest'
import { foldVietnamese, matchProcedures } from './search-text.js'

const catalogue = [
  { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch' },
  { code: '2.000815', name: 'Thủ tục chứng thực bản sao từ bản chính', field: 'Chứng thực' },
  { code: '1.000656', name: 'Thủ tục đăng ký khai tử', field: 'Hộ tịch' },
]

describe('finding a procedure as people type it', () => {
  it('folds accents, tone marks and đ', () => {
    expect(foldVietnamese('  Đăng ký KHAI SINH ')).toBe('dang ky khai sinh')
    expect(foldVietnamese('Chứng thực')).toBe('chung thuc')
  })

  it('"chung thuc" finds the certification, "khai sinh" the birth registration', () => {
    expect(matchProcedures(catalogue, 'chung thuc').map((p) => p.code)).toEqual(['2.000815'])
    expect(matchProcedures(catalogue, 'khai sinh').map((p) => p.code)).toEqual(['1.001193'])
    expect(matchProcedures(catalogue, 'dang ky').map((p) => p.code)).toEqual(['1.000656', '1.001193'])
  })

  it('a code finds its procedure first; every word must match', () => {
    expect(matchProcedures(catalogue, '1.001193').map((p) => p.code)).toEqual(['1.001193'])
    expect(matchProcedures(catalogue, 'khai sinh chung thuc')).toEqual([])
  })
})
