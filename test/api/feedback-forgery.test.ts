import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importFeedback } from '../../src/modules/feedback/import-feedback.js'
import { indexInputs } from '../../src/modules/index766/compute-index.js'
import { rejection } from '../support/rejection.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { loadSmallDistrict } from '../support/small-district.js'
import { tempDir, writeCsv } from '../support/files.js'

/*
 * Feedback (phản ánh, kiến nghị) naming a dossier takes that dossier out of 5.4's numerator.
 * An item filed by An Thanh must not be able to lower Quang Trung's 5.4.
 * September 2022: each commune has one dossier finished on time, none rated.
 */
let handle: DatabaseHandle
let app: FastifyInstance
let anThanhOfficer: SignedIn
let districtLeader: SignedIn
const dir = tempDir()
const strict = { skipInvalid: false, ignoreUnknown: false }

beforeAll(async () => {
  ;({ handle, app } = await startApiServer({ filesDir: tempDir() }))
  await loadSmallDistrict(handle, [
    'AT-1,H23.07.01,1.001193,online,2022-09-05T08:00:00+07:00,2022-09-05T17:00:00+07:00,2022-09-05T10:00:00+07:00,,finished,1,1,true,0,false,0,',
    'QT-1,H23.07.02,1.001193,online,2022-09-06T08:00:00+07:00,2022-09-06T17:00:00+07:00,2022-09-06T10:00:00+07:00,,finished,1,1,true,0,false,0,',
  ])
  anThanhOfficer = await signIn(app, handle, 'officer', 'H23.07.01')
  districtLeader = await signIn(app, handle, 'leader', 'H23.07')
  // The province keeps feedback: An Thanh's own item about its own dossier.
  const own = await anThanhOfficer.inject({
    method: 'POST', url: '/api/v1/feedback',
    payload: { unit: 'H23.07.01', received_at: '2022-09-07T09:00:00+07:00', late_entry_reason: 'Sổ tiếp nhận giấy', channel: 'phone', summary: 'Hồ sơ khai sinh trả chậm', procedure_code: '1.001193', dossier_code: 'AT-1' },
  })
  expect(own.statusCode).toBe(200)
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

async function satisfactionOf(unitCode: string) {
  const unit = await handle.db.selectFrom('units').select('id').where('code', '=', unitCode).executeTakeFirstOrThrow()
  return (await indexInputs(handle.db, unit.id, '2022-09-01', '2022-09-30'))['5.4']
}
const feedbackCount = async () => (await handle.db.selectFrom('feedback').select('id').execute()).length

const post = (payload: object) =>
  anThanhOfficer.inject({ method: 'POST', url: '/api/v1/feedback', payload: { unit: 'H23.07.01', received_at: '2022-09-08T09:00:00+07:00', late_entry_reason: 'Sổ tiếp nhận giấy', channel: 'phone', summary: 'Phản ánh', ...payload } })

describe('feedback cannot bend another commune’s 5.4', () => {
  it('An Thanh’s own item counts against An Thanh’s dossier; Quang Trung is 1/1', async () => {
    expect(await satisfactionOf('H23.07.01')).toEqual({ numerator: 0, denominator: 1 })
    expect(await satisfactionOf('H23.07.02')).toEqual({ numerator: 1, denominator: 1 })
  })

  it.each([
    ['a Quang Trung dossier', { dossier_code: 'QT-1' }, 'QT-1: không có hồ sơ với mã này thuộc đơn vị tiếp nhận phản ánh hoặc đơn vị cấp dưới'],
    ['a dossier that does not exist', { dossier_code: 'KHONG-CO' }, 'KHONG-CO: không có hồ sơ với mã này thuộc đơn vị tiếp nhận phản ánh hoặc đơn vị cấp dưới'],
    ['a procedure that does not exist', { procedure_code: '9.999999' }, '9.999999: không có thủ tục hành chính với mã này'],
  ])('an An Thanh officer naming %s is refused (400), and nothing is recorded', async (_what, payload, message) => {
    const before = await feedbackCount()
    const response = await post(payload)
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toBe(message)
    expect(await feedbackCount()).toBe(before)
    expect(await satisfactionOf('H23.07.02')).toEqual({ numerator: 1, denominator: 1 })
  })

  it('a district leader cannot file an item under An Thanh against a Quang Trung dossier either', async () => {
    const response = await districtLeader.inject({
      method: 'POST', url: '/api/v1/feedback',
      payload: { unit: 'H23.07.01', received_at: '2022-09-08T09:00:00+07:00', late_entry_reason: 'Sổ tiếp nhận giấy', channel: 'phone', summary: 'Phản ánh', dossier_code: 'QT-1' },
    })
    expect([400, 403]).toContain(response.statusCode)
    expect(await satisfactionOf('H23.07.02')).toEqual({ numerator: 1, denominator: 1 })
  })

  it('feedback.csv: a row of An Thanh naming a Quang Trung dossier or an unknown procedure is refused with its line and column', async () => {
    const path = writeCsv(dir, 'feedback.csv', [
      'code,unit_code,received_at,channel,summary,procedure_code,dossier_code',
      'PA-1,H23.07.01,2022-09-08T09:00:00+07:00,online,Hồ sơ trả chậm,1.001193,QT-1',
      'PA-2,H23.07.01,2022-09-08T09:00:00+07:00,online,Thủ tục rườm rà,9.999999,',
      'PA-3,H23.07.02,2022-09-08T09:00:00+07:00,online,Hồ sơ trả chậm,1.001193,QT-1',
    ])
    const before = await feedbackCount()
    const error = await rejection(importFeedback(handle, path, strict))
    expect(error.details).toEqual([
      { line: 2, column: 'dossier_code', value: 'QT-1', reason: 'không có hồ sơ với mã này thuộc đơn vị tiếp nhận phản ánh hoặc đơn vị cấp dưới' },
      { line: 3, column: 'procedure_code', value: '9.999999', reason: 'không có thủ tục hành chính với mã này' },
    ])
    expect(await feedbackCount()).toBe(before)
    expect(await satisfactionOf('H23.07.02')).toEqual({ numerator: 1, denominator: 1 })
  })

  it('Quang Trung’s own item about its dossier does count against it', async () => {
    const path = writeCsv(dir, 'own.csv', ['code,unit_code,received_at,channel,summary,dossier_code', 'PA-9,H23.07.02,2022-09-08T09:00:00+07:00,online,Hồ sơ trả chậm,QT-1'])
    await importFeedback(handle, path, strict)
    expect(await satisfactionOf('H23.07.02')).toEqual({ numerator: 0, denominator: 1 })
  })

  it('an item already stored under An Thanh naming a Quang Trung dossier (written before this rule) does not count against Quang Trung', async () => {
    const anThanh = await handle.db.selectFrom('units').select('id').where('code', '=', 'H23.07.01').executeTakeFirstOrThrow()
    await handle.db.deleteFrom('feedback').where('unit_id', '!=', anThanh.id).execute()
    await handle.db.insertInto('feedback').values({
      code: 'PA-CU', unit_id: anThanh.id, received_at: new Date('2022-09-08T02:00:00Z'), channel: 'online', summary: 'Cũ', procedure_code: null, dossier_code: 'QT-1',
      classification: null, classified_at: null, rejected_at: null, supplement_requested_at: null, handled_at: null, published_at: null, reaction: null, repeated: null,
    }).execute()
    expect(await satisfactionOf('H23.07.02')).toEqual({ numerator: 1, denominator: 1 })
  })
})
