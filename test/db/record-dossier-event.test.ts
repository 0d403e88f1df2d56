import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { isAppError } from '../../src/domain/shared/app-error.js'
import { recordDossierEvent } from '../../src/modules/dossiers/record-dossier-event.js'
import { getIndicators } from '../../src/modules/indicators/get-indicators.js'
import { createTestDatabase } from '../support/test-database.js'
import { loadSmallDistrict } from '../support/small-district.js'

let handle: DatabaseHandle
/** The one-stop desk of An Thanh, which received and decides these dossiers. */
let anThanh: ReadonlySet<number>
const at = (iso: string) => new Date(`${iso}+07:00`)

beforeAll(async () => {
  handle = await createTestDatabase()
  await loadSmallDistrict(handle, [
      'HS-1,H23.07.01,1.001193,online,2022-09-05T08:00:00+07:00,2022-09-07T17:00:00+07:00,,,processing,2,2,,0,,0,',
      'HS-2,H23.07.01,1.001193,direct,2022-09-05T08:00:00+07:00,,2022-09-05T10:00:00+07:00,,finished,1,1,true,0,,0,',
    ])
  anThanh = new Set([(await handle.db.selectFrom('units').select('id').where('code', '=', 'H23.07.01').executeTakeFirstOrThrow()).id])
})
afterAll(async () => handle.close())

async function historyOf(code: string) {
  return handle.db
    .selectFrom('dossier_events')
    .innerJoin('dossiers', 'dossiers.id', 'dossier_events.dossier_id')
    .select(['dossier_events.type', 'dossier_events.status_after', 'dossier_events.actor'])
    .where('dossiers.code', '=', code)
    .orderBy('seq')
    .execute()
}

describe('a step at the desk', () => {
  it('returning a dossier that has no result is refused, and nothing is written', async () => {
    const before = await historyOf('HS-1')
    try {
      await recordDossierEvent(handle.db, 'HS-1', { type: 'return', actor: 'mot-cua.an-thanh', actingFor: anThanh, at: at('2022-09-06T09:00:00') })
      expect.unreachable()
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('invalid_transition')
      expect(isAppError(error) && error.userMessage).toBe('Không thể thực hiện "Trả kết quả" với hồ sơ đang ở trạng thái "Đang xử lý": hồ sơ chưa có kết quả giải quyết')
    }
    expect(await historyOf('HS-1')).toEqual(before)
  })

  it('finishing then returning appends two events, updates the dossier and the figures follow', async () => {
    const period = { unitCode: 'H23.07.01', from: '2022-09-06', to: '2022-09-06', children: false }
    expect((await getIndicators(handle.db, period)).rows[0]!.indicators.result_digitization_rate.denominator).toBe(0)
    await recordDossierEvent(handle.db, 'HS-1', { type: 'finish', actor: 'chuyen-vien.an-thanh', actingFor: anThanh, at: at('2022-09-06T10:00:00') })
    const state = await recordDossierEvent(handle.db, 'HS-1', { type: 'return', actor: 'mot-cua.an-thanh', actingFor: anThanh, at: at('2022-09-06T15:00:00') })
    expect(state.status).toBe('returned')
    expect((await historyOf('HS-1')).map((e) => [e.type, e.status_after])).toEqual([
      ['imported', 'processing'],
      ['finish', 'finished'],
      ['return', 'returned'],
    ])
    const row = await handle.db.selectFrom('dossiers').select(['status', 'finished_at', 'returned_at']).where('code', '=', 'HS-1').executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'returned', finished_at: at('2022-09-06T10:00:00'), returned_at: at('2022-09-06T15:00:00') })
    const figures = (await getIndicators(handle.db, period)).rows[0]!.indicators
    expect(figures.on_time_rate).toEqual({ numerator: 1, denominator: 1, value: 100 })
  })

  it('returning an imported finished dossier keeps the time its result was ready', async () => {
    await recordDossierEvent(handle.db, 'HS-2', { type: 'return', actor: 'mot-cua.an-thanh', actingFor: anThanh, at: at('2022-09-08T08:00:00') })
    const row = await handle.db.selectFrom('dossiers').select(['status', 'finished_at']).where('code', '=', 'HS-2').executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'returned', finished_at: at('2022-09-05T10:00:00') })
  })

  it('an unknown dossier is a not-found error', async () => {
    await expect(recordDossierEvent(handle.db, 'KHONG-CO', { type: 'finish', actor: 'x', actingFor: anThanh })).rejects.toMatchObject({ code: 'not_found' })
  })
})
