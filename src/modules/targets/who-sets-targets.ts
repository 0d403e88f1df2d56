import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { assertUnitVisible, type Actor } from '../accounts/actor.js'

/** The unit a target is for, as the check needs it. */
export interface TargetUnit {
  id: number
  code: string
  parent_id: number | null
}

/** The root's system administrator (or a token issued at the root) speaks for the province itself. */
function speaksForRoot(actor: Actor): boolean {
  return actor.atRoot && (actor.kind === 'token' || actor.role === 'system_admin')
}

/**
 * A target is assigned by the level above ("theo văn bản giao"): a unit's target only by an
 * actor of a strict ancestor (a unit never sets its own, e.g. to 0 to look on target); a
 * kind-wide target, and a root unit's own, only by the province's system administrator.
 */
export function assertMaySetTarget(actor: Actor, unit: TargetUnit | null): void {
  if (unit === null) {
    if (!speaksForRoot(actor)) throw new AppError(ErrorCode.forbidden, 'kind targets need the root', 'Chỉ quản trị hệ thống cấp tỉnh được đặt chỉ tiêu chung cho một loại đơn vị')
    return
  }
  assertUnitVisible(actor, unit.id, unit.code)
  if (unit.id !== actor.unitId) return
  if (unit.parent_id === null && speaksForRoot(actor)) return
  throw new AppError(
    ErrorCode.forbidden,
    `${actor.label} may not set the target of its own unit ${unit.code}`,
    unit.parent_id === null
      ? `Chỉ quản trị hệ thống cấp tỉnh được đặt chỉ tiêu của ${unit.code}`
      : `Chỉ tiêu của đơn vị ${unit.code} do cấp trên giao theo văn bản; đơn vị không tự đặt hoặc xóa chỉ tiêu của mình`,
  )
}
