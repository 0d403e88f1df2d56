import { describe, expect, it } from 'vitest'
import { INDICATOR_IDS, INDICATORS } from './indicator-id.js'
import { BETTER_WHEN, changeMeaning } from './indicator-direction.js'

describe('what a change of an indicator means', () => {
  it('more late or overdue dossiers is worse, fewer is better', () => {
    expect(changeMeaning('late', 3)).toBe('worse')
    expect(changeMeaning('overdue_open', 1)).toBe('worse')
    expect(changeMeaning('late', -2)).toBe('better')
  })

  it('every rate is better higher; the number received is neither; no change or nothing to compare says so', () => {
    for (const id of INDICATOR_IDS.filter((i) => INDICATORS[i].kind === 'rate')) {
      expect(changeMeaning(id, 1.5)).toBe('better')
      expect(changeMeaning(id, -0.01)).toBe('worse')
    }
    expect(changeMeaning('received', 40)).toBe('neutral')
    expect(changeMeaning('on_time_rate', 0)).toBe('same')
    expect(changeMeaning('late', null)).toBe('none')
  })

  it('is defined for every indicator', () => {
    expect(Object.keys(BETTER_WHEN).sort()).toEqual([...INDICATOR_IDS].sort())
  })
})
