import { randomBytes } from 'node:crypto'
import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { Role } from '../../domain/accounts/role.js'
import { hashPassword } from '../accounts/password-hash.js'

export interface DemoAccount {
  username: string
  role: Role
  unitCode: string
  unitName: string
}

/** "Xã Quảng Nghiệp" → "quangnghiep": user names without diacritics, as Vietnamese systems use. */
export function slugOf(name: string): string {
  // "Thị trấn Tứ Kỳ" keeps a prefix so it differs from "Huyện Tứ Kỳ".
  return name
    .replace(/^Thị trấn\s+/u, 'tt')
    .replace(/^(Tỉnh|Huyện|Thành phố|Thị xã|Xã|Phường)\s+/u, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/** A password for the demo accounts: random per install, never stored in the repository. */
export function demoPassword(): string {
  return process.env.MOTCUA_DEMO_PASSWORD || `Demo-${randomBytes(6).toString('base64url')}-2022`
}

/**
 * One account per role at the province, at Tứ Kỳ and at each of its communes, so every screen
 * can be tried as the people of the letters. All share the printed demo password.
 */
export async function seedDemoAccounts(trx: Transaction<Database>, password: string): Promise<DemoAccount[]> {
  const units = await trx.selectFrom('units').select(['id', 'code', 'name', 'kind', 'parent_id']).execute()
  const tuKy = units.find((u) => u.code === 'H23.07')
  const province = units.find((u) => u.code === 'H23')
  if (!tuKy || !province) return []
  const plan: { username: string; role: Role; unit: (typeof units)[number] }[] = [{ username: 'quantri', role: 'system_admin', unit: province }]
  for (const [suffix, role] of [['quantri', 'unit_admin'], ['lanhdao', 'leader'], ['vanphong', 'monitor'], ['motcua', 'officer'], ['chuyenvien', 'specialist']] as const) {
    plan.push({ username: `tuky.${suffix}`, role, unit: tuKy })
  }
  for (const commune of units.filter((u) => u.parent_id === tuKy.id && u.kind === 'commune')) {
    for (const [suffix, role] of [['lanhdao', 'leader'], ['motcua', 'officer'], ['chuyenvien', 'specialist']] as const) {
      plan.push({ username: `${slugOf(commune.name)}.${suffix}`, role, unit: commune })
    }
  }
  // One hash for all: the demo accounts share a password, and scrypt costs 60 ms a hash.
  const passwordHash = await hashPassword(password)
  const existing = new Set((await trx.selectFrom('users').select('username').execute()).map((u) => u.username))
  const seen = new Set<string>()
  for (const p of plan) {
    if (seen.has(p.username)) p.username = `${p.username}.${p.unit.code.toLowerCase()}`
    seen.add(p.username)
  }
  const fresh = plan.filter((p) => !existing.has(p.username))
  if (fresh.length > 0) {
    await trx
      .insertInto('users')
      .values(fresh.map((p) => ({ username: p.username, display_name: `Tài khoản thử (${p.unit.name})`, password_hash: passwordHash, unit_id: p.unit.id, role: p.role })))
      .execute()
  }
  return fresh.map((p) => ({ username: p.username, role: p.role, unitCode: p.unit.code, unitName: p.unit.name }))
}
