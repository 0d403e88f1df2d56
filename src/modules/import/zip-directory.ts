import type { FileHandle } from 'node:fs/promises'

/** One file of a ZIP archive, as its central directory declares it. */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated. */
  method: number
  compressedSize: number
  /** Declared: what inflating must not exceed. */
  size: number
  /** Where the compressed bytes start (after the local header). */
  dataStart: number
}

/** Why an archive is refused, in Vietnamese (the caller adds the file's name). */
export class ZipRefused extends Error {}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const DESCRIPTOR = 0x08074b50
const MAX_COMMENT = 0xffff

async function read(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length)
  const { bytesRead } = await file.read(buffer, 0, length, position)
  if (bytesRead < length) throw new ZipRefused('tệp bị cắt cụt (thiếu phần cuối của tệp nén)')
  return buffer
}

/**
 * Reads a ZIP archive's central directory — names and declared sizes, without inflating
 * anything — and checks that the local headers a streaming reader walks say the same: one after
 * the other from the first byte to the directory, with the same names. A file hidden between
 * them, or an entry whose local header disagrees, is refused, so what is inspected is what
 * the spreadsheet reader will read. ZIP64, several disks and encryption are refused (no XLSX
 * motcua accepts needs them).
 */
export async function readZipDirectory(file: FileHandle, fileSize: number): Promise<ZipEntry[]> {
  if (fileSize < 22) throw new ZipRefused('không phải tệp XLSX (tệp nén ZIP)')
  const tailLength = Math.min(fileSize, 22 + MAX_COMMENT)
  const tail = await read(file, fileSize - tailLength, tailLength)
  let at = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      at = i
      break
    }
  }
  if (at < 0) throw new ZipRefused('không phải tệp XLSX (không có danh mục của tệp nén ZIP)')
  if (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) throw new ZipRefused('tệp nén dạng ZIP64 không được hỗ trợ')
  const disk = tail.readUInt16LE(at + 4)
  const directoryDisk = tail.readUInt16LE(at + 6)
  const count = tail.readUInt16LE(at + 10)
  const directorySize = tail.readUInt32LE(at + 12)
  const directoryOffset = tail.readUInt32LE(at + 16)
  if (disk !== 0 || directoryDisk !== 0 || tail.readUInt16LE(at + 8) !== count) throw new ZipRefused('tệp nén nhiều phần không được hỗ trợ')
  const eocdOffset = fileSize - tailLength + at
  if (directoryOffset + directorySize !== eocdOffset) throw new ZipRefused('danh mục của tệp nén không nhất quán')

  const directory = await read(file, directoryOffset, directorySize)
  const declared: (Omit<ZipEntry, 'dataStart'> & { offset: number; descriptor: boolean })[] = []
  let p = 0
  for (let i = 0; i < count; i++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) throw new ZipRefused('danh mục của tệp nén không nhất quán')
    const flags = directory.readUInt16LE(p + 8)
    const nameLength = directory.readUInt16LE(p + 28)
    const extraLength = directory.readUInt16LE(p + 30)
    const commentLength = directory.readUInt16LE(p + 32)
    const entry = {
      name: directory.toString('utf8', p + 46, p + 46 + nameLength),
      method: directory.readUInt16LE(p + 10),
      compressedSize: directory.readUInt32LE(p + 20),
      size: directory.readUInt32LE(p + 24),
      offset: directory.readUInt32LE(p + 42),
      descriptor: (flags & 0x8) !== 0,
    }
    if ((flags & 0x1) !== 0) throw new ZipRefused('tệp được đặt mật khẩu (mã hóa)')
    if (entry.method !== 0 && entry.method !== 8) throw new ZipRefused(`phần ${entry.name} nén bằng phương pháp không được hỗ trợ (${entry.method})`)
    if (directory.readUInt16LE(p + 34) !== 0) throw new ZipRefused('tệp nén nhiều phần không được hỗ trợ')
    declared.push(entry)
    p += 46 + nameLength + extraLength + commentLength
  }
  if (p !== directory.length) throw new ZipRefused('danh mục của tệp nén không nhất quán')

  // The local headers, in file order, must tile the archive from byte 0 to the directory.
  const entries: ZipEntry[] = []
  let expected = 0
  for (const entry of [...declared].sort((a, b) => a.offset - b.offset)) {
    if (entry.offset !== expected) throw new ZipRefused('tệp nén có dữ liệu ẩn ngoài danh mục')
    const header = await read(file, entry.offset, 30)
    if (header.readUInt32LE(0) !== LOCAL) throw new ZipRefused('tệp nén có dữ liệu ẩn ngoài danh mục')
    const nameLength = header.readUInt16LE(26)
    const name = (await read(file, entry.offset + 30, nameLength)).toString('utf8')
    if (name !== entry.name || header.readUInt16LE(8) !== entry.method) throw new ZipRefused(`phần ${entry.name} khai báo khác nhau ở hai nơi trong tệp nén`)
    const dataStart = entry.offset + 30 + nameLength + header.readUInt16LE(28)
    expected = dataStart + entry.compressedSize
    if (entry.descriptor) {
      const signed = expected + 4 <= directoryOffset && (await read(file, expected, 4)).readUInt32LE(0) === DESCRIPTOR
      expected += signed ? 16 : 12
    }
    if (expected > directoryOffset) throw new ZipRefused('danh mục của tệp nén không nhất quán')
    entries.push({ name: entry.name, method: entry.method, compressedSize: entry.compressedSize, size: entry.size, dataStart })
  }
  if (expected !== directoryOffset) throw new ZipRefused('tệp nén có dữ liệu ẩn ngoài danh mục')
  return entries
}
