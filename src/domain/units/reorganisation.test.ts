import { describe, expect, it } from 'vitest'
import { planReorganisation, type ExistingUnit, type ReorganisationRow } from './reorganisation.js'

const unit = (code: string, parentCode: string | null, kind: ExistingUnit['kind'] = 'commune', fields: Partial<ExistingUnit> = {}): ExistingUnit => ({
  code, name: `Đơn vị ${code}`, kind, parentCode, validFrom: null, validTo: null, successorCode: null, ...fields,
})
const EXISTING = [unit('P', null, 'province'), unit('D', 'P', 'district'), unit('A', 'D'), unit('B', 'D'), unit('C', 'D')]
let line = 0
const row = (oldCode: string, newCode: string | null, fields: Partial<ReorganisationRow> = {}): ReorganisationRow => ({
  line: ++line, oldCode, newCode, date: '2025-07-01', newName: null, newKind: null, newParentCode: null, ...fields,
})

describe('a reorganisation file checked against the units', () => {
  it('merges: the old units end the day before, the new one begins on the date under its parent', () => {
    const { plan, issues } = planReorganisation([row('A', 'N', { newName: 'Xã Mới', newParentCode: 'P' }), row('B', 'N'), row('D', null)], EXISTING)
    expect(issues).toEqual([])
    expect(plan.created).toEqual([{ code: 'N', name: 'Xã Mới', kind: 'commune', parentCode: 'P', validFrom: '2025-07-01' }])
    expect(plan.dissolved.map((d) => [d.code, d.validTo, d.successorCode])).toEqual([['A', '2025-06-30', 'N'], ['B', '2025-06-30', 'N'], ['D', '2025-06-30', null]])
  })

  it('splits: the first new unit named takes the history, the others are said', () => {
    const { plan, issues } = planReorganisation([row('C', 'X', { newName: 'Xã X', newParentCode: 'P' }), row('C', 'Y', { newName: 'Xã Y', newParentCode: 'P' })], EXISTING)
    expect(issues).toEqual([])
    expect(plan.dissolved).toEqual([expect.objectContaining({ code: 'C', successorCode: 'X' })])
    expect(plan.splits).toEqual([{ code: 'C', historyTo: 'X', alsoTo: ['Y'] }])
  })

  it('refuses, row by row: unknown and ended units, a unit succeeding itself, a nameless new unit, a parent ending in the same file', () => {
    const ended = [...EXISTING, unit('E', 'D', 'commune', { validTo: '2024-12-31' })]
    const rows = [row('Z', 'N'), row('E', 'N', { newName: 'N', newParentCode: 'P' }), row('A', 'A'), row('B', 'M', { newParentCode: 'D' }), row('D', null)]
    const { issues } = planReorganisation(rows, ended)
    const said = issues.map((i) => `${i.line}:${i.column}`)
    expect(said).toEqual(expect.arrayContaining([`${rows[0]!.line}:old_code`, `${rows[1]!.line}:old_code`, `${rows[2]!.line}:new_code`, `${rows[3]!.line}:new_name`, `${rows[3]!.line}:new_parent_code`]))
  })
})
