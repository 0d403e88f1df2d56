import { describe, expect, it } from 'vitest'
import { DESK_SHORTCUTS, shortcutFor, shortcutsOf, type KeyPress } from './shortcuts.js'

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, altKey: false, metaKey: false, target: { tagName: 'BODY' }, ...more })

describe('the counter’s keyboard shortcuts', () => {
  it('on the dossier page, C hands over, K records the result, T returns, P prints the receipt slip, ? shows the help', () => {
    expect(shortcutFor(press('c'), 'dossier')?.action).toEqual({ kind: 'step', step: 'hand_over' })
    expect(shortcutFor(press('K'), 'dossier')?.action).toEqual({ kind: 'step', step: 'finish' })
    expect(shortcutFor(press('t'), 'dossier')?.action).toEqual({ kind: 'step', step: 'return' })
    expect(shortcutFor(press('p'), 'dossier')?.action).toEqual({ kind: 'print', form: 'giay-tiep-nhan' })
    expect(shortcutFor(press('?'), 'dossier')?.action).toEqual({ kind: 'help' })
  })

  it('a key typed in a field, or with Ctrl, Alt or ⌘, is not a shortcut; a dossier step does nothing on the queues', () => {
    expect(shortcutFor(press('c', { target: { tagName: 'INPUT' } }), 'dossier')).toBeNull()
    expect(shortcutFor(press('c', { target: { tagName: 'textarea' } }), 'dossier')).toBeNull()
    expect(shortcutFor(press('c', { target: { tagName: 'DIV', isContentEditable: true } }), 'dossier')).toBeNull()
    expect(shortcutFor(press('c', { target: { tagName: 'DIV', getAttribute: () => 'combobox' } }), 'dossier')).toBeNull()
    expect(shortcutFor(press('p', { ctrlKey: true }), 'dossier')).toBeNull()
    expect(shortcutFor(press('c'), 'queues')).toBeNull()
    expect(shortcutFor(press('n'), 'queues')?.action).toEqual({ kind: 'go', to: 'receive' })
  })

  it('no key means two things on one page, and every shortcut is in the help of the page it works on', () => {
    for (const page of ['dossier', 'queues'] as const) {
      const keys = shortcutsOf(page).map((s) => s.key)
      expect(new Set(keys).size).toBe(keys.length)
    }
    expect(DESK_SHORTCUTS.every((s) => s.label.length > 0)).toBe(true)
  })
})
