import { spawn } from 'node:child_process'
import { constants } from 'node:fs'
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ConversionSlots } from './conversion-slots.js'

export type PdfResult = { ok: true; pdf: Buffer } | { ok: false; reason: string }

/** LibreOffice's command, if it is installed (Debian: libreoffice-writer-nogui, and -calc-nogui for XLSX). */
export async function findLibreOffice(): Promise<string | null> {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean)
  for (const dir of dirs) {
    for (const name of ['soffice', 'libreoffice']) {
      const path = join(dir, name)
      try {
        await access(path, constants.X_OK)
        return path
      } catch {
        // not here
      }
    }
  }
  return null
}

export const NO_LIBREOFFICE = 'Không tìm thấy LibreOffice (lệnh soffice) nên chưa tạo được PDF; hãy cài gói libreoffice-writer-nogui (và libreoffice-calc-nogui cho tệp XLSX).'

const TIMEOUT_MS = 180_000

/** Two conversions at a time in this process (the machine's cores), six more waiting. */
const slots = new ConversionSlots(2, 6)
export const CONVERSIONS_BUSY = 'Máy chủ đang tạo nhiều tệp PDF cùng lúc nên chưa tạo được PDF lần này; hãy tải lại sau ít phút (tệp Word/Excel vẫn được trả về).'

/**
 * DOCX or XLSX to PDF with LibreOffice headless, in a folder of its own with its own profile,
 * so conversions running at the same time (two requests, two tests) do not share a profile
 * and lock each other out. Never throws for a missing or failing LibreOffice: says why instead.
 */
export async function convertToPdf(document: Buffer, extension: 'docx' | 'xlsx'): Promise<PdfResult> {
  const soffice = await findLibreOffice()
  if (!soffice) return { ok: false, reason: NO_LIBREOFFICE }
  return (await slots.run(() => convertWith(soffice, document, extension))) ?? { ok: false, reason: CONVERSIONS_BUSY }
}

async function convertWith(soffice: string, document: Buffer, extension: 'docx' | 'xlsx'): Promise<PdfResult> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-pdf-'))
  try {
    const input = join(dir, `document.${extension}`)
    await writeFile(input, document)
    const args = ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--convert-to', 'pdf', '--outdir', dir, input]
    const outcome = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(soffice, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, HOME: dir } })
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS)
      child.on('error', (error) => {
        clearTimeout(timer)
        resolve({ code: -1, stderr: error.message })
      })
      child.on('close', (code) => {
        clearTimeout(timer)
        resolve({ code, stderr })
      })
    })
    try {
      return { ok: true, pdf: await readFile(join(dir, 'document.pdf')) }
    } catch {
      const hint = extension === 'xlsx' ? ' (tệp XLSX cần gói libreoffice-calc-nogui)' : ''
      return { ok: false, reason: `LibreOffice không tạo được PDF${hint}: mã thoát ${outcome.code}${outcome.stderr.trim() ? `, ${outcome.stderr.trim().slice(0, 300)}` : ''}` }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
