import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { passwordProblems } from '../../domain/accounts/password-policy.js'
import { ROLES, type Role } from '../../domain/accounts/role.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { writeAudit } from '../audit/write-audit.js'
import { hashPassword } from './password-hash.js'

export interface NewUser {
  username: string
  displayName: string
  password: string
  unitCode: string
  role: Role
}

/** Creates an official's account: policy-checked password, hashed; the change audited. */
export async function createUser(db: Kysely<Database> | Transaction<Database>, user: NewUser, actor: string): Promise<number> {
  const username = user.username.trim().toLowerCase()
  if (!/^[a-z0-9._-]{3,64}$/.test(username)) {
    throw new AppError(ErrorCode.validation, 'bad username', 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới')
  }
  if (!ROLES.includes(user.role)) throw new AppError(ErrorCode.validation, 'bad role', `Vai trò không hợp lệ: ${user.role}`)
  const problems = passwordProblems(user.password, username)
  if (problems.length > 0) throw new AppError(ErrorCode.validation, 'weak password', `Mật khẩu không đạt yêu cầu: ${problems.join('; ')}`)
  const unit = await db.selectFrom('units').select('id').where('code', '=', user.unitCode).executeTakeFirst()
  if (!unit) throw new AppError(ErrorCode.notFound, 'unknown unit', `Không có đơn vị với mã ${user.unitCode}`)
  const exists = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()
  if (exists) throw new AppError(ErrorCode.conflict, 'username taken', `Tên đăng nhập ${username} đã có`)
  const passwordHash = await hashPassword(user.password)
  const insert = async (trx: Transaction<Database>) => {
    const row = await trx
      .insertInto('users')
      .values({ username, display_name: user.displayName, password_hash: passwordHash, unit_id: unit.id, role: user.role })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeAudit(trx, { actor, action: 'user.create', entity: 'user', entityId: String(row.id), summary: { username, role: user.role, unit: user.unitCode } })
    return row.id
  }
  return 'isTransaction' in db && db.isTransaction ? insert(db as Transaction<Database>) : (db as Kysely<Database>).transaction().execute(insert)
}
