import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { OcrFailure, type OcrEngine, type RecognisedText } from './ocr-engine.js'

export interface TesseractOptions {
  /** The programs (Debian: tesseract-ocr + tesseract-ocr-vie, poppler-utils). */
  tesseract?: string
  pdftoppm?: string
  /** Tesseract's language model (default Vietnamese). */
  language?: string
  /** Resolution PDF pages are rendered at for reading (300 dpi suits scans of A4 letters). */
  dpi?: number
  /** Pages of a PDF read at most: a long scan is read in part rather than holding the worker for ever. */
  maxPages?: number
  /** Per program run. */
  timeoutMs?: number
}

function run(program: string, args: readonly string[], options: { timeoutMs: number; signal?: AbortSignal | undefined }): Promise<string> {
  return new Promise((resolve, reject) => {
    // One thread: reading runs in the background and must not take both cores from the requests being served.
    const env = { ...process.env, OMP_THREAD_LIMIT: '1' }
    execFile(program, [...args], { timeout: options.timeoutMs, maxBuffer: 32 * 1024 * 1024, encoding: 'utf8', env, ...(options.signal ? { signal: options.signal } : {}) }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout)
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return reject(new OcrFailure(`Chưa cài đặt ${program} trên máy chủ (Debian: ${program === 'pdftoppm' ? 'poppler-utils' : 'tesseract-ocr, tesseract-ocr-vie'}), chưa đọc được văn bản`))
      if (error.killed) return reject(new OcrFailure(`${program} chạy quá ${Math.round(options.timeoutMs / 1000)} giây, đã dừng`))
      const detail = String(stderr).trim().split('\n').slice(-2).join(' ').slice(0, 300)
      reject(new OcrFailure(`${program} báo lỗi: ${detail || error.message}`))
    })
  })
}

/**
 * Debian's tesseract as the OCR engine: an image is read as it is; a PDF's pages are rendered to
 * PNG with pdftoppm first, then read one by one. Each run is a child process, so a long scan
 * never blocks the server's event loop; the files live in a temporary folder removed afterwards.
 */
export function tesseractEngine(options: TesseractOptions = {}): OcrEngine {
  const tesseract = options.tesseract ?? 'tesseract'
  const pdftoppm = options.pdftoppm ?? 'pdftoppm'
  const language = options.language ?? 'vie'
  const dpi = options.dpi ?? 300
  const maxPages = options.maxPages ?? 30
  const timeoutMs = options.timeoutMs ?? 120_000
  const read = (image: string, signal?: AbortSignal) => run(tesseract, [image, 'stdout', '-l', language, '--psm', '3'], { timeoutMs, signal })
  return {
    name: `tesseract (${language})`,
    async recognize(file, signal): Promise<RecognisedText> {
      const dir = await mkdtemp(join(tmpdir(), 'motcua-ocr-'))
      try {
        if (file.mediaType === 'application/pdf') {
          const input = join(dir, 'scan.pdf')
          await writeFile(input, file.bytes)
          await run(pdftoppm, ['-r', String(dpi), '-gray', '-png', '-l', String(maxPages), input, join(dir, 'page')], { timeoutMs, signal })
          const pages = (await readdir(dir)).filter((n) => /^page-\d+\.png$/.test(n)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
          const texts: string[] = []
          for (const page of pages) texts.push((await read(join(dir, page), signal)).trim())
          return { text: texts.join('\n\f\n'), pages: pages.length }
        }
        const input = join(dir, file.mediaType === 'image/png' ? 'scan.png' : 'scan.jpg')
        await writeFile(input, file.bytes)
        return { text: (await read(input, signal)).trim(), pages: 1 }
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
  }
}
