import type { Kysely } from 'kysely'
import type { Database, UnitRow } from '../../db/schema.js'
import { registryScopeRoot } from '../../domain/accounts/registry-scope.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { getUnitByCode, getUnitById, subtreeOf } from '../units/units.repository.js'
import type { Actor } from './actor.js'

/** The units whose officials the actor sees and keeps in the registry (domain/accounts/registry-scope). */
export async function registryUnitIds(db: Kysely<Database>, actor: Pick<Actor, 'unitId' | 'unitIds'>): Promise<ReadonlySet<number>> {
  const unit = await getUnitById(db, actor.unitId)
  const parent = unit.parent_id === null ? null : await getUnitById(db, unit.parent_id)
  const root = registryScopeRoot(unit, parent)
  return root === unit.id ? actor.unitIds : subtreeOf(db, root)
}

/** The unit of a code if it is in the actor's registry scope; otherwise "no such unit" (404), as elsewhere. */
export async function registryUnit(db: Kysely<Database>, scope: ReadonlySet<number>, code: string): Promise<UnitRow> {
  const unit = await getUnitByCode(db, code)
  if (!scope.has(unit.id)) throw new AppError(ErrorCode.notFound, `unit ${code} outside the registry scope`, `Không có đơn vị với mã ${code} trong phạm vi bạn được xem`)
  return unit
}
