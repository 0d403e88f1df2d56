import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

const SHA256 = /^[0-9a-f]{64}$/

/**
 * Files by content: `<dir>/ab/cdef…` named by their SHA-256, so a name from outside never
 * becomes a path, the same scan uploaded twice is stored once, and a read can check that the
 * bytes are still the ones recorded.
 */
export class FileStore {
  constructor(private readonly dir: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new AppError(ErrorCode.internal, `bad sha256 ${sha256}`, 'Lỗi hệ thống, vui lòng thử lại sau')
    return join(this.dir, sha256.slice(0, 2), sha256.slice(2))
  }

  /**
   * Writes the bytes (once) and returns their SHA-256. Written to a temporary name and renamed,
   * so a reader never sees half a file. Called before the database transaction that refers to
   * it: a transaction that then fails leaves an unreferenced file, never a reference to nothing.
   */
  async put(bytes: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const path = this.pathOf(sha256)
    const existing = await stat(path).catch(() => null)
    if (existing?.size === bytes.length) return sha256
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true })
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`
    await writeFile(temporary, bytes, { flag: 'wx' })
    await rename(temporary, path)
    return sha256
  }

  /** The bytes of a stored file, checked against their hash. */
  async get(sha256: string): Promise<Buffer> {
    const bytes = await readFile(this.pathOf(sha256)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new AppError(ErrorCode.notFound, `file ${sha256} missing from storage`, 'Không tìm thấy tệp trong kho lưu trữ')
      throw error
    })
    if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
      throw new AppError(ErrorCode.internal, `stored file ${sha256} does not match its hash`, 'Tệp lưu trữ bị hỏng hoặc bị sửa đổi')
    }
    return bytes
  }
}
