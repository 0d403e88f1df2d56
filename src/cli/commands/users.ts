import { readFileSync } from 'node:fs'
import { ROLES, type Role } from '../../domain/accounts/role.js'
import { issueApiToken, revokeApiToken } from '../../modules/accounts/api-tokens.js'
import { resetPassword } from '../../modules/accounts/change-password.js'
import { createUser } from '../../modules/accounts/create-user.js'
import { PERMISSIONS, type Permission } from '../../domain/accounts/role.js'
import { writeAudit } from '../../modules/audit/write-audit.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const USAGE = `cli -- users add USERNAME --unit CODE --role ROLE --name "HỌ TÊN" (mật khẩu đọc từ stdin)
       cli -- users token --name TÊN --unit CODE --scopes quyền1,quyền2 [--days N]
       cli -- users revoke-token ID
       cli -- users set-password USERNAME (mật khẩu mới đọc từ stdin; mọi phiên của người đó kết thúc)
  vai trò: ${ROLES.join(', ')}
  quyền: ${PERMISSIONS.join(', ')}`

export const usersCommand: Command = {
  name: 'users',
  usage: USAGE,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      args,
      { unit: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, scopes: { type: 'string' }, days: { type: 'string' } },
      USAGE,
    )
    const [action, username] = positionals
    if (action === 'revoke-token') {
      const id = Number(username)
      if (!Number.isInteger(id) || id < 1) throw usageError(`Mã số token không hợp lệ: ${username ?? '(trống)'}`, USAGE)
      const handle = await context.database()
      if (!(await revokeApiToken(handle.db, id))) {
        context.stderr(`Không có mã truy cập số ${id} đang hiệu lực.`)
        return 1
      }
      await handle.db.transaction().execute((trx) => writeAudit(trx, { actor: context.actor, action: 'token.revoke', entity: 'api_token', entityId: String(id) }))
      context.stderr(`Đã thu hồi mã truy cập số ${id}.`)
      return 0
    }
    if (action === 'set-password') {
      if (!username) throw usageError('Cần USERNAME', USAGE)
      const handle = await context.database()
      const ended = await resetPassword(handle.db, { username, password: readFileSync(0, 'utf8').split('\n')[0] ?? '' }, context.actor)
      context.stderr(`Đã đặt mật khẩu mới cho ${username}; ${ended} phiên đăng nhập đã kết thúc.`)
      return 0
    }
    if (!values.unit) throw usageError('Thiếu --unit', USAGE)
    const handle = await context.database()
    if (action === 'add') {
      if (!username || !values.role || !values.name) throw usageError('Cần USERNAME, --role và --name', USAGE)
      if (!ROLES.includes(values.role as Role)) throw usageError(`Vai trò không hợp lệ: ${values.role}`, USAGE)
      // The password comes on standard input, never on the command line (it would stay in shell history).
      const password = readFileSync(0, 'utf8').split('\n')[0] ?? ''
      const id = await createUser(handle.db, { username, displayName: values.name, password, unitCode: values.unit, role: values.role as Role }, context.actor)
      context.stderr(`Đã tạo tài khoản ${username} (mã ${id}).`)
      return 0
    }
    if (action === 'token') {
      if (!values.name || !values.scopes) throw usageError('Cần --name và --scopes', USAGE)
      const unit = await handle.db.selectFrom('units').select('id').where('code', '=', values.unit).executeTakeFirst()
      if (!unit) throw usageError(`Không có đơn vị với mã ${values.unit}`, USAGE)
      const issued = await issueApiToken(handle.db, {
        name: values.name,
        unitId: unit.id,
        scopes: values.scopes.split(',').map((s) => s.trim()) as Permission[],
        days: values.days === undefined ? 90 : Number(values.days),
        createdBy: null,
      })
      await handle.db.transaction().execute((trx) => writeAudit(trx, { actor: context.actor, action: 'token.issue', entity: 'api_token', entityId: String(issued.id), summary: { name: values.name, unit: values.unit, scopes: values.scopes } }))
      context.stderr(`Mã truy cập số ${issued.id} (chỉ hiện một lần), hết hạn ${issued.expiresAt.toISOString()}:`)
      context.stdout(issued.token)
      return 0
    }
    throw usageError(`Lệnh users không hợp lệ: ${action ?? '(trống)'}`, USAGE)
  },
}
