import { PDFDocument } from 'pdf-lib'
import { checkUploadedFile, type FileMediaType } from '../../domain/files/uploaded-file.js'
import { AppError, isAppError } from '../../domain/shared/app-error.js'
import { pdfSignatureProblem } from './pdf-signatures.js'

/**
 * A citizen's upload checked at once, with a plain answer: the desk's rules (not empty, at most
 * 10 MB, a PDF or an image by content, the name's extension agreeing), then a PDF must open and
 * have at least one page, and any digital signature in it must verify — a damaged, truncated or
 * altered file is refused now, not weeks later at the desk.
 */
export async function checkComponentFile(fileName: string, bytes: Uint8Array): Promise<FileMediaType> {
  const mediaType = checkUploadedFile(fileName, bytes)
  if (mediaType === 'application/pdf') {
    const pages = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true })
      .then((document) => document.getPageCount())
      .catch(() => 0)
    if (pages === 0) throw new AppError('validation', 'unreadable pdf', 'Tệp PDF bị hỏng hoặc không đọc được (không có trang nào)')
    const signature = await pdfSignatureProblem(bytes)
    if (signature) throw new AppError('validation', `pdf signature: ${signature}`, `Tệp PDF có ${signature}`)
  }
  return mediaType
}

/** The same check, its Vietnamese reason named after the component it is for. */
export async function checkComponentUpload(componentName: string, position: number, fileName: string, bytes: Uint8Array): Promise<FileMediaType> {
  try {
    return await checkComponentFile(fileName, bytes)
  } catch (error) {
    if (!isAppError(error)) throw error
    throw new AppError(error.code, error.message, `Thành phần "${componentName}" (tệp ${fileName}): ${error.userMessage}`, [
      { column: `components[${position}]`, value: fileName, reason: error.userMessage },
    ])
  }
}
