import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { ROLE_LABELS, ROLE_PERMISSIONS, type Role } from '../../domain/accounts/role.js'
import type { Permission } from '../../domain/accounts/role.js'
import { getUnitById } from '../units/units.repository.js'

/** Who is signed in, as the console shows it: name, role, unit, what they may do, the CSRF token. */
export interface SignedInUser {
  username: string
  role: Role | null
  role_label: string | null
  unit_code: string
  unit_name: string
  permissions: string[]
  csrf_token: string | null
}

/** An official's answer carries the role's permissions; a token's, the scopes it was issued for. */
export async function describeSignedIn(
  db: Kysely<Database>,
  who: { username: string; role: Role | null; unitId: number; tokenScopes?: readonly Permission[] | null; csrfToken: string | null },
): Promise<SignedInUser> {
  const unit = await getUnitById(db, who.unitId)
  return {
    username: who.username,
    role: who.role,
    role_label: who.role ? ROLE_LABELS[who.role] : null,
    unit_code: unit.code,
    unit_name: unit.name,
    permissions: who.role ? [...ROLE_PERMISSIONS[who.role]] : [...(who.tokenScopes ?? [])],
    csrf_token: who.csrfToken,
  }
}
