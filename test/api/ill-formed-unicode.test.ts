import { readFileSync, writeFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { verifyAuditChain } from '../../src/modules/audit/verify-audit-chain.js'
import { writeAudit } from '../../src/modules/audit/write-audit.js'
import { importFeedback } from '../../src/modules/feedback/import-feedback.js'
import { RowParser } from '../../src/modules/import/row-parser.js'
import { tempDir, writeXlsx } from '../support/files.js'
import { rejection } from '../support/rejection.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { loadSmallDistrict } from '../support/small-district.js'

/*
 * A lone UTF-16 surrogate ("\ud800" in JSON) is text JavaScript holds but PostgreSQL stores as
 * U+FFFD (or refuses): what was checked and hashed would not be what is kept.
 */
let handle: DatabaseHandle
let app: FastifyInstance
let provinceAdmin: SignedIn
const LONE = '\ud800'

beforeAll(async () => {
  ;({ handle, app } = await startApiServer({ filesDir: tempDir() }))
  await loadSmallDistrict(handle, [])
  provinceAdmin = await signIn(app, handle, 'system_admin', 'H23')
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

const auditRows = async () => (await handle.db.selectFrom('audit_log').select('id').execute()).length
/** The JSON text itself carries the escape, as an attacker's client would send it. */
const rawJson = (text: string) => ({ payload: text, headers: { 'content-type': 'application/json' } })

describe('ill-formed Unicode is refused at the HTTP boundary', () => {
  it('a login with a lone surrogate in the user name is refused (400), writes nothing, and the audit chain still verifies', async () => {
    const before = await auditRows()
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', ...rawJson(`{"username":"can-bo${'\\ud800'}","password":"mat-khau-sai-123"}`) })
    expect(response.statusCode).toBe(400)
    expect(response.json().message).toBe('Dữ liệu gửi lên không hợp lệ: body.username chứa ký tự Unicode không hợp lệ (nửa cặp thay thế)')
    expect(await auditRows()).toBe(before)
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, problems: [] })
  })

  it('every route of the API document that takes a body answers 400 to a lone surrogate (401 first where a citizen\'s session is checked before the body), never 500, and writes nothing', async () => {
    await app.ready()
    const document = app.swagger() as { paths: Record<string, Record<string, { requestBody?: unknown }>> }
    const withBody = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).filter(([, operation]) => operation.requestBody !== undefined).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    )
    expect(withBody.length).toBeGreaterThan(10)
    const before = await auditRows()
    const answers: string[] = []
    for (const { method, path } of withBody) {
      const url = path.replace(/\{[^}]+\}/g, '1')
      const response = await provinceAdmin.inject({ method: method as 'POST', url, ...rawJson(`{"summary":"x${'\\udc00'}y","note":["a","${'\\ud83d'}"]}`) })
      answers.push(`${method} ${path} ${response.statusCode}`)
    }
    // The portal's routes for a citizen's session check it before reading the body: 401 without one.
    const sessionFirst = (path: string) => path.startsWith('/api/v1/public/dossiers')
    expect(answers).toEqual(withBody.map(({ method, path }) => `${method} ${path} ${sessionFirst(path) ? 401 : 400}`))
    expect(await auditRows()).toBe(before)
  })

  it('a well-formed pair (an emoji) is no lone surrogate: the request goes on to its own validation', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'can-bo-😀', password: 'mat-khau-sai-123' } })
    expect(response.statusCode).toBe(401)
  })
})

describe('the audit row is hashed over what the database stores', () => {
  it('a lone surrogate reaching writeAudit from elsewhere (a name cut in the middle of an emoji) is stored as U+FFFD and the chain verifies', async () => {
    const cut = 'người-dùng-😀'.slice(0, -1)
    await handle.db.transaction().execute((trx) => writeAudit(trx, { actor: `user:${cut}`, action: 'user.login_failed', entity: 'user', summary: { name: cut, [`k${LONE}`]: [LONE], nul: 'a\u0000b' } }))
    const row = await handle.db.selectFrom('audit_log').select(['actor', 'summary']).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()
    expect(row.actor).toBe('user:người-dùng-\ufffd')
    expect(row.summary).toEqual({ name: 'người-dùng-\ufffd', 'k\ufffd': ['\ufffd'], nul: 'a\ufffdb' })
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, problems: [] })
  })
})

describe('imports refuse ill-formed cells', () => {
  it('an XLSX feedback file with a character reference to a lone surrogate is refused and nothing is imported', async () => {
    const dir = tempDir()
    const path = await writeXlsx(dir, 'feedback.xlsx', [
      ['code', 'unit_code', 'received_at', 'channel', 'summary'],
      ['PA-1', 'H23.07.01', '2022-09-08T09:00:00+07:00', 'online', 'Hồ sơ trả chậm MARK'],
    ])
    // A workbook's XML may carry a character reference to a lone surrogate, which no writer produces.
    const zip = await JSZip.loadAsync(readFileSync(path))
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = await zip.file(name)!.async('string')
      if (xml.includes('MARK')) zip.file(name, xml.replace('MARK', '&#xD800;'))
    }
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }))
    const error = await rejection(importFeedback(handle, path, { skipInvalid: false, ignoreUnknown: false }))
    expect(error.code).toBe('validation')
    expect(await handle.db.selectFrom('feedback').select('id').execute()).toEqual([])
  })

  it('a cell holding a lone surrogate, however it was read, fails its row with the column named', () => {
    const row = new RowParser<'summary' | 'code'>(7, (name) => (name === 'summary' ? `Hồ sơ ${LONE}` : 'PA-1'))
    expect(row.required('code')).toBe('PA-1')
    row.required('summary')
    row.text('summary')
    expect(row.issues).toEqual([{ line: 7, column: 'summary', value: 'Hồ sơ \ufffd', reason: 'chứa ký tự Unicode không hợp lệ (nửa cặp thay thế)' }])
  })
})
