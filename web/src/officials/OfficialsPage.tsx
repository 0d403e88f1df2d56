import { EditOutlined, FileExcelOutlined, PlusOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons'
import { App, Button, Card, Dropdown, Empty, Input, Result, Select, Space, Table, Tag, Tooltip, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { belongsOn } from '../../../src/domain/officials/registry-lists.js'
import { foldVietnamese } from '../../../src/domain/procedures/search-text.js'
import type { Me } from '../shared/api.js'
import { formatDate } from '../shared/format.js'
import { hasChoice, UnitPicker } from '../shared/UnitPicker.js'
import { useApiData } from '../shared/use-api-data.js'
import { navigate } from '../shell/navigation.js'
import { CertificateImport } from './CertificateImport.js'
import { OfficialForm } from './OfficialForm.js'
import {
  CERTIFICATE_STAGE_LABELS,
  CERTIFICATE_STAGES,
  certificateState,
  LIST_SHORT_LABELS,
  officialsApi,
  REGISTRY_LISTS,
  registryPrintPath,
  type CertificateStage,
  type Official,
  type RegistryList,
} from './officials-api.js'

const STAGE_COLORS: Record<CertificateStage, string> = { none: 'default', registered: 'blue', issued: 'cyan', handed_out: 'geekblue', installed: 'green' }

/** The domain's rule for the lists, over an official as JSON carries it. */
function onList(list: RegistryList, o: Official, now: Date): boolean {
  const certificate = o.certificate ? { valid_from: new Date(o.certificate.valid_from), valid_to: new Date(o.certificate.valid_to) } : null
  return belongsOn(list, { ...o, certificate }, now)
}

/**
 * Cán bộ, chữ ký số: the registry seed 001 asks the offices to keep — each official's signing
 * certificate (registered → issued → handed out → installed, expiry), national-portal account and
 * e-certification right; the lists to print; the certificates Ban Cơ yếu sends, imported in bulk.
 */
export default function OfficialsPage({ me }: { me: Me }) {
  const { message } = App.useApp()
  const canWrite = me.permissions.includes('officials:write')
  const scope = useApiData((signal) => officialsApi.scope(signal), [])
  const [unit, setUnit] = useState<string | null>(() => new URLSearchParams(window.location.search).get('unit'))
  const shownUnit = unit ?? scope.data?.unit_code ?? null
  const [search, setSearch] = useState('')
  const [stage, setStage] = useState<CertificateStage | 'all'>('all')
  const [list, setList] = useState<RegistryList | 'all'>(() => (REGISTRY_LISTS as readonly string[]).includes(new URLSearchParams(window.location.search).get('list') ?? '') ? (new URLSearchParams(window.location.search).get('list') as RegistryList) : 'all')
  const [editing, setEditing] = useState<Official | 'new' | null>(null)
  const [importing, setImporting] = useState(false)

  useEffect(() => {
    if (shownUnit) window.history.replaceState(null, '', `${window.location.pathname}?unit=${encodeURIComponent(shownUnit)}${list === 'all' ? '' : `&list=${list}`}`)
  }, [shownUnit, list])
  const officials = useApiData((signal) => (shownUnit ? officialsApi.list(shownUnit, signal) : Promise.resolve([] as Official[])), [shownUnit])

  const now = useMemo(() => new Date(), [officials.data])
  const rows = useMemo(() => {
    const folded = foldVietnamese(search)
    return (officials.data ?? []).filter(
      (o) =>
        (folded === '' || foldVietnamese(`${o.full_name} ${o.unit_name} ${o.position ?? ''}`).includes(folded)) &&
        (stage === 'all' || o.certificate_stage === stage) &&
        (list === 'all' || onList(list, o, now)),
    )
  }, [officials.data, search, stage, list, now])

  if (scope.error) return <Result status="warning" title="Không tải được danh sách cán bộ" subTitle={scope.error.message} />

  const listItems = (action: 'print' | 'xlsx') =>
    REGISTRY_LISTS.map((l) => ({
      key: `${action}-${l}`,
      label: action === 'print' ? LIST_SHORT_LABELS[l] : <a href={shownUnit ? officialsApi.listXlsxUrl(l, shownUnit) : undefined} download>{LIST_SHORT_LABELS[l]}</a>,
      onClick: () => action === 'print' && shownUnit && navigate(registryPrintPath(l, shownUnit)),
    }))

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' }}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            Cán bộ, chữ ký số, tài khoản Dịch vụ công
          </Typography.Title>
          <Typography.Text type="secondary">Chữ ký số cá nhân (Ban Cơ yếu Chính phủ cấp), tài khoản Dịch vụ công quốc gia và quyền chứng thực điện tử của cán bộ giải quyết TTHC</Typography.Text>
        </div>
        <Space wrap align="end">
          {scope.data && hasChoice(scope.data.units) && shownUnit && <UnitPicker units={scope.data.units} value={shownUnit} expanded={scope.data.unit_code} onChange={(u) => setUnit(u)} />}
          <Dropdown menu={{ items: listItems('print') }}>
            <Button icon={<PrinterOutlined />} data-testid="print-lists">In danh sách</Button>
          </Dropdown>
          <Dropdown menu={{ items: listItems('xlsx') }}>
            <Button icon={<FileExcelOutlined />}>Tải XLSX</Button>
          </Dropdown>
          {canWrite && (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                Nhập chứng thư số
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                Thêm cán bộ
              </Button>
            </>
          )}
        </Space>
      </div>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder="Tìm theo tên, đơn vị (gõ không dấu được)" style={{ width: 300 }} value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Tìm cán bộ" />
          <Select<CertificateStage | 'all'>
            style={{ width: 200 }}
            value={stage}
            onChange={setStage}
            aria-label="Lọc theo chữ ký số"
            options={[{ value: 'all', label: 'Mọi trạng thái chữ ký số' }, ...CERTIFICATE_STAGES.map((s) => ({ value: s, label: CERTIFICATE_STAGE_LABELS[s] }))]}
          />
          <Select<RegistryList | 'all'>
            style={{ width: 300 }}
            value={list}
            onChange={setList}
            aria-label="Lọc theo danh sách"
            data-testid="list-filter"
            options={[{ value: 'all', label: 'Tất cả cán bộ' }, ...REGISTRY_LISTS.map((l) => ({ value: l, label: LIST_SHORT_LABELS[l] }))]}
          />
          <Typography.Text type="secondary" data-testid="officials-count">
            {rows.length} / {officials.data?.length ?? 0} cán bộ
          </Typography.Text>
        </Space>
        <Table<Official>
          rowKey="id"
          size="small"
          loading={officials.loading}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={officials.error ? officials.error.message : 'Không có cán bộ nào'} /> }}
          onRow={(o) => ({ 'data-official': o.full_name }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: 'Đơn vị', dataIndex: 'unit_name' },
            { title: 'Họ và tên', dataIndex: 'full_name', render: (name: string, o) => (o.handles_dossiers ? name : <Tooltip title="Không giải quyết TTHC">{name} <Typography.Text type="secondary">(không giải quyết TTHC)</Typography.Text></Tooltip>) },
            { title: 'Chức vụ', dataIndex: 'position', render: (p: string | null) => p ?? '' },
            { title: 'Chữ ký số', key: 'stage', render: (_, o) => <Tag color={STAGE_COLORS[o.certificate_stage]}>{CERTIFICATE_STAGE_LABELS[o.certificate_stage]}</Tag> },
            {
              title: 'Hết hạn',
              key: 'expiry',
              render: (_, o) => {
                const state = certificateState(o, now)
                if (state === 'none') return <Typography.Text type="secondary">—</Typography.Text>
                const date = formatDate(o.certificate!.valid_to)
                return state === 'expired' ? <Tag color="red">Hết hạn {date}</Tag> : state === 'expiring' ? <Tag color="orange">{date}</Tag> : date
              },
            },
            { title: 'Tài khoản DVC quốc gia', dataIndex: 'national_portal_account', render: (a: string | null) => a || <Typography.Text type="danger">Chưa có</Typography.Text> },
            { title: 'Quyền chứng thực điện tử', dataIndex: 'ecert_right', render: (r: boolean) => (r ? <Tag color="green">Có</Tag> : 'Chưa') },
            ...(canWrite ? [{ title: '', key: 'edit', width: 56, render: (_: unknown, o: Official) => <Button size="small" icon={<EditOutlined />} aria-label={`Sửa ${o.full_name}`} onClick={() => setEditing(o)} /> }] : []),
          ]}
        />
      </Card>
      {editing && shownUnit && scope.data && (
        <OfficialForm
          official={editing === 'new' ? null : editing}
          units={scope.data.units}
          defaultUnit={shownUnit}
          onClose={() => setEditing(null)}
          onSaved={(o) => {
            void message.success(`Đã lưu ${o.full_name}`)
            setEditing(null)
            officials.reload()
          }}
        />
      )}
      {importing && shownUnit && (
        <CertificateImport
          unit={shownUnit}
          onClose={() => setImporting(false)}
          onApplied={(count) => {
            void message.success(`Đã ghi chứng thư số cho ${count} cán bộ`)
            setImporting(false)
            officials.reload()
          }}
        />
      )}
    </Space>
  )
}
