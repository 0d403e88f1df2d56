import { describe, expect, it } from 'vitest'
import { groupNames, groupsText, letterLists, type LetterUnit } from './praise-criticism.js'

const unit = (name: string, numerator: number, denominator: number, change: number | null = null, ecertStarted: boolean | null = true): LetterUnit => ({
  name,
  numerator,
  denominator,
  value: denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 100,
  change,
  ecertStarted,
})

const praiseOf = (units: LetterUnit[], atLeast: number) => letterLists(units, { praiseAtLeast: atLeast, criticiseAtMost: -1 }).praise
const criticismOf = (units: LetterUnit[], atMost: number) => letterLists(units, { praiseAtLeast: 101, criticiseAtMost: atMost }).criticism

describe('the praise and criticism lists of a letter', () => {
  it('praise is every commune at or above the threshold, best first, equal figures grouped: "An Thanh, Quang Trung và Quang Khải (100%), Dân Chủ (97,2%)"', () => {
    const communes = [unit('Đại Hợp', 22, 25), unit('Dân Chủ', 35, 36), unit('Quang Khải', 18, 18, 0), unit('An Thanh', 20, 20, 50), unit('Quang Trung', 15, 15, 25), unit('Bình Lăng', 7, 16)]
    const praise = praiseOf(communes, 88)
    expect(groupsText(praise)).toBe('An Thanh, Quang Trung và Quang Khải (100%), Dân Chủ (97,2%), Đại Hợp (88%)')
    expect(groupNames(praise)).toEqual(['An Thanh', 'Quang Trung', 'Quang Khải', 'Dân Chủ', 'Đại Hợp'])
  })

  it('among communes at the same figure, the one that rose most since the previous period is named first; with no change known, the name decides', () => {
    expect(groupNames(praiseOf([unit('Quang Khải', 18, 18, 0), unit('An Thanh', 20, 20, 50), unit('Quang Trung', 15, 15, 25)], 88))).toEqual(['An Thanh', 'Quang Trung', 'Quang Khải'])
    expect(groupNames(praiseOf([unit('Quang Trung', 15, 15), unit('Quang Khải', 18, 18), unit('An Thanh', 20, 20, 1)], 88))).toEqual(['An Thanh', 'Quang Khải', 'Quang Trung'])
  })

  it('criticism is every commune at or below the threshold, worst first, and among equals the one that fell most first', () => {
    const communes = [unit('Ngọc Kỳ', 2, 10), unit('Tân Kỳ', 0, 15, 0), unit('Văn Tố', 1, 30), unit('Hà Thanh', 0, 20, -16.49), unit('Hưng Đạo', 3, 17), unit('Tiên Động', 1, 22), unit('Bình Lăng', 7, 16)]
    expect(groupsText(criticismOf(communes, 20))).toBe('Hà Thanh và Tân Kỳ (0%), Văn Tố (3,3%), Tiên Động (4,5%), Hưng Đạo (17,6%), Ngọc Kỳ (20%)')
  })

  it('the threshold is compared with the published two-decimal figure; units with nothing to measure are in neither list', () => {
    const communes = [unit('A', 22, 25), unit('B', 8799, 10000), unit('C', 0, 0)]
    expect(groupNames(praiseOf(communes, 88))).toEqual(['A'])
    expect(groupNames(criticismOf(communes, 100))).toEqual(['B', 'A'])
  })

  it('figures that read the same at one decimal are one group even when the fractions differ', () => {
    expect(groupsText(praiseOf([unit('A', 972, 1000), unit('B', 35, 36)], 90))).toBe('B và A (97,2%)')
  })

  it('the criticised are the low ones, then those that never e-certified, alphabetical; a praised commune that never did is named for e-certification only', () => {
    const communes = [
      unit('Quang Khải', 18, 18, null, false), // praised, never e-certified
      unit('Đại Hợp', 22, 25),
      unit('Văn Tố', 1, 30, null, false), // low and never e-certified: criticised once
      unit('Hà Thanh', 0, 20),
      unit('Minh Đức', 7, 16, null, false),
      unit('Chí Minh', 7, 16, null, false),
      unit('Bình Lăng', 7, 16),
    ]
    const lists = letterLists(communes, { praiseAtLeast: 88, criticiseAtMost: 20 })
    expect(groupNames(lists.praise)).toEqual(['Quang Khải', 'Đại Hợp'])
    expect(lists.noEcert).toEqual(['Chí Minh', 'Minh Đức', 'Quang Khải', 'Văn Tố'])
    expect(lists.criticised).toEqual(['Hà Thanh', 'Văn Tố', 'Chí Minh', 'Minh Đức'])
    for (const name of groupNames(lists.praise)) expect(lists.criticised).not.toContain(name)
  })

  it('when the thresholds cross, a commune at both is praised, never criticised', () => {
    const lists = letterLists([unit('A', 15, 100), unit('B', 5, 100)], { praiseAtLeast: 10, criticiseAtMost: 20 })
    expect(groupNames(lists.praise)).toEqual(['A'])
    expect(lists.criticised).toEqual(['B'])
  })
})
