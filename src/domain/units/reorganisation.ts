import { addDays, formatVietnameseDate as vi, type LocalDate } from '../time/local-date.js'
import type { UnitKind } from './unit-kind.js'
import { isValidOn, type UnitValidity } from './unit-validity.js'

/** One line of a reorganisation file: an old unit goes into a new one (or ends) on a date. */
export interface ReorganisationRow {
  line: number
  oldCode: string
  /** Null: the old unit ends with no successor (a district of the three-level government). */
  newCode: string | null
  /** The new unit's first day; the old unit's last day is the day before. */
  date: LocalDate
  newName: string | null
  newKind: UnitKind | null
  newParentCode: string | null
  /**
   * The areas (old communes, wards, villages) the new unit takes over, when the file lists them:
   * a split unit's dossier whose applicant's address names one goes to it (split-history.ts).
   */
  newAreas?: readonly string[]
}

export interface ExistingUnit extends UnitValidity {
  code: string
  name: string
  kind: UnitKind
  parentCode: string | null
  successorCode: string | null
}

export interface PlanIssue {
  line: number
  column: string
  value: string
  reason: string
}

export interface ReorganisationPlan {
  /** New units, valid from the date. */
  created: { code: string; name: string; kind: UnitKind; parentCode: string | null; validFrom: LocalDate }[]
  /** Old units ending the day before the date, with the unit their history rolls into. */
  dissolved: { code: string; name: string; validTo: LocalDate; successorCode: string | null }[]
  /**
   * A unit split between several new units: its history goes to the first new unit the file
   * names for it (the one that keeps its records), except the dossiers the file names for another
   * or whose applicant's address is in another's areas (split-history.ts, dossier_heirs).
   */
  splits: { code: string; historyTo: string; alsoTo: string[] }[]
}

/**
 * Checks a reorganisation file against the units as they are and says what would change: every
 * broken rule as a row, field and reason. Pure: the caller applies the plan (or prints it).
 */
export function planReorganisation(rows: readonly ReorganisationRow[], existing: readonly ExistingUnit[]): { plan: ReorganisationPlan; issues: PlanIssue[] } {
  const issues: PlanIssue[] = []
  const fail = (row: ReorganisationRow, column: string, value: string, reason: string) => issues.push({ line: row.line, column, value, reason })
  const units = new Map(existing.map((u) => [u.code, u]))
  const plan: ReorganisationPlan = { created: [], dissolved: [], splits: [] }
  const newUnits = new Map<string, ReorganisationRow>()
  const firstNewOf = new Map<string, ReorganisationRow>()
  const oldCodes = new Set(rows.map((r) => r.oldCode))

  for (const row of rows) {
    const old = units.get(row.oldCode)
    if (!old) {
      fail(row, 'old_code', row.oldCode, 'không có đơn vị với mã này')
      continue
    }
    if (row.newCode === row.oldCode) fail(row, 'new_code', row.oldCode, 'đơn vị không thể kế thừa chính nó')
    const lastDay = addDays(row.date, -1)
    if (!isValidOn(old, lastDay)) fail(row, 'old_code', row.oldCode, `đơn vị không hoạt động ngày ${vi(lastDay)} (hiệu lực ${old.validFrom ? vi(old.validFrom) : '…'} – ${old.validTo ? vi(old.validTo) : '…'})`)
    else if (old.successorCode !== null) fail(row, 'old_code', row.oldCode, `đơn vị đã có đơn vị kế thừa ${old.successorCode}`)
    const earlier = firstNewOf.get(row.oldCode)
    if (earlier === undefined) firstNewOf.set(row.oldCode, row)
    else if (earlier.newCode === row.newCode) fail(row, 'old_code', row.oldCode, `lặp lại dòng ${earlier.line}`)
    else if (earlier.newCode === null || row.newCode === null) fail(row, 'new_code', row.newCode ?? '', `dòng ${earlier.line} đã ghi đơn vị này theo cách khác`)
    else if (earlier.date !== row.date) fail(row, 'date', row.date, `khác ngày ở dòng ${earlier.line} (${vi(earlier.date)})`)

    if (row.newCode === null) continue
    const same = newUnits.get(row.newCode)
    if (same) {
      if (same.date !== row.date) fail(row, 'date', row.date, `khác ngày ở dòng ${same.line} (${vi(same.date)}) cho cùng đơn vị mới`)
      if (row.newName !== null && same.newName !== null && row.newName !== same.newName) fail(row, 'new_name', row.newName, `khác tên ở dòng ${same.line}`)
      if (row.newParentCode !== null && same.newParentCode !== null && row.newParentCode !== same.newParentCode) fail(row, 'new_parent_code', row.newParentCode, `khác cấp trên ở dòng ${same.line}`)
      continue
    }
    newUnits.set(row.newCode, row)
  }

  for (const [code, first] of newUnits) {
    const sameRows = rows.filter((r) => r.newCode === code)
    const name = sameRows.find((r) => r.newName !== null)?.newName ?? null
    const parentCode = sameRows.find((r) => r.newParentCode !== null)?.newParentCode ?? null
    const kind = sameRows.find((r) => r.newKind !== null)?.newKind ?? units.get(first.oldCode)?.kind ?? 'commune'
    const current = units.get(code)
    if (current) {
      // An existing unit absorbing others keeps its name, kind and parent.
      if (!isValidOn(current, first.date)) fail(first, 'new_code', code, `đơn vị kế thừa không hoạt động ngày ${vi(first.date)}`)
      if (oldCodes.has(code)) fail(first, 'new_code', code, 'đơn vị kế thừa cũng bị giải thể trong tệp này')
      continue
    }
    if (name === null) fail(first, 'new_name', '', 'đơn vị mới phải có tên')
    if (parentCode === null && kind !== 'province') fail(first, 'new_parent_code', '', 'đơn vị mới (không phải cấp tỉnh) phải có đơn vị cấp trên')
    if (parentCode !== null) {
      const parent = units.get(parentCode)
      const parentIsNew = newUnits.has(parentCode)
      if (!parent && !parentIsNew) fail(first, 'new_parent_code', parentCode, 'không có đơn vị cấp trên với mã này (trong cơ sở dữ liệu hoặc trong tệp)')
      else if (oldCodes.has(parentCode) || (parent && !parentIsNew && !isValidOn(parent, first.date))) fail(first, 'new_parent_code', parentCode, `đơn vị cấp trên không hoạt động ngày ${vi(first.date)}`)
    }
    plan.created.push({ code, name: name ?? '', kind, parentCode, validFrom: first.date })
  }

  for (const [oldCode, first] of firstNewOf) {
    const old = units.get(oldCode)
    if (!old) continue
    plan.dissolved.push({ code: oldCode, name: old.name, validTo: addDays(first.date, -1), successorCode: first.newCode })
    const others = rows.filter((r) => r.oldCode === oldCode && r.newCode !== null && r.newCode !== first.newCode).map((r) => r.newCode!)
    if (others.length > 0 && first.newCode !== null) plan.splits.push({ code: oldCode, historyTo: first.newCode, alsoTo: others })
  }
  // Parents before children, so a new unit's parent exists when it is inserted.
  plan.created.sort((a, b) => depthIn(a.code, plan.created) - depthIn(b.code, plan.created))
  return { plan, issues: issues.sort((a, b) => a.line - b.line) }
}

function depthIn(code: string, created: ReorganisationPlan['created']): number {
  let depth = 0
  for (let unit = created.find((c) => c.code === code); unit && depth < created.length; unit = created.find((c) => c.code === unit!.parentCode)) depth++
  return depth
}
