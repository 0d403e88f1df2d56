import type { Transaction } from 'kysely'
import type { Database, UnitRow } from '../../db/schema.js'
import type { UnitInput } from '../../domain/units/unit-input.js'
import type { ImportIssue } from '../import/import-issue.js'
import { successorCycle } from '../../domain/units/unit-validity.js'
import { rebuildUnitClosure } from './units.repository.js'

export interface UnitLine {
  line: number
  unit: UnitInput
}

export interface SaveCounts {
  inserted: number
  updated: number
  unchanged: number
}

/**
 * Checks what only the whole set can tell: parents and successors exist (in the database or
 * the same file) and the tree has no cycle.
 */
export function checkUnitSet(lines: readonly UnitLine[], existing: readonly UnitRow[]): ImportIssue[] {
  const issues: ImportIssue[] = []
  const parentOf = new Map<string, string | null>()
  const existingById = new Map(existing.map((u) => [u.id, u]))
  for (const u of existing) parentOf.set(u.code, u.parent_id === null ? null : existingById.get(u.parent_id)?.code ?? null)
  for (const { unit } of lines) parentOf.set(unit.code, unit.parentCode)
  const successorOf = new Map<string, string | null>(existing.map((u) => [u.code, u.successor_id === null ? null : existingById.get(u.successor_id)?.code ?? null]))
  for (const { unit } of lines) successorOf.set(unit.code, unit.successorCode ?? null)
  for (const { line, unit } of lines) {
    if (unit.parentCode !== null && !parentOf.has(unit.parentCode)) {
      issues.push({ line, column: 'parent_code', value: unit.parentCode, reason: 'không có đơn vị cấp trên với mã này (trong cơ sở dữ liệu hoặc trong tệp)' })
    }
    if (unit.successorCode && !parentOf.has(unit.successorCode)) {
      issues.push({ line, column: 'successor_code', value: unit.successorCode, reason: 'không có đơn vị kế thừa với mã này' })
    }
    const seen = new Set<string>([unit.code])
    for (let parent = unit.parentCode; parent !== null && parent !== undefined; parent = parentOf.get(parent) ?? null) {
      if (seen.has(parent)) {
        issues.push({ line, column: 'parent_code', value: unit.parentCode, reason: 'quan hệ cấp trên tạo thành vòng lặp' })
        break
      }
      seen.add(parent)
    }
  }
  // A unit succeeding itself through others would roll its history into itself forever.
  const cycleFrom = successorCycle(successorOf)
  const cycleLine = cycleFrom === null ? undefined : lines.find((l) => l.unit.code === cycleFrom || l.unit.successorCode === cycleFrom) ?? lines.find((l) => l.unit.successorCode)
  if (cycleLine) issues.push({ line: cycleLine.line, column: 'successor_code', value: cycleLine.unit.successorCode ?? '', reason: 'quan hệ kế thừa tạo thành vòng lặp' })
  return issues
}

function differs(row: UnitRow, unit: UnitInput, parentId: number | null, successorId: number | null): boolean {
  return (
    row.name !== unit.name ||
    row.kind !== unit.kind ||
    row.parent_id !== parentId ||
    row.valid_from !== (unit.validFrom ?? null) ||
    row.valid_to !== (unit.validTo ?? null) ||
    row.successor_id !== successorId
  )
}

/** Inserts new units and updates changed ones, then rebuilds the closure. Checked beforehand. */
export async function saveUnits(trx: Transaction<Database>, lines: readonly UnitLine[]): Promise<SaveCounts> {
  const existing = await trx.selectFrom('units').selectAll().execute()
  const byCode = new Map(existing.map((u) => [u.code, u]))
  const counts: SaveCounts = { inserted: 0, updated: 0, unchanged: 0 }
  const inserted = new Set<string>()
  // Insert the new ones first without links, so parents later in the file resolve.
  for (const { unit } of lines) {
    if (byCode.has(unit.code)) continue
    const row = await trx
      .insertInto('units')
      .values({ code: unit.code, name: unit.name, kind: unit.kind, valid_from: unit.validFrom ?? null, valid_to: unit.validTo ?? null })
      .returningAll()
      .executeTakeFirstOrThrow()
    byCode.set(unit.code, row)
    inserted.add(unit.code)
    counts.inserted++
  }
  const idOf = (code: string | null | undefined) => (code ? byCode.get(code)?.id ?? null : null)
  for (const { unit } of lines) {
    const row = byCode.get(unit.code)!
    const parentId = idOf(unit.parentCode)
    const successorId = idOf(unit.successorCode)
    if (!differs(row, unit, parentId, successorId)) {
      if (!inserted.has(unit.code)) counts.unchanged++
      continue
    }
    await trx
      .updateTable('units')
      .set({ name: unit.name, kind: unit.kind, parent_id: parentId, valid_from: unit.validFrom ?? null, valid_to: unit.validTo ?? null, successor_id: successorId, updated_at: new Date() })
      .where('id', '=', row.id)
      .execute()
    if (!inserted.has(unit.code)) counts.updated++
  }
  await rebuildUnitClosure(trx)
  return counts
}
