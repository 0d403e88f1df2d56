import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { praiseAndCriticism, type JudgedUnit } from './praise-and-criticism.js'

const unitArbitrary = fc.record({
  name: fc.constantFrom('An Thanh', 'Bình Lăng', 'Chí Minh', 'Dân Chủ', 'Đại Hợp', 'Hà Kỳ', 'Quang Khải', 'Văn Tố', 'Thị trấn Tứ Kỳ'),
  value: fc.option(fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100), { nil: null }),
  change: fc.option(fc.integer({ min: -5000, max: 5000 }).map((h) => h / 100), { nil: null }),
  ecertStarted: fc.constantFrom(true, false, null),
})

describe('one rule for praise and criticism', () => {
  it('for any units and thresholds: nobody is praised and criticised; the criticised are exactly the low and the never-e-certified, less the praised, each once', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(unitArbitrary, { selector: (u) => u.name, maxLength: 9 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (units: JudgedUnit[], praiseAtLeast, criticiseAtMost) => {
          const lists = praiseAndCriticism(units, { praiseAtLeast, criticiseAtMost })
          const praised = new Set(lists.praised)
          expect(lists.criticised.filter((u) => praised.has(u))).toEqual([])
          const wanted = units.filter((u) => !praised.has(u) && ((u.value !== null && u.value <= criticiseAtMost) || u.ecertStarted === false))
          expect(new Set(lists.criticised)).toEqual(new Set(wanted))
          expect(lists.criticised).toHaveLength(wanted.length)
          expect(new Set(lists.praised)).toEqual(new Set(units.filter((u) => u.value !== null && u.value >= praiseAtLeast)))
          expect(new Set(lists.ecertNotStarted)).toEqual(new Set(units.filter((u) => u.ecertStarted === false)))
        },
      ),
    )
  })

  it('a commune that started e-certifying before the period and issued nothing in it has started: it is not criticised for it', () => {
    const stopped: JudgedUnit = { name: 'Tái Sơn', value: 43.75, change: null, ecertStarted: true }
    const never: JudgedUnit = { name: 'Hà Kỳ', value: 43.75, change: null, ecertStarted: false }
    const lists = praiseAndCriticism([stopped, never], { praiseAtLeast: 88, criticiseAtMost: 20 })
    expect(lists.criticised).toEqual([never])
    expect(lists.ecertNotStarted).toEqual([never])
  })

  it('without thresholds nobody is praised or low, and the non-starters are still named, alphabetically', () => {
    const units: JudgedUnit[] = [
      { name: 'Quang Phục', value: 10, change: null, ecertStarted: false },
      { name: 'Chí Minh', value: null, change: null, ecertStarted: false },
      { name: 'Văn phòng', value: 0, change: null, ecertStarted: null },
    ]
    const lists = praiseAndCriticism(units, {})
    expect([lists.praised, lists.low]).toEqual([[], []])
    expect(lists.ecertNotStarted.map((u) => u.name)).toEqual(['Chí Minh', 'Quang Phục'])
  })
})
