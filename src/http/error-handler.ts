import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ErrorCode, isAppError, type ErrorCode as Code } from '../domain/shared/app-error.js'
import { TooManyRequestsError } from '../domain/shared/too-many-requests.js'

/** The one place error codes become HTTP statuses. */
const STATUS_OF: Record<Code, number> = {
  [ErrorCode.validation]: 400,
  [ErrorCode.notFound]: 404,
  [ErrorCode.conflict]: 409,
  [ErrorCode.invalidTransition]: 409,
  [ErrorCode.confirmationRequired]: 409,
  [ErrorCode.forbidden]: 403,
  [ErrorCode.unauthenticated]: 401,
  [ErrorCode.locked]: 423,
  [ErrorCode.tooManyRequests]: 429,
  [ErrorCode.unavailable]: 503,
  [ErrorCode.internal]: 500,
}

export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (isAppError(error)) {
    if (error instanceof TooManyRequestsError) void reply.header('Retry-After', String(error.retryAfterSeconds))
    void reply.status(STATUS_OF[error.code]).send({ error: error.code, message: error.userMessage, details: error.details })
    return
  }
  const fastifyError = error as FastifyError
  if (fastifyError.validation) {
    const details = fastifyError.validation.map((v) => ({
      column: String(v.instancePath || v.params?.missingProperty || '').replace(/^\//, ''),
      reason: v.message ?? '',
    }))
    void reply.status(400).send({
      error: ErrorCode.validation,
      message: `Dữ liệu gửi lên không hợp lệ: ${details.map((d) => (d.column ? `${d.column}: ${d.reason}` : d.reason)).join('; ')}`,
      details,
    })
    return
  }
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    void reply.status(413).send({ error: ErrorCode.validation, message: 'Dữ liệu gửi lên quá lớn; hãy gửi tệp nhỏ hơn (quét với độ phân giải thấp hơn)' })
    return
  }
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    void reply.status(fastifyError.statusCode).send({ error: ErrorCode.validation, message: 'Yêu cầu không hợp lệ' })
    return
  }
  request.log.error(error)
  void reply.status(500).send({ error: ErrorCode.internal, message: 'Lỗi hệ thống, vui lòng thử lại sau' })
}
