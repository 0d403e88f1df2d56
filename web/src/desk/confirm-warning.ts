import type { HookAPI } from 'antd/es/modal/useModal/index.js'
import { ApiError } from '../shared/api.js'

/** The server's warning that waits for the officer (409 confirmation_required): its message, and the field that confirms it. */
export function confirmationAsked(error: unknown): { field: string; message: string } | null {
  if (!(error instanceof ApiError) || error.code !== 'confirmation_required') return null
  const field = error.details.find((d) => d.column)?.column
  return field ? { field, message: error.message } : null
}

/**
 * Sends a change; if the server answers with a warning to confirm (an unpaid fee on return, a
 * procedure of a higher level at receipt), asks the officer, and on "yes" sends it again with
 * the confirming field set. "No" is not an error: it answers null.
 */
export async function withConfirmation<T>(modal: HookAPI, send: (confirmed: Record<string, true>) => Promise<T>, title = 'Cần xác nhận'): Promise<T | null> {
  try {
    return await send({})
  } catch (error) {
    const asked = confirmationAsked(error)
    if (!asked) throw error
    const yes = await modal.confirm({ title, content: asked.message, okText: 'Xác nhận, tiếp tục', cancelText: 'Không', okButtonProps: { danger: true } }).then((ok) => ok, () => false)
    if (!yes) return null
    return send({ [asked.field]: true })
  }
}
