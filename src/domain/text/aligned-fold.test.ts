import { describe, expect, it } from 'vitest'
import { findPhrase, foldAligned, foldForSearch } from './aligned-fold.js'

describe('finding words typed without diacritics in recognised text', () => {
  it('folds each character to one, so the place of a match is the place in the original', () => {
    const { original, folded } = foldAligned('Huyện Tứ Kỳ,\nĐại Sơn')
    expect(folded.join('')).toBe('huyen tu ky  dai son')
    expect(foldForSearch('Huyện Tứ Kỳ,\nĐại Sơn')).toBe('huyen tu ky dai son')
    expect(folded).toHaveLength(original.length)
  })
  it('finds a phrase across line breaks and shows it with its diacritics', () => {
    const text = 'UBND huyện yêu cầu các xã\nHưng   Đạo, Tái Sơn báo cáo trước ngày 20/9/2022.'
    expect(findPhrase(text, ('hung dao tai son'), 10)).toBe('…các xã Hưng Đạo, Tái Sơn báo cáo…')
    expect(findPhrase(text, ('Hưng Đạo'), 200)).toBe('UBND huyện yêu cầu các xã Hưng Đạo, Tái Sơn báo cáo trước ngày 20/9/2022.')
  })
  it('finds nothing for words that are not there, or for an empty query', () => {
    expect(findPhrase('Xã Quang Khải', ('quang trung'))).toBeNull()
    expect(findPhrase('Xã Quang Khải', '')).toBeNull()
  })
})
