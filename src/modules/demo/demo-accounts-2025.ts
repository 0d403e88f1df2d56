import type { Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { Role } from '../../domain/accounts/role.js'
import { hashPassword } from '../accounts/password-hash.js'
import { slugOf, type DemoAccount } from './demo-accounts.js'
import { HAI_PHONG_CODE, TU_KY_MERGERS } from './demo-reorganisation.js'

/**
 * Accounts of today's units (since 1/7/2025): the city's office and leader, and a leader and an
 * officer and a specialist at each of the six communes formed from Tứ Kỳ's. Prefixed `hp.` so they never clash
 * with the accounts of the old units, which the demo keeps to show the history before the merger.
 */
export async function seedTodayAccounts(trx: Transaction<Database>, password: string): Promise<DemoAccount[]> {
  const units = await trx.selectFrom('units').select(['id', 'code', 'name']).where('code', 'in', [HAI_PHONG_CODE, ...TU_KY_MERGERS.map((m) => m.code)]).execute()
  const city = units.find((u) => u.code === HAI_PHONG_CODE)
  if (!city) return []
  const plan: { username: string; role: Role; unit: (typeof units)[number] }[] = [
    { username: 'hp.quantri', role: 'unit_admin', unit: city },
    { username: 'hp.lanhdao', role: 'leader', unit: city },
    { username: 'hp.vanphong', role: 'monitor', unit: city },
  ]
  for (const commune of units.filter((u) => u.id !== city.id)) {
    for (const [suffix, role] of [['lanhdao', 'leader'], ['motcua', 'officer'], ['chuyenvien', 'specialist']] as const) plan.push({ username: `hp.${slugOf(commune.name)}.${suffix}`, role, unit: commune })
  }
  const existing = new Set((await trx.selectFrom('users').select('username').execute()).map((u) => u.username))
  const fresh = plan.filter((p) => !existing.has(p.username))
  if (fresh.length === 0) return []
  const passwordHash = await hashPassword(password)
  await trx
    .insertInto('users')
    .values(fresh.map((p) => ({ username: p.username, display_name: `Tài khoản thử (${p.unit.name})`, password_hash: passwordHash, unit_id: p.unit.id, role: p.role })))
    .execute()
  return fresh.map((p) => ({ username: p.username, role: p.role, unitCode: p.unit.code, unitName: p.unit.name }))
}
