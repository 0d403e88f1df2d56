import { join } from 'node:path'
import { FileStore } from '../../modules/desk/file-store.js'
import { countJobs, requeueFailedJobs } from '../../modules/ocr/ocr-jobs.repository.js'
import { OcrWorker } from '../../modules/ocr/ocr-worker.js'
import { tesseractEngine } from '../../modules/ocr/tesseract-engine.js'
import type { Command } from '../command.js'
import { parseCommandArgs } from '../parse-command-args.js'
import { usageError } from '../usage-error.js'

const USAGE = `cli -- ocr status            số tệp chờ đọc, đang đọc, đã đọc, lỗi
       cli -- ocr run               đọc hết các tệp đang chờ (khi máy chủ không chạy)
       cli -- ocr retry             xếp lại hàng các tệp đọc lỗi (sau khi cài tesseract, chẳng hạn)`

const LABELS: Record<string, string> = { queued: 'chờ đọc', running: 'đang đọc', done: 'đã đọc', failed: 'lỗi' }

/** The queue of scans to read (OCR): how it stands, read it now, or queue the failed ones again. */
export const ocrCommand: Command = {
  name: 'ocr',
  usage: USAGE,
  async run(args, context) {
    const { positionals } = parseCommandArgs(args, {}, USAGE)
    const [action, ...rest] = positionals
    if (rest.length > 0) throw usageError(`Thừa tham số: ${rest.join(' ')}`, USAGE)
    const handle = await context.database()
    if (action === 'status') {
      const counts = await countJobs(handle.db)
      context.stdout(Object.keys(LABELS).map((s) => `${LABELS[s]}: ${counts[s] ?? 0}`).join(', '))
      return 0
    }
    if (action === 'run') {
      const worker = new OcrWorker(handle.db, new FileStore(join(context.config.dataDir, 'files')), tesseractEngine())
      const taken = await worker.drain()
      const counts = await countJobs(handle.db)
      context.stderr(`Đã xử lý ${taken} tệp; lỗi (tổng): ${counts['failed'] ?? 0}.`)
      return 0
    }
    if (action === 'retry') {
      context.stderr(`Đã xếp lại hàng ${await requeueFailedJobs(handle.db)} tệp đọc lỗi.`)
      return 0
    }
    throw usageError(`Thao tác không hợp lệ: ${action ?? '(trống)'} (status, run, retry)`, USAGE)
  },
}
