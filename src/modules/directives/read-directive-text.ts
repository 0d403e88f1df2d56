import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { readingOfFile, type FileReading } from '../ocr/file-text.repository.js'
import { getVisibleDirective } from './directives.repository.js'

/** The recognised (OCR) text of a directive's scan, for an actor who sees the directive (otherwise "not found"). */
export async function readDirectiveText(db: Kysely<Database>, unitIds: ReadonlySet<number>, directiveId: number): Promise<FileReading> {
  const directive = await getVisibleDirective(db, directiveId, unitIds)
  if (directive.fileId === null) throw new AppError(ErrorCode.notFound, `directive ${directiveId} has no file`, 'Văn bản chỉ đạo này chưa có bản PDF hoặc bản quét')
  return readingOfFile(db, directive.fileId)
}
