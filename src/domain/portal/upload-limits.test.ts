import { describe, expect, it } from 'vitest'
import { PORTAL_BODY_LIMIT, PORTAL_FILE_MAX_BYTES, PORTAL_FILES_MAX_BYTES, portalUploadProblem } from './upload-limits.js'

const MB = 1024 * 1024

describe('what one portal submission may upload', () => {
  it('takes files of at most 10 MB each and 20 MB together', () => {
    expect(portalUploadProblem([{ name: 'to-khai.pdf', size: 10 * MB }, { name: 'giay-chung-sinh.jpg', size: 10 * MB }])).toBeNull()
    expect(portalUploadProblem([{ name: 'ban-quet.pdf', size: 10 * MB + 1 }])).toBe('Tệp "ban-quet.pdf" lớn hơn 10 MB; hãy quét với độ phân giải thấp hơn.')
    expect(portalUploadProblem([{ name: 'a.pdf', size: 8 * MB }, { name: 'b.pdf', size: 8 * MB }, { name: 'c.pdf', size: 4.5 * MB }])).toBe(
      'Các tệp cộng lại 20,5 MB, quá 20 MB cho một lần nộp; hãy quét với độ phân giải thấp hơn.',
    )
  })

  it('lets the server read a body holding the largest allowed files in base64, and not much more', () => {
    expect(PORTAL_BODY_LIMIT).toBeGreaterThan(Math.ceil(PORTAL_FILES_MAX_BYTES / 3) * 4)
    expect(PORTAL_BODY_LIMIT).toBeLessThan(PORTAL_FILES_MAX_BYTES * 1.4)
    expect(PORTAL_FILE_MAX_BYTES).toBeLessThanOrEqual(PORTAL_FILES_MAX_BYTES)
  })
})
