import { describe, expect, it } from 'vitest'
import { isAppError } from '../shared/app-error.js'
import { attachmentDisposition } from './content-disposition.js'
import { checkFormFile, detectFormType, nextFormCode } from './procedure-form-file.js'

const reasonOf = (attempt: () => unknown): string => {
  try {
    attempt()
    return 'accepted'
  } catch (error) {
    return isAppError(error) ? error.userMessage : String(error)
  }
}

const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n')
const zipWith = (entry: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(entry, 'latin1')])
const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])

describe('a procedure form file', () => {
  it('is known by its content: PDF, old Word, Word and Excel packages', () => {
    expect(detectFormType(pdf)).toBe('pdf')
    expect(detectFormType(ole)).toBe('doc')
    expect(detectFormType(zipWith('word/document.xml'))).toBe('docx')
    expect(detectFormType(zipWith('xl/workbook.xml'))).toBe('xlsx')
    expect(detectFormType(zipWith('mimetype'))).toBeNull()
    expect(detectFormType(Buffer.from('MZ\x90\x00'))).toBeNull()
  })

  it('is refused, in Vietnamese naming the file, when empty, of another type, misnamed or too large', () => {
    expect(reasonOf(() => checkFormFile('to-khai.pdf', Buffer.alloc(0)))).toBe('Tệp mẫu to-khai.pdf rỗng')
    expect(reasonOf(() => checkFormFile('to-khai.exe', Buffer.from('MZ\x90\x00')))).toBe('Tệp mẫu to-khai.exe không phải PDF, Word (DOC, DOCX) hoặc Excel (XLSX) hợp lệ')
    expect(reasonOf(() => checkFormFile('to-khai.docx', pdf))).toBe('Nội dung tệp mẫu (PDF) không khớp với đuôi tên tệp to-khai.docx')
    expect(reasonOf(() => checkFormFile('to-khai.pdf', Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)])))).toBe('Tệp mẫu to-khai.pdf quá lớn: tối đa 5 MB')
    expect(checkFormFile('Tờ khai.DOCX', zipWith('word/document.xml'))).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  })

  it('gets the next free code when none is given', () => {
    expect(nextFormCode([])).toBe('M01')
    expect(nextFormCode(['M01', 'M03'])).toBe('M02')
  })
})

describe('the download name', () => {
  it('keeps the Vietnamese name in filename* (RFC 5987) and gives old browsers one without diacritics', () => {
    expect(attachmentDisposition('Tờ khai đăng ký khai sinh.docx')).toBe(
      `attachment; filename="to_khai_dang_ky_khai_sinh.docx"; filename*=UTF-8''T%E1%BB%9D%20khai%20%C4%91%C4%83ng%20k%C3%BD%20khai%20sinh.docx`,
    )
    expect(attachmentDisposition('Mẫu (01) "đơn".pdf')).toContain(`filename*=UTF-8''M%E1%BA%ABu%20%2801%29%20%22%C4%91%C6%A1n%22.pdf`)
    expect(attachmentDisposition('Mẫu (01) "đơn".pdf')).toContain('filename="mau_01_don.pdf"')
  })
})

describe('a form size as vi-VN writes it', () => {
  it('uses byte, KB and MB with a decimal comma', async () => {
    const { formatBytes } = await import('./form-size.js')
    expect(formatBytes(850)).toBe('850 byte')
    expect(formatBytes(12_800)).toBe('12,5 KB')
    expect(formatBytes(1_258_291)).toBe('1,2 MB')
  })
})
