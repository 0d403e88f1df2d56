import { mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { readZipDirectory, ZipRefused } from '../import/zip-directory.js'
import { MAX_CERTIFICATE_BYTES } from './read-certificate.js'

/** A file brought to the import: its name (in the folder or the archive) and its bytes, or why it was not read. */
export type CertificateSource = { name: string; bytes: Buffer } | { name: string; problem: string }

export const CERTIFICATE_EXTENSIONS = ['.cer', '.crt', '.pem', '.der', '.p12', '.pfx'] as const
/** A folder or archive of more files than a province has officials is not a batch of certificates. */
const MAX_FILES = 5000

export function isCertificateName(name: string): boolean {
  const lower = name.toLowerCase()
  return CERTIFICATE_EXTENSIONS.some((e) => lower.endsWith(e)) && !basename(name).startsWith('.')
}

function tooMany(): AppError {
  return new AppError(ErrorCode.validation, 'too many files', `Quá nhiều tệp (tối đa ${MAX_FILES} tệp chứng thư số một lần)`)
}

/** The certificate files of a folder and its subfolders (other files are left out), by name. */
async function filesOfFolder(dir: string): Promise<CertificateSource[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const names = entries.filter((e) => e.isFile() && isCertificateName(e.name)).map((e) => join(e.parentPath, e.name))
  if (names.length > MAX_FILES) throw tooMany()
  const sources: CertificateSource[] = []
  for (const path of names.sort()) {
    const name = path.slice(dir.length).replace(/^[/\\]+/, '')
    const size = (await stat(path)).size
    sources.push(size > MAX_CERTIFICATE_BYTES ? { name, problem: `tệp quá lớn (${size} byte), không phải chứng thư số` } : { name, bytes: await readFile(path) })
  }
  return sources
}

/**
 * The certificate files inside a ZIP archive. The directory is checked first (nothing hidden,
 * each part's declared size), each part is inflated with a ceiling, so a zip bomb stops at a
 * certificate's size.
 */
async function filesOfZip(path: string): Promise<CertificateSource[]> {
  const file = await open(path, 'r')
  try {
    const size = (await file.stat()).size
    let entries
    try {
      entries = await readZipDirectory(file, size)
    } catch (error) {
      if (error instanceof ZipRefused) throw new AppError(ErrorCode.validation, `zip refused: ${error.message}`, `Tệp nén ${basename(path)} không đọc được: ${error.message}`)
      throw error
    }
    const wanted = entries.filter((e) => !e.name.endsWith('/') && isCertificateName(e.name))
    if (wanted.length > MAX_FILES) throw tooMany()
    const sources: CertificateSource[] = []
    for (const entry of wanted.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.size > MAX_CERTIFICATE_BYTES || entry.compressedSize > MAX_CERTIFICATE_BYTES) {
        sources.push({ name: entry.name, problem: `tệp quá lớn (${entry.size} byte), không phải chứng thư số` })
        continue
      }
      const compressed = Buffer.alloc(entry.compressedSize)
      await file.read(compressed, 0, entry.compressedSize, entry.dataStart)
      try {
        const bytes = entry.method === 0 ? compressed : inflateRawSync(compressed, { maxOutputLength: MAX_CERTIFICATE_BYTES })
        sources.push(bytes.length === entry.size ? { name: entry.name, bytes } : { name: entry.name, problem: 'kích thước sau giải nén khác với khai báo trong tệp nén' })
      } catch {
        sources.push({ name: entry.name, problem: 'không giải nén được (tệp nén hỏng hoặc quá lớn)' })
      }
    }
    return sources
  } finally {
    await file.close()
  }
}

/** A folder, or a .zip archive, of certificate files. */
export async function certificateFilesAt(path: string): Promise<CertificateSource[]> {
  const info = await stat(path).catch(() => null)
  if (!info) throw new AppError(ErrorCode.validation, `no such path ${path}`, `Không tìm thấy thư mục hoặc tệp ${path}`)
  if (info.isDirectory()) return filesOfFolder(path)
  if (path.toLowerCase().endsWith('.zip')) return filesOfZip(path)
  throw new AppError(ErrorCode.validation, `not a folder or zip: ${path}`, `${path} không phải thư mục hay tệp .zip chứa chứng thư số`)
}

/** Uploaded files (the console): certificates as they are, a .zip opened as on the command line. */
export async function certificateFilesOfUpload(files: readonly { name: string; bytes: Buffer }[]): Promise<CertificateSource[]> {
  const sources: CertificateSource[] = []
  for (const file of files) {
    if (file.name.toLowerCase().endsWith('.zip')) {
      const dir = await mkdtemp(join(tmpdir(), 'motcua-certificates-'))
      try {
        const path = join(dir, 'upload.zip')
        await writeFile(path, file.bytes)
        sources.push(...(await filesOfZip(path)).map((s) => ({ ...s, name: `${file.name}/${s.name}` })))
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    } else if (isCertificateName(file.name)) {
      sources.push(file.bytes.length > MAX_CERTIFICATE_BYTES ? { name: file.name, problem: 'tệp quá lớn, không phải chứng thư số' } : file)
    } else {
      sources.push({ name: file.name, problem: `không phải tệp chứng thư số (đuôi ${CERTIFICATE_EXTENSIONS.join(', ')} hoặc .zip)` })
    }
    if (sources.length > MAX_FILES) throw tooMany()
  }
  return sources
}
