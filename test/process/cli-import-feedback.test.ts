import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir, UNITS_CSV, writeCsv } from '../support/files.js'
import { runCli } from '../support/run-cli.js'
import { useProcessDatabase } from '../support/test-database.js'

const dir = tempDir()
const dataDir = join(dir, 'data')
const processDatabase = useProcessDatabase()

const FEEDBACK = [
  'Mã phản ánh,Mã đơn vị tiếp nhận,Ngày tiếp nhận,Hình thức tiếp nhận,Nội dung tóm tắt,Phân loại,Ngày xử lý xong,Ngày công khai kết quả',
  'PA-01,H23.07.01,29/4/2022 10:00,trực tuyến,Hồ sơ trả chậm,quy định,24/5/2022 10:00,26/5/2022 09:00',
]

describe('npm run cli -- import feedback FILE', () => {
  it('imports feedback with Vietnamese headers: a summary on stderr, JSON on stdout; again, nothing changes', async () => {
    expect((await runCli(['import', 'units', writeCsv(dir, 'units.csv', UNITS_CSV), '--data', dataDir], processDatabase.env())).code).toBe(0)
    const path = writeCsv(dir, 'phan-anh.csv', FEEDBACK)
    const first = await runCli(['import', 'feedback', path, '--json', '--data', dataDir], processDatabase.env())
    expect(first.code).toBe(0)
    expect(first.stderr).toContain('Nhập phản ánh, kiến nghị từ')
    expect(JSON.parse(first.stdout)).toMatchObject({ kind: 'feedback', inserted: 1 })
    const again = await runCli(['import', 'feedback', path, '--json', '--data', dataDir], processDatabase.env())
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 })
  })

  it('a bad row exits with 1 and names line, column, value and reason', async () => {
    const bad = writeCsv(dir, 'bad.csv', [FEEDBACK[0]!, 'PA-02,H23.07.01,30/2/2022,trực tuyến,Nội dung,,,'])
    const result = await runCli(['import', 'feedback', bad, '--json', '--data', dataDir], processDatabase.env())
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout).errors).toEqual([{ line: 2, column: 'received_at', value: '30/2/2022', reason: 'ngày không tồn tại' }])
    expect(result.stderr).toContain('dòng 2, cột received_at (giá trị "30/2/2022"): ngày không tồn tại')
  })
})
