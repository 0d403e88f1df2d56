import type { UnitKind } from '../units/unit-kind.js'
import type { DecidingLevel } from './procedure-input.js'

/**
 * May this desk receive a procedure of that level? Decided from the procedure's level (who
 * decides it) against the desk's unit kind:
 *
 * - at or below the unit's own level: yes;
 * - one level above (a district procedure at a commune, a province one at a district): the desk
 *   is warned and may confirm — communes routinely receive district dossiers on the district's
 *   behalf (liên thông, Decree 61/2018 Art. 14); the confirmation is recorded with the receipt;
 * - two levels above (a province procedure at a commune): refused — no chain of hand-over runs
 *   from a commune counter to the province.
 *
 * Offices (phòng, sở) receive the procedures of their own sector whatever their level: not guarded.
 */
export type LevelDecision = { kind: 'ok' } | { kind: 'warn'; message: string } | { kind: 'refuse'; message: string }

const RANK: Record<DecidingLevel, number> = { commune: 0, district: 1, province: 2 }
const LEVEL_WORDS: Record<DecidingLevel, string> = { commune: 'cấp xã', district: 'cấp huyện', province: 'cấp tỉnh' }

/** The field a receipt sends to confirm the warning. */
export const CONFIRM_PROCEDURE_LEVEL = 'confirm_procedure_level'

export function judgeProcedureLevel(procedureLevel: DecidingLevel, unitKind: UnitKind): LevelDecision {
  if (unitKind === 'office') return { kind: 'ok' }
  const above = RANK[procedureLevel] - RANK[unitKind]
  if (above <= 0) return { kind: 'ok' }
  const what = `Thủ tục thuộc thẩm quyền giải quyết ${LEVEL_WORDS[procedureLevel]}, đơn vị tiếp nhận là ${LEVEL_WORDS[unitKind]}`
  if (above === 1) return { kind: 'warn', message: `${what}. Xác nhận tiếp nhận thay (liên thông) và chuyển cho ${LEVEL_WORDS[procedureLevel]}?` }
  return { kind: 'refuse', message: `${what}: không tiếp nhận tại đơn vị này` }
}

/**
 * May this unit decide a procedure of that level? Only at the procedure's level or above (an
 * office decides its sector's procedures): a commune named to decide a province procedure
 * has no competence, so the dossier would sit on its figures with no one able to decide it.
 * Null when it may, else why not.
 */
export function decidingLevelRefusal(procedureLevel: DecidingLevel, unitKind: UnitKind, unitName: string): string | null {
  if (unitKind === 'office' || RANK[unitKind] >= RANK[procedureLevel]) return null
  return `${unitName} là đơn vị ${LEVEL_WORDS[unitKind]}, không có thẩm quyền giải quyết thủ tục ${LEVEL_WORDS[procedureLevel]}`
}
