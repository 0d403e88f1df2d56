import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { blankFormDocx } from '../../src/modules/procedures/forms/blank-form-docx.js'
import { PROCEDURES_CSV, tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { runCli } from '../support/run-cli.js'
import { useProcessDatabase } from '../support/test-database.js'

/*
 * `procedures forms add|list|remove` as the province's operator runs it: a Word form attached to
 * birth registration, listed, a program refused naming the file, the form taken off again.
 */
const dir = tempDir()
const dataDir = join(dir, 'data')
const processDatabase = useProcessDatabase()
const cli = (...args: string[]) => runCli([...args, '--data', dataDir], processDatabase.env())

describe('procedures forms on the command line', () => {
  it('attaches, lists, refuses a file that is no form, and removes', async () => {
    expect((await cli('import', 'units', writeCsv(dir, 'units.csv', UNITS_CSV))).code).toBe(0)
    expect((await cli('import', 'procedures', writeCsv(dir, 'procedures.csv', PROCEDURES_CSV))).code).toBe(0)
    const form = join(dir, 'Tờ khai đăng ký khai sinh.docx')
    writeFileSync(form, await blankFormDocx({
      source: 'Thông tư 04/2020/TT-BTP', title: 'Tờ khai đăng ký khai sinh', addressee: 'Ủy ban nhân dân xã',
      sections: [{ fields: ['Họ, chữ đệm, tên'] }], pledge: [], signer: 'Người yêu cầu',
    }))

    const added = await cli('procedures', 'forms', 'add', '--procedure', '1.001193', '--name', 'Tờ khai đăng ký khai sinh', '--code', 'TK-KS', form)
    expect(added.code).toBe(0)
    expect(added.stderr).toContain('Đã đính kèm mẫu TK-KS "Tờ khai đăng ký khai sinh" (Tờ khai đăng ký khai sinh.docx')

    const listed = await cli('procedures', 'forms', 'list', '--procedure', '1.001193', '--json')
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({
      code: 'TK-KS', name: 'Tờ khai đăng ký khai sinh', file_name: 'Tờ khai đăng ký khai sinh.docx',
      media_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', uploaded_by: expect.stringMatching(/^cli:/),
    })])

    const program = join(dir, 'to-khai.xlsx')
    writeFileSync(program, Buffer.from('MZ\u0090\u0000 không phải bảng tính'))
    const refused = await cli('procedures', 'forms', 'add', '--procedure', '1.001193', '--name', 'Tờ khai', program)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Tệp mẫu to-khai.xlsx không phải PDF, Word (DOC, DOCX) hoặc Excel (XLSX) hợp lệ')

    const unknown = await cli('procedures', 'forms', 'list', '--procedure', '9.999999')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('Không có thủ tục hành chính với mã 9.999999')

    expect((await cli('procedures', 'forms', 'remove', '--procedure', '1.001193', '--code', 'TK-KS')).code).toBe(0)
    expect(JSON.parse((await cli('procedures', 'forms', 'list', '--procedure', '1.001193', '--json')).stdout)).toEqual([])
    const audit = JSON.parse((await cli('audit', 'list', '--json')).stdout) as { action: string; entity_id: string | null }[]
    expect(audit.filter((r) => r.action.startsWith('procedure.form')).map((r) => [r.action, r.entity_id]).sort()).toEqual([['procedure.form_add', '1.001193'], ['procedure.form_remove', '1.001193']])
  })
})
