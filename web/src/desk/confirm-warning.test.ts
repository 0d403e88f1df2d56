import { describe, expect, it } from 'vitest'
import { ApiError } from '../shared/api.js'
import { confirmationAsked } from './confirm-warning.js'

describe('a warning the server waits on', () => {
  it('is a 409 confirmation_required naming the field that confirms it', () => {
    const warning = new ApiError(409, 'confirmation_required', 'Hồ sơ chưa ghi nhận nộp phí, lệ phí (5.000 đồng). Xác nhận vẫn trả kết quả?', [{ column: 'confirm_unpaid_fee', reason: '…' }])
    expect(confirmationAsked(warning)).toEqual({ field: 'confirm_unpaid_fee', message: warning.message })
  })

  it('a refusal or any other error is not something to confirm', () => {
    expect(confirmationAsked(new ApiError(409, 'conflict', 'Không tiếp nhận tại đơn vị này'))).toBeNull()
    expect(confirmationAsked(new ApiError(409, 'confirmation_required', 'Thiếu trường'))).toBeNull()
    expect(confirmationAsked(new Error('mạng'))).toBeNull()
  })
})
