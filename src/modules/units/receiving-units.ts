import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { receptionRefusal, type ReceivingUnit } from '../../domain/units/unit-validity.js'

type Db = Kysely<Database> | Transaction<Database>

/** Every unit with its days of existence and its successor: what reception checks against. */
export async function loadReceivingUnits(db: Db, code?: string): Promise<(ReceivingUnit & { id: number })[]> {
  let query = db
    .selectFrom('units as u')
    .leftJoin('units as s', 's.id', 'u.successor_id')
    .select(['u.id', 'u.code', 'u.name', 'u.valid_from', 'u.valid_to', 's.code as successor_code', 's.name as successor_name'])
  if (code !== undefined) query = query.where('u.code', '=', code)
  const rows = await query.execute()
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    successor: r.successor_code !== null && r.successor_name !== null ? { code: r.successor_code, name: r.successor_name } : null,
  }))
}

/** Refuses (400, in Vietnamese) a dossier received by a unit on a day it did not exist. */
export async function assertMayReceive(db: Db, unitCode: string, day: string): Promise<void> {
  const [unit] = await loadReceivingUnits(db, unitCode)
  const refusal = unit ? receptionRefusal(unit, day) : null
  if (refusal !== null) {
    const message = refusal.charAt(0).toUpperCase() + refusal.slice(1)
    throw new AppError(ErrorCode.validation, `unit ${unitCode} does not exist on ${day}`, message, [{ column: 'unit', value: unitCode, reason: refusal }])
  }
}

/** The id of the unit deciding a dossier received that day: it must exist then (404 or 400 otherwise). */
export async function decidingUnitOn(db: Db, unitCode: string, day: string): Promise<number> {
  const [unit] = await loadReceivingUnits(db, unitCode)
  if (!unit) throw new AppError(ErrorCode.notFound, `unknown unit ${unitCode}`, `Không có đơn vị giải quyết với mã ${unitCode}`)
  const refusal = receptionRefusal(unit, day)
  if (refusal !== null) {
    throw new AppError(ErrorCode.validation, `deciding unit ${unitCode} does not exist on ${day}`, `Đơn vị giải quyết không hợp lệ: ${refusal}`, [{ column: 'deciding_unit', value: unitCode, reason: refusal }])
  }
  return unit.id
}
