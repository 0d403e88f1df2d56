import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { runCli } from '../support/run-cli.js'
import { useProcessDatabase } from '../support/test-database.js'

/* Directives and tasks from the command line: a file imported all or nothing, then what a unit owes. */

const dir = tempDir()
const dataDir = join(dir, 'data')
const processDatabase = useProcessDatabase()
const cli = (...args: string[]) => runCli([...args, '--data', dataDir], processDatabase.env())

const HEADER = 'Văn bản đến/đi,Số, ký hiệu,Ngày ban hành,Cơ quan ban hành,Trích yếu,Nhiệm vụ,Đơn vị thực hiện,Đơn vị theo dõi,Chu kỳ,Hạn hoàn thành'
const LETTER = 'đi,1262/UBND-VP,15/9/2022,UBND huyện Tứ Kỳ,V/v tăng cường thực hiện số hóa hồ sơ'

describe('cli -- directives import and tasks', () => {
  it('refuses a file with a bad row whole, then imports the good one and lists the overdue task as of a day', async () => {
    expect((await cli('import', 'units', writeCsv(dir, 'units.csv', UNITS_CSV))).code).toBe(0)
    // The header's "Số, ký hiệu" has a comma: quoted as a spreadsheet writes it.
    const header = HEADER.replace('Số, ký hiệu', '"Số, ký hiệu"')
    const bad = await cli('directives', 'import', writeCsv(dir, 'bad.csv', [header, `${LETTER},Báo cáo kiểm điểm,H23.07.01;H23.07.02,H23.07,once,19/9/2022`, `${LETTER},Tổng hợp,H23.07,H23.07,every-day,`]), '--unit', 'H23.07', '--json')
    expect(bad.code).toBe(1)
    const refusal = JSON.parse(bad.stdout) as { ok: boolean; errors: { line: number; column: string }[] }
    expect(refusal.ok).toBe(false)
    expect(refusal.errors).toEqual([expect.objectContaining({ line: 3, column: 'recurrence' })])
    expect(JSON.parse((await cli('tasks', '--unit', 'H23.07', '--json')).stdout).items).toEqual([])

    const good = await cli('directives', 'import', writeCsv(dir, 'good.csv', [header, `${LETTER},Báo cáo kiểm điểm,H23.07.01;H23.07.02,H23.07,once,19/9/2022`]), '--unit', 'H23.07')
    expect(good.code).toBe(0)
    expect(good.stderr).toContain('Đã ghi 1 văn bản chỉ đạo, 1 nhiệm vụ')
    const overdue = await cli('tasks', '--unit', 'H23.07.01', '--overdue', '--on', '2022-09-20', '--json')
    const answer = JSON.parse(overdue.stdout) as { items: { unit_code: string; due_on: string; timeliness: string; reminder: string | null }[]; completion: { unitCode: string; missing: number }[] }
    expect(answer.items).toEqual([expect.objectContaining({ unit_code: 'H23.07.01', due_on: '2022-09-19', timeliness: 'missing', reminder: expect.stringContaining('Đã quá hạn 19/9/2022') })])
    expect(answer.completion).toEqual([expect.objectContaining({ unitCode: 'H23.07.01', missing: 1 })])
    const text = await cli('tasks', '--unit', 'H23.07.01', '--on', '2022-09-16')
    expect(text.stdout).toContain('Chưa nộp; Chưa đến hạn')
    expect(text.stdout).toContain('Công văn số 1262/UBND-VP ngày 15/9/2022')
    // The directives found by words of their subject typed without diacritics; a phrase in none finds none.
    const found = JSON.parse((await cli('directives', 'list', '--unit', 'H23.07', '--search', 'tang cuong thuc hien', '--json')).stdout) as { number: string }[]
    expect(found.map((d) => d.number)).toEqual(['1262/UBND-VP'])
    expect(JSON.parse((await cli('directives', 'list', '--unit', 'H23.07', '--search', 'chung thuc ban sao', '--json')).stdout)).toEqual([])
  })
})
