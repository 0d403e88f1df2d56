import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import type { FileStore } from '../desk/file-store.js'

/** A directive's scan or a submission's file by its files row (the caller has checked visibility). */
export async function readAttachedFile(db: Kysely<Database>, store: FileStore, fileId: string | null) {
  const file = fileId === null ? undefined : await db.selectFrom('files').select(['sha256', 'media_type', 'original_name']).where('id', '=', fileId).executeTakeFirst()
  if (!file) throw new AppError(ErrorCode.notFound, 'no attached file', 'Không có tệp đính kèm')
  return { bytes: await store.get(file.sha256), file }
}
