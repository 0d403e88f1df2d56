import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { actsOnSharedData, PERMISSIONS, SHARED_DATA_PERMISSIONS, type Permission } from '../../domain/accounts/role.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import type { Actor } from './actor.js'
import { sha256 } from './sessions.js'
import { isRootUnit, subtreeOf } from '../units/units.repository.js'

const PREFIX = 'mct_'

export interface IssuedToken {
  id: number
  /** Shown once; only its hash is stored. */
  token: string
  expiresAt: Date
}

export async function issueApiToken(
  db: Kysely<Database>,
  request: { name: string; unitId: number; scopes: readonly Permission[]; days: number; createdBy: number | null },
): Promise<IssuedToken> {
  const unknown = request.scopes.filter((s) => !PERMISSIONS.includes(s))
  if (unknown.length > 0 || request.scopes.length === 0) {
    throw new AppError(ErrorCode.validation, `bad scopes ${unknown.join(',')}`, `Phạm vi quyền không hợp lệ: ${unknown.join(', ') || '(trống)'}`)
  }
  if (!Number.isInteger(request.days) || request.days < 1 || request.days > 366) {
    throw new AppError(ErrorCode.validation, 'bad expiry', 'Thời hạn của mã truy cập phải từ 1 đến 366 ngày')
  }
  // A commune's system must not carry a right over the whole province's data.
  const shared = request.scopes.filter(actsOnSharedData)
  if (shared.length > 0 && !(await isRootUnit(db, request.unitId))) {
    throw new AppError(
      ErrorCode.validation,
      `shared-data scopes ${shared.join(',')} below the root`,
      `Mã truy cập của đơn vị dưới cấp tỉnh không được mang quyền ${shared.map((s) => `${s} (thay đổi ${SHARED_DATA_PERMISSIONS[s]})`).join(', ')}; hãy cấp mã đó tại đơn vị cấp tỉnh`,
    )
  }
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`
  const expiresAt = new Date(Date.now() + request.days * 86_400_000)
  const row = await db
    .insertInto('api_tokens')
    .values({ name: request.name, token_hash: sha256(token), unit_id: request.unitId, scopes: [...request.scopes], expires_at: expiresAt, created_by: request.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, token, expiresAt }
}

export async function actorFromApiToken(db: Kysely<Database>, token: string): Promise<Actor | null> {
  if (!token.startsWith(PREFIX)) return null
  const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst()
  if (!row || row.revoked_at !== null || row.expires_at < new Date()) return null
  await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.id).execute()
  return {
    kind: 'token',
    id: row.id,
    name: row.name,
    unitId: row.unit_id,
    role: null,
    tokenScopes: row.scopes as Permission[],
    unitIds: await subtreeOf(db, row.unit_id),
    atRoot: await isRootUnit(db, row.unit_id),
    label: `token:${row.name}`,
    sessionId: null,
    csrfToken: null,
  }
}

export async function revokeApiToken(db: Kysely<Database>, id: number): Promise<boolean> {
  const result = await db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
