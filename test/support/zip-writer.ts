import { writeFileSync } from 'node:fs'
import { constants, crc32, deflateRawSync } from 'node:zlib'

/**
 * Content of a ZIP entry: plain bytes, or `body` repeated `times` between a head and a tail —
 * a part of gigabytes held in a few megabytes: `body` is deflated once (ending on a sync flush,
 * with no reference outside itself) and the block is repeated, as a zip bomb is made.
 */
export type ZipContent = Buffer | { head: string; body: string; times: number; tail: string }

export interface ZipEntrySpec {
  name: string
  content: ZipContent
  /** What the directory claims the part unpacks to (default: the truth). */
  declaredSize?: number
  /** Written in the file but left out of the central directory. */
  hidden?: boolean
}

function deflated(content: ZipContent): { data: Buffer; size: number; crc: number } {
  if (Buffer.isBuffer(content)) return { data: deflateRawSync(content), size: content.length, crc: crc32(content) }
  const sync = { finishFlush: constants.Z_SYNC_FLUSH }
  const block = deflateRawSync(Buffer.from(content.body), sync)
  const data = Buffer.concat([deflateRawSync(Buffer.from(content.head), sync), ...Array.from({ length: content.times }, () => block), deflateRawSync(Buffer.from(content.tail))])
  const size = Buffer.byteLength(content.head) + Buffer.byteLength(content.body) * content.times + Buffer.byteLength(content.tail)
  // The CRC of gigabytes is not worth computing here: the check refuses before anything verifies it.
  return { data, size, crc: 0 }
}

/** Writes a ZIP archive (deflated entries, no data descriptors) with the given parts. */
export function writeZip(path: string, entries: readonly ZipEntrySpec[]): void {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const { data, size, crc } = deflated(entry.content)
    const name = Buffer.from(entry.name)
    const declared = entry.declaredSize ?? size
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // names in UTF-8
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc >>> 0, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(declared, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, data)
    if (!entry.hidden) {
      const central = Buffer.alloc(46)
      central.writeUInt32LE(0x02014b50, 0)
      central.writeUInt16LE(20, 4)
      central.writeUInt16LE(20, 6)
      central.writeUInt16LE(0x0800, 8)
      central.writeUInt16LE(8, 10)
      central.writeUInt32LE(crc >>> 0, 16)
      central.writeUInt32LE(data.length, 20)
      central.writeUInt32LE(declared, 24)
      central.writeUInt16LE(name.length, 28)
      central.writeUInt32LE(offset, 42)
      centrals.push(central, name)
    }
    offset += 30 + name.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  const count = entries.filter((e) => !e.hidden).length
  end.writeUInt16LE(count, 8)
  end.writeUInt16LE(count, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  writeFileSync(path, Buffer.concat([...locals, directory, end]))
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
const ROOT_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
const WORKBOOK_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'

export const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
export const SHEET_TAIL = '</sheetData></worksheet>'

/** The parts of a one-sheet workbook around the given sheet (and other parts). */
export function workbookParts(sheet: ZipContent, others: readonly ZipEntrySpec[] = [], sheetOptions: Partial<ZipEntrySpec> = {}): ZipEntrySpec[] {
  const text = (s: string) => Buffer.from(s)
  return [
    { name: '[Content_Types].xml', content: text(CONTENT_TYPES) },
    { name: '_rels/.rels', content: text(ROOT_RELS) },
    { name: 'xl/workbook.xml', content: text(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', content: text(WORKBOOK_RELS) },
    ...others,
    { name: 'xl/worksheets/sheet1.xml', content: sheet, ...sheetOptions },
  ]
}

const columnName = (n: number): string => (n < 26 ? String.fromCharCode(65 + n) : columnName(Math.floor(n / 26) - 1) + String.fromCharCode(65 + (n % 26)))

/** A row of inline-string cells, e.g. inlineRow(1, ['code', 'unit_code']); empty values are left out. */
export function inlineRow(r: number, values: readonly string[]): string {
  return `<row r="${r}">${values.map((v, i) => (v === '' ? '' : `<c r="${columnName(i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`
}
