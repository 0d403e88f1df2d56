import { Button, Modal, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { DESK_PATH, navigate, printPath, RECEIVE_PATH } from '../shell/navigation.js'
import { shortcutFor, shortcutsOf, type Shortcut } from './shortcuts.js'

/**
 * The keyboard shortcuts of a desk page and their help. A step's shortcut presses that step's
 * button, so it asks what the button asks (a reason, a confirmation) and is offered only when
 * the button is.
 */
export function DeskShortcuts({ page, dossierCode, canWrite }: { page: 'dossier' | 'queues'; dossierCode?: string; canWrite: boolean }) {
  const [helpOpen, setHelpOpen] = useState(false)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Another dialog open (a reason, a confirmation): its keys are its own.
      if (!helpOpen && [...document.querySelectorAll('.ant-modal-wrap, .ant-popover')].some((el) => getComputedStyle(el).display !== 'none' && !el.classList.contains('ant-popover-hidden'))) return
      const shortcut = shortcutFor({ key: event.key, ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey, target: event.target as HTMLElement | null }, page)
      if (!shortcut) return
      const action = shortcut.action
      if (action.kind === 'help') setHelpOpen((open) => !open)
      else if (action.kind === 'go') {
        if (action.to === 'receive' && !canWrite) return
        navigate(action.to === 'receive' ? RECEIVE_PATH : DESK_PATH)
      } else if (action.kind === 'print' && dossierCode) window.open(printPath(dossierCode, action.form), '_blank', 'noopener')
      else if (action.kind === 'step') {
        const button = document.querySelector<HTMLButtonElement>(`button[data-step="${action.step}"]`)
        if (!button || button.disabled) return
        button.click()
      } else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [page, dossierCode, canWrite, helpOpen])

  const rows = shortcutsOf(page).filter((s) => canWrite || (s.action.kind !== 'step' && !(s.action.kind === 'go' && s.action.to === 'receive')))
  return (
    <>
      <Button size="small" type="text" onClick={() => setHelpOpen(true)} aria-label="Phím tắt (phím ?)" data-testid="shortcut-help-button">
        Phím tắt <kbd className="kbd">?</kbd>
      </Button>
      <Modal open={helpOpen} title="Phím tắt ở quầy" footer={null} onCancel={() => setHelpOpen(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">Gõ phím khi con trỏ không ở trong ô nhập liệu. Bước xử lý chỉ thực hiện khi nút của bước đó đang hiện.</Typography.Paragraph>
        <Table<Shortcut>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={rows}
          data-testid="shortcut-help"
          columns={[
            { title: 'Phím', dataIndex: 'key', width: 80, render: (key: string) => <kbd className="kbd">{key.toUpperCase()}</kbd> },
            { title: 'Việc', dataIndex: 'label' },
          ]}
        />
      </Modal>
    </>
  )
}
