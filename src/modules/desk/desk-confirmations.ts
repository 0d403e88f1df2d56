import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { CONFIRM_UNPAID_FEE, unpaidFeeWarning } from '../../domain/dossiers/desk-guards.js'
import type { DecidingLevel } from '../../domain/procedures/procedure-input.js'
import { CONFIRM_PROCEDURE_LEVEL, decidingLevelRefusal, judgeProcedureLevel } from '../../domain/procedures/procedure-level-guard.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import type { UnitKind } from '../../domain/units/unit-kind.js'

/** A warning the officer has not confirmed yet: 409, the field that confirms it named in the details. */
function confirmationRequired(field: string, message: string): AppError {
  return new AppError(ErrorCode.confirmationRequired, `${field} required`, message, [{ column: field, reason: message }])
}

/**
 * Before a return: a fee not paid stops it until confirmed. Returns whether the return goes
 * ahead over a warning (recorded with the step). A dossier that cannot be returned anyway (no
 * result yet) is left to the transition rules, which say why.
 */
export function guardReturn(dossier: { status: string; fee_vnd: string | number; paid_at: Date | null }, confirmed: boolean): { unpaidFeeConfirmed: boolean } {
  if (dossier.status !== 'finished') return { unpaidFeeConfirmed: false }
  const warning = unpaidFeeWarning({ feeVnd: Number(dossier.fee_vnd), paidAt: dossier.paid_at })
  if (warning === null) return { unpaidFeeConfirmed: false }
  if (!confirmed) throw confirmationRequired(CONFIRM_UNPAID_FEE, warning)
  return { unpaidFeeConfirmed: true }
}

/**
 * Before a receipt: the procedure's level against the desk's unit (domain rule). Refused, or
 * warned until confirmed; returns whether a warning was confirmed (recorded with the receipt).
 */
export async function guardProcedureLevel(trx: Transaction<Database>, unitId: number, procedureLevel: string, confirmed: boolean): Promise<{ levelConfirmed: boolean }> {
  const unit = await trx.selectFrom('units').select(['kind', 'name']).where('id', '=', unitId).executeTakeFirstOrThrow()
  const decision = judgeProcedureLevel(procedureLevel as DecidingLevel, unit.kind as UnitKind)
  if (decision.kind === 'ok') return { levelConfirmed: false }
  if (decision.kind === 'refuse') throw new AppError(ErrorCode.conflict, `procedure level ${procedureLevel} at a ${unit.kind}`, decision.message, [{ column: 'procedure_code', reason: decision.message }])
  if (!confirmed) throw confirmationRequired(CONFIRM_PROCEDURE_LEVEL, decision.message)
  return { levelConfirmed: true }
}

/** A deciding unit named at receipt must have the competence for the procedure's level (400 naming the field). */
export async function guardDecidingLevel(trx: Transaction<Database>, decidingUnitId: number, procedureLevel: string): Promise<void> {
  const unit = await trx.selectFrom('units').select(['kind', 'name', 'code']).where('id', '=', decidingUnitId).executeTakeFirstOrThrow()
  const refusal = decidingLevelRefusal(procedureLevel as DecidingLevel, unit.kind as UnitKind, unit.name)
  if (refusal) throw new AppError(ErrorCode.validation, `deciding unit ${unit.code} below level ${procedureLevel}`, `Đơn vị giải quyết không hợp lệ: ${refusal}`, [{ column: 'deciding_unit', value: unit.code, reason: refusal }])
}
