import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { importDossiers } from '../../src/modules/dossiers/import/import-dossiers.js'
import { checkXlsxLimits, XLSX_LIMITS } from '../../src/modules/import/xlsx-limits.js'
import { DOSSIER_HEADER, tempDir, writeXlsx } from '../support/files.js'
import { rejection } from '../support/rejection.js'
import { loadSmallDistrict } from '../support/small-district.js'
import { createTestDatabase } from '../support/test-database.js'
import { inlineRow, SHEET_HEAD, SHEET_TAIL, workbookParts, writeZip, type ZipEntrySpec } from '../support/zip-writer.js'

let handle: DatabaseHandle
const dir = tempDir()
const strict = { skipInvalid: false, ignoreUnknown: false }
const HEADER = inlineRow(1, DOSSIER_HEADER.split(','))
const DOSSIER = inlineRow(2, 'X-1,H23.07.01,1.001193,online,2022-09-05T08:00:00+07:00,,,,received,2,2,,0,,0,'.split(','))
const MiB = 1024 * 1024

beforeAll(async () => {
  handle = await createTestDatabase()
  await loadSmallDistrict(handle, [])
})
afterAll(async () => handle.close())

let counter = 0
function xlsx(parts: ZipEntrySpec[]): string {
  const path = join(dir, `tep-${counter++}.xlsx`)
  writeZip(path, parts)
  return path
}

/** A sheet whose rows repeat: `rows` rows of `cellsPerRow` empty cells after the header. */
const repeatedSheet = (rows: number, cellsPerRow: number) => ({ head: SHEET_HEAD + HEADER, body: `<row>${'<c/>'.repeat(cellsPerRow)}</row>`, times: rows, tail: SHEET_TAIL })

async function expectRefused(path: string, reason: RegExp) {
  const dossiers = await handle.db.selectFrom('dossiers').select('id').execute()
  const error = await rejection(importDossiers(handle, path, strict))
  expect(error.userMessage).toMatch(/^Tệp XLSX .* bị từ chối: /)
  expect(error.userMessage).toMatch(reason)
  expect(error.userMessage).toMatch(/hãy dùng tệp CSV/)
  expect(await handle.db.selectFrom('dossiers').select('id').execute()).toEqual(dossiers)
}

describe('an XLSX is bounded before it is read', () => {
  it('a workbook of our own making and one from exceljs pass and import', async () => {
    expect(await importDossiers(handle, xlsx(workbookParts(Buffer.from(SHEET_HEAD + HEADER + DOSSIER + SHEET_TAIL))), strict)).toMatchObject({ inserted: 1 })
    const fromExcel = await writeXlsx(dir, 'excel.xlsx', [DOSSIER_HEADER.split(','), ['X-2', 'H23.07.02', '1.001193', 'online', '2022-09-06T08:00:00+07:00', '', '', '', 'received', 2, 1]])
    await checkXlsxLimits(fromExcel)
    expect(await importDossiers(handle, fromExcel, strict)).toMatchObject({ inserted: 1 })
  })

  it('a zip bomb — a few megabytes that unpack to 3 GB of sheet — is refused from the directory, without inflating it', async () => {
    const bomb = xlsx(workbookParts(repeatedSheet(3 * 1024 * 1024, 256)))
    await expectRefused(bomb, /giải nén ra 3\.\d{3} MB, quá giới hạn 2\.048 MB/)
  })

  it('the same bomb declaring a small size is caught as soon as it inflates past it', async () => {
    const liar = xlsx(workbookParts(repeatedSheet(3 * 1024 * 1024, 256), [], { declaredSize: 64 * 1024 }))
    await expectRefused(liar, /phần xl\/worksheets\/sheet1\.xml giải nén ra nhiều hơn kích thước khai báo/)
  })

  it('too many cells, even within the size', async () => {
    const rows = Math.ceil(XLSX_LIMITS.cells / 1000) + 1
    await expectRefused(xlsx(workbookParts(repeatedSheet(rows, 1000))), /có hơn 25\.000\.000 ô/)
  })

  it('a row wider than a sheet', async () => {
    await expectRefused(xlsx(workbookParts(repeatedSheet(1, XLSX_LIMITS.cellsPerRow + 1))), /một dòng của xl\/worksheets\/sheet1\.xml có hơn 16\.384 ô/)
  })

  it('too many shared strings, or shared strings too large, or one text too long', async () => {
    const strings = { head: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', body: '<si><t>a</t></si>', times: XLSX_LIMITS.sharedStrings + 1, tail: '</sst>' }
    await expectRefused(xlsx(workbookParts(Buffer.from(SHEET_HEAD + HEADER + SHEET_TAIL), [{ name: 'xl/sharedStrings.xml', content: strings }])), /có hơn 2\.000\.000 chuỗi dùng chung/)
    const large = { ...strings, body: `<si><t>${'a'.repeat(1000)}</t></si>`, times: 70 * 1024 }
    await expectRefused(xlsx(workbookParts(Buffer.from(SHEET_HEAD + HEADER + SHEET_TAIL), [{ name: 'xl/sharedStrings.xml', content: large }])), /phần xl\/sharedStrings\.xml giải nén ra 6\d,\d MB, quá giới hạn 64 MB/)
    const longText = Buffer.from(SHEET_HEAD + HEADER + inlineRow(2, ['x'.repeat(MiB + 1)]) + SHEET_TAIL)
    await expectRefused(xlsx(workbookParts(longText)), /có một đoạn văn bản dài hơn 1 MB/)
  })

  it('a part hidden outside the directory, where a streaming reader would still find it', async () => {
    const hidden = workbookParts(Buffer.from(SHEET_HEAD + HEADER + DOSSIER + SHEET_TAIL))
    hidden.splice(4, 0, { name: 'xl/sharedStrings.xml', content: Buffer.from('<sst><si><t>a</t></si></sst>'), hidden: true })
    await expectRefused(xlsx(hidden), /tệp nén có dữ liệu ẩn ngoài danh mục/)
  })

  it('a file that is not a ZIP at all', async () => {
    const { writeFileSync } = await import('node:fs')
    const path = join(dir, 'khong-phai.xlsx')
    writeFileSync(path, DOSSIER_HEADER)
    await expectRefused(path, /không phải tệp XLSX/)
  })
})
