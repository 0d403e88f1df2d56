import { describe, expect, it } from 'vitest'
import type { Unit } from './api.js'
import { buildUnitTree } from './unit-tree.js'

const unit = (code: string, name: string, parent: string | null): Unit => ({ code, name, kind: 'commune', parent_code: parent, valid_from: null, valid_to: null })

describe('the unit picker’s tree', () => {
  it('hangs each commune under its district, whatever order the units come in', () => {
    const tree = buildUnitTree([unit('H23.07.01', 'Xã An Thanh', 'H23.07'), unit('H23.07', 'Huyện Tứ Kỳ', null), unit('H23.07.02', 'Xã Quang Trung', 'H23.07')])
    expect(tree).toEqual([
      {
        value: 'H23.07',
        title: 'Huyện Tứ Kỳ',
        children: [
          { value: 'H23.07.01', title: 'Xã An Thanh', children: [] },
          { value: 'H23.07.02', title: 'Xã Quang Trung', children: [] },
        ],
      },
    ])
  })

  it('a unit whose parent the user may not see is a root of its own (a commune officer sees only the commune)', () => {
    expect(buildUnitTree([unit('H23.07.01', 'Xã An Thanh', 'H23.07')]).map((n) => n.value)).toEqual(['H23.07.01'])
  })
})
