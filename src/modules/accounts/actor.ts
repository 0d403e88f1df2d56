import { roleCan, type Permission, type Role } from '../../domain/accounts/role.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

/** Who is asking: an official with a role at a unit, or another system with a token. */
export interface Actor {
  kind: 'user' | 'token'
  id: number
  name: string
  /** The unit whose subtree the actor reaches. */
  unitId: number
  role: Role | null
  /** For tokens: the actions it was issued for. */
  tokenScopes: readonly Permission[] | null
  /** Every unit the actor may see: its unit and all below it. */
  unitIds: ReadonlySet<number>
  /** Held at a root unit (the province): may act on data the whole tree shares. */
  atRoot: boolean
  /** For audit rows. */
  label: string
  sessionId: string | null
  csrfToken: string | null
}

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'token') return actor.tokenScopes?.includes(permission) ?? false
  return actor.role !== null && roleCan(actor.role, permission)
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new AppError(ErrorCode.forbidden, `${actor.label} lacks ${permission}`, 'Bạn không có quyền thực hiện thao tác này')
  }
}

/** A unit outside the actor's subtree is answered like a unit that does not exist: nothing leaks. */
export function assertUnitVisible(actor: Actor, unitId: number, unitCode: string): void {
  if (!actor.unitIds.has(unitId)) {
    throw new AppError(ErrorCode.notFound, `${actor.label} may not see unit ${unitCode}`, `Không có đơn vị với mã ${unitCode} trong phạm vi bạn được xem`)
  }
}

/** Data every unit shares (calendar, procedures, kind-wide targets) is changed from the root only. */
export function assertAtRoot(actor: Actor, what: string): void {
  if (!actor.atRoot) {
    throw new AppError(ErrorCode.forbidden, `${actor.label} is below the root`, `Chỉ tài khoản cấp tỉnh được thay đổi ${what}`)
  }
}
