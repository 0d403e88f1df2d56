import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'

/** What a feedback item is about: the procedure and the dossier it names, and the unit it is filed under. */
export interface FeedbackSubject {
  unitId: number
  procedureCode: string | null
  dossierCode: string | null
}

export interface FeedbackSubjectIssue {
  column: 'procedure_code' | 'dossier_code'
  value: string
  reason: string
}

const CHUNK = 1000

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}

/**
 * A feedback item naming a dossier lowers that dossier's 5.4, so the dossier must exist and
 * belong to the item's unit or a unit below it: a commune cannot file an item against another
 * commune's dossier. A named procedure must exist. The same answer for a dossier that does not
 * exist and one of another unit, so nothing leaks. One list of issues per subject, in order.
 */
export async function checkFeedbackSubjects(db: Kysely<Database>, subjects: readonly FeedbackSubject[]): Promise<FeedbackSubjectIssue[][]> {
  const procedureCodes = [...new Set(subjects.flatMap((s) => (s.procedureCode ? [s.procedureCode] : [])))]
  const dossierCodes = [...new Set(subjects.flatMap((s) => (s.dossierCode ? [s.dossierCode] : [])))]
  const knownProcedures = new Set<string>()
  for (const part of chunks(procedureCodes)) {
    for (const row of await db.selectFrom('procedures').select('code').where('code', 'in', part).execute()) knownProcedures.add(row.code)
  }
  // "<dossier code>\0<unit id>" for the dossier's unit and every unit above it.
  const dossierUnder = new Set<string>()
  for (const part of chunks(dossierCodes)) {
    const rows = await db
      .selectFrom('dossiers as d')
      .innerJoin('unit_closure as c', 'c.descendant_id', 'd.receiving_unit_id')
      .select(['d.code', 'c.ancestor_id'])
      .where('d.code', 'in', part)
      .execute()
    for (const row of rows) dossierUnder.add(`${row.code}\u0000${row.ancestor_id}`)
  }
  return subjects.map((s) => {
    const issues: FeedbackSubjectIssue[] = []
    if (s.procedureCode && !knownProcedures.has(s.procedureCode)) {
      issues.push({ column: 'procedure_code', value: s.procedureCode, reason: 'không có thủ tục hành chính với mã này' })
    }
    if (s.dossierCode && !dossierUnder.has(`${s.dossierCode}\u0000${s.unitId}`)) {
      issues.push({ column: 'dossier_code', value: s.dossierCode, reason: 'không có hồ sơ với mã này thuộc đơn vị tiếp nhận phản ánh hoặc đơn vị cấp dưới' })
    }
    return issues
  })
}
