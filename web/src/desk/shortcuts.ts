/**
 * The counter's keyboard shortcuts, one table for the keys, the help ("?") and the tests. A key
 * typed into a field is typing, never a shortcut; a key with Ctrl, Alt or ⌘ is the browser's.
 */
export type ShortcutAction =
  | { kind: 'step'; step: string }
  | { kind: 'print'; form: string }
  | { kind: 'go'; to: 'queues' | 'receive' }
  | { kind: 'help' }

export interface Shortcut {
  key: string
  /** Where it works. */
  page: 'dossier' | 'queues' | 'everywhere'
  label: string
  action: ShortcutAction
}

export const DESK_SHORTCUTS: readonly Shortcut[] = [
  { key: '?', page: 'everywhere', label: 'Xem các phím tắt', action: { kind: 'help' } },
  { key: 'n', page: 'everywhere', label: 'Tiếp nhận hồ sơ mới', action: { kind: 'go', to: 'receive' } },
  { key: 'h', page: 'dossier', label: 'Về hàng đợi hồ sơ', action: { kind: 'go', to: 'queues' } },
  { key: 'c', page: 'dossier', label: 'Chuyển xử lý', action: { kind: 'step', step: 'hand_over' } },
  { key: 'k', page: 'dossier', label: 'Có kết quả giải quyết', action: { kind: 'step', step: 'finish' } },
  { key: 't', page: 'dossier', label: 'Trả kết quả', action: { kind: 'step', step: 'return' } },
  { key: 'b', page: 'dossier', label: 'Yêu cầu bổ sung hồ sơ', action: { kind: 'step', step: 'request_supplement' } },
  { key: 'p', page: 'dossier', label: 'In giấy tiếp nhận và hẹn trả kết quả', action: { kind: 'print', form: 'giay-tiep-nhan' } },
  { key: 'l', page: 'dossier', label: 'In biên lai thu phí, lệ phí', action: { kind: 'print', form: 'bien-lai' } },
]

export interface KeyPress {
  key: string
  ctrlKey: boolean
  altKey: boolean
  metaKey: boolean
  /** The element the key went to: a field takes its own typing. */
  target: { tagName?: string; isContentEditable?: boolean; getAttribute?: (name: string) => string | null } | null
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT'])

function isTyping(target: KeyPress['target']): boolean {
  if (!target) return false
  if (target.isContentEditable) return true
  if (target.tagName && TYPING_TAGS.has(target.tagName.toUpperCase())) return true
  const role = target.getAttribute?.('role')
  return role === 'combobox' || role === 'textbox'
}

/** The shortcut a key press means on this page, or null. */
export function shortcutFor(press: KeyPress, page: 'dossier' | 'queues'): Shortcut | null {
  if (press.ctrlKey || press.altKey || press.metaKey || isTyping(press.target)) return null
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key
  return DESK_SHORTCUTS.find((s) => s.key === key && (s.page === page || s.page === 'everywhere')) ?? null
}

/** The shortcuts of a page, for its help. */
export function shortcutsOf(page: 'dossier' | 'queues'): Shortcut[] {
  return DESK_SHORTCUTS.filter((s) => s.page === page || s.page === 'everywhere')
}
