import { describe, expect, it } from 'vitest'
import type { Target } from './target.js'
import { checkTargetRules, targetKey } from './target-rules.js'

const communeDigitization2022: Target = {
  indicator: 'dossier_digitization_rate', year: 2022, unitKind: 'commune', unitCode: null, scope: 'subtree', minimum: 25,
  decidedBy: 'Chỉ tiêu UBND tỉnh giao năm 2022 (CV 430/UBND-VP ngày 05/4/2022)',
}

describe('what a target must say', () => {
  it('the province’s 25 % digitization target for communes in 2022 is a valid target', () => {
    expect(checkTargetRules(communeDigitization2022)).toEqual([])
  })

  it('a count such as the late dossiers takes no minimum percentage', () => {
    expect(checkTargetRules({ ...communeDigitization2022, indicator: 'late' }).map((b) => b.field)).toEqual(['indicator'])
  })

  it('names one kind of unit or one unit, not both and not neither', () => {
    expect(checkTargetRules({ ...communeDigitization2022, unitCode: 'H23.07.01' }).map((b) => b.field)).toEqual(['unit_code'])
    expect(checkTargetRules({ ...communeDigitization2022, unitKind: null }).map((b) => b.field)).toEqual(['unit_kind'])
  })

  it('a minimum above 100 %, with three decimals, or without the decision that set it is refused', () => {
    expect(checkTargetRules({ ...communeDigitization2022, minimum: 120 })[0]?.reason).toContain('từ 0 đến 100')
    expect(checkTargetRules({ ...communeDigitization2022, minimum: 25.125 })[0]?.reason).toContain('hai chữ số thập phân')
    expect(checkTargetRules({ ...communeDigitization2022, decidedBy: '  ' }).map((b) => b.field)).toEqual(['decided_by'])
  })

  it('the same indicator, year, kind and scope is the same target; another scope is another', () => {
    const raised: Target = { ...communeDigitization2022, minimum: 30 }
    expect(targetKey(raised)).toBe(targetKey(communeDigitization2022))
    const ownShop: Target = { ...communeDigitization2022, scope: 'own' }
    expect(targetKey(ownShop)).not.toBe(targetKey(communeDigitization2022))
  })
})
