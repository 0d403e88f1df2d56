import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'

export { tempDir } from './temp-dirs.js'

/** Writes CSV text (lines joined with \n) to a file and returns its path. */
export function writeCsv(dir: string, name: string, lines: readonly string[]): string {
  const path = join(dir, name)
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}

export async function writeXlsx(dir: string, name: string, rows: readonly (readonly (string | number | Date | boolean)[])[]): Promise<string> {
  const path = join(dir, name)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Sheet1')
  for (const row of rows) sheet.addRow([...row])
  await workbook.xlsx.writeFile(path)
  return path
}

export const UNITS_CSV = [
  'code,name,kind,parent_code',
  'H23.07.01,Xã An Thanh,commune,H23.07',
  'H23,Tỉnh Hải Dương,province,',
  'H23.07,Huyện Tứ Kỳ,district,H23',
  'H23.07.02,Xã Quang Trung,commune,H23.07',
]

export const PROCEDURES_CSV = [
  'code,name,field,level,online_level,processing_days,fee_vnd,cutoff_time',
  '1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,commune,full,0,0,',
  '2.000815,Thủ tục chứng thực bản sao từ bản chính,Chứng thực,commune,partial,0,2000,15:00',
  '1.001612,Thủ tục đăng ký thay đổi nội dung đăng ký hộ kinh doanh,Thành lập và hoạt động của hộ kinh doanh,district,none,3,100000,',
]

export const DOSSIER_HEADER =
  'code,unit_code,procedure_code,channel,received_at,due_at,finished_at,returned_at,status,components_total,components_digitized,result_digitized,fee_vnd,paid_online,ecert_copies,rating'

/** A large valid dossiers file for the units and procedures above, streamed to disk. */
export function writeManyDossiers(dir: string, name: string, count: number, prefix = 'BIG'): string {
  const path = join(dir, name)
  const lines = [DOSSIER_HEADER]
  const start = Date.UTC(2022, 0, 3, 1, 0) // Monday 3/1/2022 08:00 in Vietnam
  for (let i = 0; i < count; i++) {
    const received = new Date(start + (i % 500) * 86_400_000 + (i % 7) * 3_600_000).toISOString()
    const unit = i % 2 === 0 ? 'H23.07.01' : 'H23.07.02'
    const done = i % 3 !== 0
    const finished = done ? new Date(Date.parse(received) + 2 * 86_400_000).toISOString() : ''
    lines.push(`${prefix}-${String(i).padStart(7, '0')},${unit},1.001193,${i % 4 === 0 ? 'direct' : 'online'},${received},,${finished},,${done ? 'finished' : 'processing'},3,${i % 4},${done},0,false,0,`)
  }
  writeFileSync(path, `${lines.join('\n')}\n`)
  return path
}
