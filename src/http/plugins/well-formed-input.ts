import type { FastifyInstance } from 'fastify'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'
import { findIllFormedText } from '../../domain/shared/well-formed-text.js'

/**
 * Every request's body, query, route parameters and headers must be well-formed Unicode: a lone
 * surrogate would be stored as U+FFFD, unlike what was validated (and once broke the audit
 * chain and answered 500). One check for every route, after the access check (registered after
 * authentication) and before the body's own validation.
 */
export function registerWellFormedInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const parts = { body: request.body, query: request.query, params: request.params, headers: request.headers }
    for (const [part, value] of Object.entries(parts)) {
      const found = findIllFormedText(value)
      if (!found) continue
      const where = found.path ? `${part}.${found.path}` : part
      throw new AppError(ErrorCode.validation, `ill-formed unicode in ${where}`, `Dữ liệu gửi lên không hợp lệ: ${where} chứa ký tự Unicode không hợp lệ (nửa cặp thay thế)`, [
        { column: where, reason: 'ký tự Unicode không hợp lệ (nửa cặp thay thế)' },
      ])
    }
  })
}
