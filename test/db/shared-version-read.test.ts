import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { createUser } from '../../src/modules/accounts/create-user.js'
import { readVersions, SharedVersionRead } from '../../src/modules/figure-cache/versions.js'
import { VersionedMemo } from '../../src/modules/figure-cache/versioned-memo.js'
import { createTestDatabase } from '../support/test-database.js'
import { loadSmallDistrict } from '../support/small-district.js'

let handle: DatabaseHandle
beforeAll(async () => {
  handle = await createTestDatabase()
  await loadSmallDistrict(handle, [])
})
afterAll(async () => {
  await handle.close()
})

describe('the versions a request reads', () => {
  it('requests arriving together share one read; a change committed before the next request is seen by it', async () => {
    const shared = new SharedVersionRead(() => readVersions(handle.db))
    const together = [shared.versions(), shared.versions(), shared.versions()]
    expect(new Set(together).size).toBe(1)
    const before = await together[0]!
    await createUser(handle.db, { username: 'lanh.dao.moi', displayName: 'Lãnh đạo mới', password: 'mat-khau-lanh-dao-2022', unitCode: 'H23.07', role: 'leader' }, 'test')
    const after = await shared.versions()
    expect(after.access).toBeGreaterThan(before.access)
    expect(after.data).toBe(before.data)
  })

  it('a new session and its last-seen time move no version; ending it moves the access version', async () => {
    const user = await handle.db.selectFrom('users').select('id').where('username', '=', 'lanh.dao.moi').executeTakeFirstOrThrow()
    const start = await readVersions(handle.db)
    await handle.db.insertInto('sessions').values({ id: 'phien-thu', user_id: user.id, csrf_token: 'x', expires_at: new Date(Date.now() + 3600_000), ip: null, user_agent: null }).execute()
    await handle.db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', 'phien-thu').execute()
    expect(await readVersions(handle.db)).toEqual(start)
    await handle.db.updateTable('sessions').set({ revoked_at: new Date() }).where('id', '=', 'phien-thu').execute()
    expect((await readVersions(handle.db)).access).toBeGreaterThan(start.access)
  })
})

describe('values kept under a version', () => {
  it('are forgotten when a newer version comes, and one read under a superseded version is not kept', () => {
    const memo = new VersionedMemo<string>(10)
    memo.set(1, 'H23.07', 'Huyện Tứ Kỳ')
    expect(memo.get(1, 'H23.07')).toBe('Huyện Tứ Kỳ')
    expect(memo.get(2, 'H23.07')).toBeUndefined()
    memo.set(1, 'H23.07', 'read before the change')
    expect(memo.get(2, 'H23.07')).toBeUndefined()
    expect(memo.get(1, 'H23.07')).toBeUndefined()
  })
})
