import { describe, expect, it } from 'vitest'
import { thresholdLists } from './threshold-lists.js'

describe('the dashboard’s praise and criticism lists follow the letters’ order', () => {
  it('three communes at 100 % are listed An Thanh, Quang Trung, Quang Khải — the one that rose most first, as seed 000 writes them', () => {
    const lists = thresholdLists(
      [
        { unitCode: 'H23.07.20', unitName: 'Xã Quang Khải', value: 100, change: 7 },
        { unitCode: 'H23.07.17', unitName: 'Xã Quang Trung', value: 100, change: 17 },
        { unitCode: 'H23.07.01', unitName: 'Xã An Thanh', value: 100, change: 49.5 },
        { unitCode: 'H23.07.05', unitName: 'Xã Dân Chủ', value: 97.22, change: 1 },
      ],
      { above: 80 },
    )
    expect(lists.above.map((u) => u.unitName)).toEqual(['Xã An Thanh', 'Xã Quang Trung', 'Xã Quang Khải', 'Xã Dân Chủ'])
    // The change orders; it is not part of the answer.
    expect(lists.above[0]).toEqual({ unitCode: 'H23.07.01', unitName: 'Xã An Thanh', value: 100 })
  })

  it('among equal low figures the one that fell most comes first; an unknown change goes last; then the name without "Xã"', () => {
    const lists = thresholdLists(
      [
        { unitCode: 'a', unitName: 'Xã Hà Kỳ', value: 10, change: null },
        { unitCode: 'b', unitName: 'Xã Bình Lăng', value: 10, change: -5 },
        { unitCode: 'c', unitName: 'Xã Đại Sơn', value: 10, change: -20 },
        { unitCode: 'd', unitName: 'Thị trấn Tứ Kỳ', value: 0 },
        { unitCode: 'e', unitName: 'Xã An Thanh', value: 0 },
        { unitCode: 'f', unitName: 'Xã Văn Tố', value: null },
      ],
      { below: 20 },
    )
    expect(lists.below.map((u) => u.unitName)).toEqual(['Xã An Thanh', 'Thị trấn Tứ Kỳ', 'Xã Đại Sơn', 'Xã Bình Lăng', 'Xã Hà Kỳ'])
    expect(lists.zero.map((u) => u.unitName)).toEqual(['Xã An Thanh', 'Thị trấn Tứ Kỳ'])
    expect(lists.noValue.map((u) => u.unitName)).toEqual(['Xã Văn Tố'])
  })

  it('the dashboard criticises whom a letter would: the low ones and the communes that never e-certified, never a praised one', () => {
    const lists = thresholdLists(
      [
        { unitCode: 'a', unitName: 'Xã Quảng Nghiệp', value: 93.94, ecertStarted: false },
        { unitCode: 'b', unitName: 'Xã Hà Kỳ', value: 43.75, ecertStarted: false },
        { unitCode: 'c', unitName: 'Xã Văn Tố', value: 3.33, ecertStarted: true },
        { unitCode: 'd', unitName: 'Xã Hưng Đạo', value: 17.65, ecertStarted: false },
        { unitCode: 'e', unitName: 'Văn phòng huyện', value: 10, ecertStarted: null },
      ],
      { above: 88, below: 20 },
    )
    expect(lists.above.map((u) => u.unitCode)).toEqual(['a'])
    expect(lists.below.map((u) => u.unitCode)).toEqual(['c', 'e', 'd'])
    expect(lists.ecertNotStarted.map((u) => u.unitName)).toEqual(['Xã Hà Kỳ', 'Xã Hưng Đạo', 'Xã Quảng Nghiệp'])
    expect(lists.criticised.map((u) => u.unitCode)).toEqual(['c', 'e', 'd', 'b'])
  })
})
