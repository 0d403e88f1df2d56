import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { Target } from '../../domain/indicators/target.js'
import { checkTargetRules } from '../../domain/indicators/target-rules.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { saveTarget, type TargetSaved } from '../indicators/targets.repository.js'
import { findUnitByCode } from '../units/units.repository.js'
import { loadReceivingUnits } from '../units/receiving-units.js'
import { targetYearRefusal } from '../../domain/units/unit-validity.js'

export interface SetTargetBy {
  /** `user:…`, `token:…`, `cli:…`. */
  actor: string
  ip?: string | null
}

/**
 * Sets one target (`targets set`, `PUT /api/v1/targets`): checked by the domain's rules, the unit
 * known, saved and audited in one transaction. Who may set which target is the caller's check.
 */
export async function setTarget(db: Kysely<Database>, target: Target, by: SetTargetBy): Promise<TargetSaved> {
  const broken = checkTargetRules(target)
  if (broken.length > 0) {
    throw new AppError(
      ErrorCode.validation,
      `invalid target: ${broken.map((b) => b.field).join(', ')}`,
      `Chỉ tiêu không hợp lệ:\n${broken.map((b) => `- ${b.field}: ${b.reason}`).join('\n')}`,
      broken.map((b) => ({ column: b.field, ...(b.value === null ? {} : { value: b.value }), reason: b.reason })),
    )
  }
  if (target.unitCode !== null && !(await findUnitByCode(db, target.unitCode))) {
    throw new AppError(ErrorCode.notFound, `unit ${target.unitCode} not found`, `Không có đơn vị với mã ${target.unitCode}`)
  }
  const [unit] = target.unitCode === null ? [] : await loadReceivingUnits(db, target.unitCode)
  const outside = unit ? targetYearRefusal(unit, target.year) : null
  if (outside !== null) {
    throw new AppError(ErrorCode.validation, `unit ${target.unitCode} does not exist in ${target.year}`, `Chỉ tiêu không hợp lệ: ${outside}`, [{ column: 'unit_code', value: target.unitCode!, reason: outside }])
  }
  return db.transaction().execute(async (trx) => {
    const saved = await saveTarget(trx, target)
    await writeAudit(trx, { actor: by.actor, ip: by.ip ?? null, action: 'target.set', entity: 'target', summary: { ...target, result: saved } })
    return saved
  })
}
