import { describe, expect, it } from 'vitest'
import { joinVietnamese } from './vietnamese-list.js'

describe('a list as a sentence reads it', () => {
  it('one name stands alone, two are joined by "và", more take commas and "và" before the last', () => {
    expect(joinVietnamese([])).toBe('')
    expect(joinVietnamese(['An Thanh'])).toBe('An Thanh')
    expect(joinVietnamese(['Hà Thanh', 'Tân Kỳ'])).toBe('Hà Thanh và Tân Kỳ')
    expect(joinVietnamese(['An Thanh', 'Quang Trung', 'Quang Khải'])).toBe('An Thanh, Quang Trung và Quang Khải')
  })

  it('an empty name is no name', () => {
    expect(joinVietnamese(['Hà Kỳ', '', 'Minh Đức'])).toBe('Hà Kỳ và Minh Đức')
  })
})
