import { describe, expect, it } from 'vitest'
import { rankByValue } from './ranking.js'

describe('ranking units', () => {
  it('An Thanh, Quang Trung and Quang Khải at 100% share the first place; Dân Chủ is fourth; a commune with nothing to measure comes last, unranked', () => {
    const communes = [
      { name: 'Dân Chủ', value: 97.22 },
      { name: 'Hà Thanh', value: null },
      { name: 'Quang Trung', value: 100 },
      { name: 'Văn Tố', value: 3.33 },
      { name: 'An Thanh', value: 100 },
      { name: 'Quang Khải', value: 100 },
    ]
    const ranked = rankByValue(communes, (c) => c.value, (a, b) => a.name.localeCompare(b.name, 'vi'))
    expect(ranked.map((r) => [r.item.name, r.rank])).toEqual([
      ['An Thanh', 1],
      ['Quang Khải', 1],
      ['Quang Trung', 1],
      ['Dân Chủ', 4],
      ['Văn Tố', 5],
      ['Hà Thanh', null],
    ])
  })

  it('zero is a value and ranks; no value does not', () => {
    expect(rankByValue([{ v: 0 }, { v: null }, { v: 0 }], (x) => x.v).map((r) => r.rank)).toEqual([1, 1, null])
  })
})
