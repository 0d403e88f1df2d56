import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { FileStore } from '../../src/modules/desk/file-store.js'
import { COMMUNE_PROCEDURES } from '../../src/modules/demo/demo-procedures.js'
import { DEMO_FORMS, seedDemoProcedureForms } from '../../src/modules/demo/demo-procedure-forms.js'
import { formsOfProcedures } from '../../src/modules/procedures/forms/procedure-forms.repository.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { readDocx } from '../support/docx-text.js'
import { tempDir } from '../support/files.js'
import { createTestDatabase } from '../support/test-database.js'

/** The demo's procedures come with their forms, generated as Word documents when seeding. */
let handle: DatabaseHandle
const filesDir = tempDir()
const store = new FileStore(filesDir)

beforeAll(async () => {
  handle = await createTestDatabase()
  await handle.db.transaction().execute((trx) => saveProcedures(trx, COMMUNE_PROCEDURES))
})
afterAll(async () => handle.close())

describe('the demo procedures’ forms', () => {
  it('gives birth registration and the other civil-status procedures a Word form with the official headings, once', async () => {
    expect(await seedDemoProcedureForms(handle, store)).toBe(DEMO_FORMS.length)
    expect(await seedDemoProcedureForms(handle, store)).toBe(0)
    const forms = await formsOfProcedures(handle.db)
    expect(forms.size).toBeGreaterThanOrEqual(4)
    const birth = forms.get('1.001193')!
    expect(birth.map((f) => f.name)).toEqual(['Tờ khai đăng ký khai sinh'])
    const text = (await readDocx(await store.get(birth[0]!.sha256))).paragraphs
    expect(text).toEqual(expect.arrayContaining(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'TỜ KHAI ĐĂNG KÝ KHAI SINH']))
    expect(text.some((p) => p.startsWith('Họ, chữ đệm, tên người mẹ:'))).toBe(true)
    // Every form is a file in the store, named by its hash.
    for (const list of forms.values()) for (const form of list) expect(readdirSync(`${filesDir}/${form.sha256.slice(0, 2)}`)).toContain(form.sha256.slice(2))
    const audits = await handle.db.selectFrom('audit_log').select('actor').where('action', '=', 'procedure.form_add').execute()
    expect(audits).toHaveLength(DEMO_FORMS.length)
  })
})
