import type { FastifyInstance } from 'fastify'
import { AppError, ErrorCode } from '../../domain/shared/app-error.js'

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Aborts when the answer is no longer wanted: the client closed the connection before it
     * was sent, or the request ran past the server's deadline. Long use cases check it between
     * steps, so abandoned work stops instead of delaying the requests behind it.
     */
    workSignal: AbortSignal
  }
}

/** How long a request may run before the server gives up on it (503), by default. */
export const DEFAULT_REQUEST_DEADLINE_MS = 30_000

/** The 503 a request past its deadline gets. */
function deadlineError(ms: number): AppError {
  return new AppError(
    ErrorCode.unavailable,
    `request ran past its deadline of ${ms} ms`,
    `Máy chủ đang quá tải, chưa trả lời được trong ${Math.round(ms / 1000)} giây; vui lòng thử lại sau ít phút`,
  )
}

/** Gives every request its `workSignal`: aborted when its client leaves or after `deadlineMs`. */
export function registerRequestDeadline(app: FastifyInstance, deadlineMs = DEFAULT_REQUEST_DEADLINE_MS): void {
  // Set for every request by the hook below before any handler runs.
  app.decorateRequest('workSignal', null as unknown as AbortSignal)
  app.addHook('onRequest', async (request, reply) => {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(deadlineError(deadlineMs)), deadlineMs)
    timer.unref()
    const clientGone = () => controller.abort(new AppError(ErrorCode.unavailable, 'client closed the connection', 'Yêu cầu đã bị hủy'))
    reply.raw.once('close', () => {
      clearTimeout(timer)
      // 'close' before the answer was fully written: the client went away.
      if (!reply.raw.writableFinished) clientGone()
    })
    // On a busy server the client may have left before this hook ran (its 'close' already past).
    if (request.raw.destroyed) clientGone()
    request.workSignal = controller.signal
  })
}
