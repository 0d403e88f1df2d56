import { PrinterOutlined, UploadOutlined } from '@ant-design/icons'
import { ComponentText } from './ComponentText.js'
import { Alert, App, Button, Card, Col, Descriptions, Dropdown, Empty, Grid, Result, Row, Skeleton, Space, Table, Tag, Timeline, Typography, Upload } from 'antd'
import { useCallback, useState } from 'react'
import { ApiError, type Me } from '../shared/api.js'
import { formatDate, formatDateTime } from '../shared/format.js'
import { DESK_PATH, followLink, printPath } from '../shell/navigation.js'
import { CHANNEL_LABELS, deskApi, readScan, type DossierDetails } from './desk-api.js'
import { formatMoney } from './desk-labels.js'
import { DossierActions } from './DossierActions.js'
import { FLAG_LABELS, FlagChoices, type FlagName } from './DossierFlags.js'
import { formsFor } from './forms/printable-forms.js'
import { labelOf } from '../shared/labels.js'
import { useApiData } from '../shared/use-api-data.js'
import { filesLocked } from '../../../src/domain/dossiers/desk-guards.js'
import { QUEUE_LABELS } from './desk-api.js'
import { withConfirmation } from './confirm-warning.js'
import { DeskShortcuts } from './DeskShortcuts.js'
import { FileHistory } from './FileHistory.js'
import { useReasonPrompt } from './useReasonPrompt.js'
import { EcertCopies } from '../signatures/EcertCopies.js'
import { SignatureTag } from '../signatures/SignatureTag.js'
import { signaturesApi } from '../signatures/signatures-api.js'
import { BackToQueues } from './DeskPageHeader.js'

type Component = DossierDetails['components'][number]

/** The dossier page: its data, components and scans, fee, the next steps and the timeline of every event. */
export default function DossierView({ code, me }: { code: string; me: Me }) {
  const { message, modal } = App.useApp()
  const [askReason, reasonPrompt] = useReasonPrompt()
  // A phone: the components as one column (name, scan and button stacked), the header smaller.
  const narrow = Grid.useBreakpoint().md === false
  // Each action answers with the dossier as it now is: that answer replaces the one loaded.
  const { data: dossier, error, loading, set: setDossier } = useApiData((signal) => deskApi.dossier(code, signal), [code])
  const [busy, setBusy] = useState<string | null>(null)
  const canWrite = me.permissions.includes('dossiers:write')
  const justReceived = new URLSearchParams(window.location.search).get('moi') === '1'

  /** One change at a time; the answer is the dossier as it now is (null: the officer said no to a warning). */
  const change = useCallback(
    async (label: string, action: () => Promise<DossierDetails | null>, done: string) => {
      setBusy(label)
      try {
        const changed = await action()
        if (changed === null) return false
        setDossier(changed)
        void message.success(done)
        return true
      } catch (e) {
        void message.error(e instanceof ApiError ? e.message : (e as Error).message, 6)
        return false
      } finally {
        setBusy(null)
      }
    },
    [message, setDossier],
  )

  const upload = async (file: File, target: { position: number; name: string } | 'result') => {
    const scan = await readScan(file)
    if ('error' in scan) return void message.error(scan.error, 6)
    // Returned: what the citizen received is fixed; a change says why, and the old file stays in the history.
    if (dossier && filesLocked(dossier.status)) {
      const reason = await askReason('Hồ sơ đã trả kết quả: thay tệp số hóa', 'Lý do thay tệp (được ghi vào nhật ký; tệp cũ vẫn được lưu)')
      if (reason === null) return
      scan.replace_reason = reason
    }
    if (target === 'result') await change('result', () => deskApi.uploadResult(code, scan), 'Đã số hóa kết quả giải quyết')
    else await change(`c${target.position}`, () => deskApi.uploadComponent(code, target.position, scan), `Đã số hóa thành phần “${target.name}”`)
  }

  if (error) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403)
    return (
      <Result
        status={notFound ? '404' : 'warning'}
        title={notFound ? 'Không tìm thấy hồ sơ' : 'Không tải được hồ sơ'}
        subTitle={<span data-testid="dossier-error">{error.message}</span>}
        extra={
          <Button type="primary" href={DESK_PATH} onClick={(e) => followLink(e as never, DESK_PATH)}>
            Về hàng đợi hồ sơ
          </Button>
        }
      />
    )
  }
  // Another dossier opened: no figures of the previous one while it loads.
  if (!dossier || loading) return <Skeleton active paragraph={{ rows: 10 }} />

  const missing = dossier.components.filter((c) => c.received && !c.digitized)
  const forms = formsFor(dossier)
  const paid = dossier.paid_at !== null

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} className="dossier-page">
      {reasonPrompt}
      <div>
        <BackToQueues />
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
          <Typography.Title level={narrow ? 4 : 2} className="dossier-code" style={{ margin: '4px 0 0' }} data-testid="dossier-code">
            {dossier.code}
          </Typography.Title>
          <Space size={4} wrap>
          <DeskShortcuts page="dossier" dossierCode={dossier.code} canWrite={canWrite} />
          <Dropdown
            trigger={['click']}
            menu={{
              items: forms.map((f) => ({
                key: f.form,
                label: (
                  <a href={printPath(dossier.code, f.form)} target="_blank" rel="noopener">
                    {f.label}
                  </a>
                ),
              })),
            }}
          >
            <Button icon={<PrinterOutlined />}>In giấy tờ</Button>
          </Dropdown>
          </Space>
        </div>
        <Space wrap>
          <Tag color="blue" data-testid="dossier-status">
            {dossier.status_label}
          </Tag>
          {dossier.overdue && <Tag color="red">{QUEUE_LABELS.overdue}</Tag>}
          <Typography.Text>{dossier.procedure_name}</Typography.Text>
        </Space>
      </div>

      {justReceived && (
        <Alert
          type="success"
          showIcon
          message="Đã tiếp nhận hồ sơ"
          description={
            <span>
              Hẹn trả kết quả: <strong>{dossier.due_at ? formatDateTime(dossier.due_at) : '—'}</strong>.{' '}
              <a href={printPath(dossier.code, 'giay-tiep-nhan')} target="_blank" rel="noopener">
                In giấy tiếp nhận hồ sơ và hẹn trả kết quả
              </a>
            </span>
          }
        />
      )}

      {canWrite && (
        <Card size="small" title="Xử lý hồ sơ">
          <DossierActions
            dossier={dossier}
            busy={busy !== null}
            onStep={(type, label, reason, target) => change(type, () => withConfirmation(modal, (confirmed) => deskApi.step(code, type, reason, confirmed, target), label), `Đã ghi nhận: ${label}`)}
          />
        </Card>
      )}

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card size="small" title="Thông tin hồ sơ">
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
              <Descriptions.Item label="Người nộp">{dossier.applicant_name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Số giấy tờ">{dossier.applicant_id_number ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Điện thoại">{dossier.applicant_phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Địa chỉ">{dossier.applicant_address ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Đơn vị tiếp nhận">{dossier.unit_name}</Descriptions.Item>
              <Descriptions.Item label="Người xử lý">
                <span data-testid="dossier-assignee">{dossier.assignee_name ?? (dossier.assigned_unit_code ? `Đơn vị ${dossier.assigned_unit_code}, chưa phân công` : '—')}</span>
              </Descriptions.Item>
              <Descriptions.Item label="Hình thức nộp">{labelOf(CHANNEL_LABELS, dossier.channel)}</Descriptions.Item>
              <Descriptions.Item label="Tiếp nhận lúc">{formatDateTime(dossier.received_at)}</Descriptions.Item>
              <Descriptions.Item label="Hẹn trả kết quả">
                <span className={dossier.overdue ? 'status-overdue' : undefined} data-testid="dossier-due">
                  {dossier.due_at ? formatDateTime(dossier.due_at) : '—'}
                </span>
              </Descriptions.Item>
              {dossier.apologies.length > 0 && (
                <Descriptions.Item label="Hẹn lại (phiếu xin lỗi)" span={2}>
                  <span data-testid="apology">
                    {formatDate(dossier.apologies[dossier.apologies.length - 1]!.new_due_on)} — {dossier.apologies[dossier.apologies.length - 1]!.reason}
                  </span>
                </Descriptions.Item>
              )}
              <Descriptions.Item label="Có kết quả lúc">{dossier.finished_at ? formatDateTime(dossier.finished_at) : '—'}</Descriptions.Item>
              <Descriptions.Item label="Trả kết quả lúc">{dossier.returned_at ? formatDateTime(dossier.returned_at) : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>

          <Card
            size="small"
            title="Thành phần hồ sơ và số hóa"
            style={{ marginTop: 12 }}
            extra={
              missing.length ? (
                <Typography.Text className="component-missing" data-testid="missing-scans">
                  Còn {missing.length} thành phần chưa số hóa
                </Typography.Text>
              ) : (
                <Typography.Text type="success" data-testid="missing-scans">
                  Đã số hóa đủ thành phần
                </Typography.Text>
              )
            }
          >
            <Table<Component>
              rowKey="position"
              size="small"
              pagination={false}
              dataSource={dossier.components}
              locale={{ emptyText: <Empty description="Hồ sơ không có danh mục thành phần (nhập từ hệ thống khác)" /> }}
              onRow={(c) => ({ 'data-component-row': c.position }) as React.HTMLAttributes<HTMLElement>}
              columns={narrow ? [
                { title: 'STT', dataIndex: 'position', width: 44 },
                {
                  title: 'Thành phần và bản số hóa',
                  key: 'component',
                  render: (_: unknown, c: Component) => (
                    <div className="component-stacked">
                      <div className="component-name">
                        {c.name} {c.required && <Tag color="red">bắt buộc</Tag>}
                        {!c.received && <Typography.Text type="secondary"> (không nộp)</Typography.Text>}
                      </div>
                      <div>
                        {c.file ? (
                          <a href={deskApi.componentFileUrl(dossier.code, c.position)} data-testid={`scan-${c.position}`}>{c.file.name}</a>
                        ) : c.received ? <span className="component-missing">Chưa số hóa</span> : null}
                      </div>
                      {canWrite && c.received && (
                        <Upload accept=".pdf,.png,.jpg,.jpeg" showUploadList={false} beforeUpload={(file) => (void upload(file, c), Upload.LIST_IGNORE)}>
                          <Button size="small" icon={<UploadOutlined />} loading={busy === `c${c.position}`} disabled={busy !== null}>
                            {c.file ? 'Thay bản quét' : 'Tải bản quét'}
                          </Button>
                        </Upload>
                      )}
                    </div>
                  ),
                },
              ] : [
                { title: 'STT', dataIndex: 'position', width: 56 },
                { title: 'Thành phần', dataIndex: 'name', render: (name: string, c: Component) => <span className="component-name">{name} {c.required && <Tag color="red">bắt buộc</Tag>}</span> },
                { title: 'Đã nhận', key: 'received', width: 84, render: (_, c) => (c.received ? 'Có' : <Typography.Text type="secondary">Không</Typography.Text>) },
                {
                  title: 'Bản số hóa',
                  key: 'file',
                  render: (_, c) =>
                    c.file ? (
                      <Space size={4} wrap>
                        <a href={deskApi.componentFileUrl(dossier.code, c.position)} data-testid={`scan-${c.position}`}>
                          {c.file.name}
                        </a>
                        <SignatureTag signature={c.file.signature} testId={`signature-${c.position}`} />
                        <ComponentText code={dossier.code} position={c.position} name={c.name} />
                      </Space>
                    ) : c.received ? (
                      <span className="component-missing">Chưa số hóa</span>
                    ) : (
                      '—'
                    ),
                },
                ...(canWrite
                  ? [
                      {
                        title: '',
                        key: 'upload',
                        width: 140,
                        render: (_: unknown, c: Component) => (
                          <Upload accept=".pdf,.png,.jpg,.jpeg" showUploadList={false} beforeUpload={(file) => (void upload(file, c), Upload.LIST_IGNORE)}>
                            <Button size="small" icon={<UploadOutlined />} loading={busy === `c${c.position}`} disabled={busy !== null}>
                              {c.file ? 'Thay bản quét' : 'Tải bản quét'}
                            </Button>
                          </Upload>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            <div style={{ marginTop: 12, display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography.Text strong>Kết quả giải quyết:</Typography.Text>
              {dossier.result_file ? (
                <>
                  <a href={deskApi.resultFileUrl(dossier.code)} data-testid="result-scan">
                    {dossier.result_file.name}
                  </a>
                  <SignatureTag signature={dossier.result_file.signature} testId="result-signature" />
                </>
              ) : (
                <Typography.Text type="secondary">chưa số hóa</Typography.Text>
              )}
              {canWrite && (
                <Upload accept=".pdf,.png,.jpg,.jpeg" showUploadList={false} beforeUpload={(file) => (void upload(file, 'result'), Upload.LIST_IGNORE)}>
                  <Button size="small" icon={<UploadOutlined />} loading={busy === 'result'} disabled={busy !== null} data-testid="upload-result">
                    {dossier.result_file ? 'Thay kết quả điện tử' : 'Tải kết quả điện tử'}
                  </Button>
                </Upload>
              )}
              {canWrite && dossier.result_file?.media_type === 'application/pdf' && dossier.result_file.signature?.status !== 'valid' && (
                <Button size="small" type="primary" disabled={busy !== null} loading={busy === 'sign'} data-testid="sign-result"
                  onClick={() => void change('sign', () => signaturesApi.signResult(code), 'Đã ký số kết quả giải quyết')}>
                  Ký số kết quả
                </Button>
              )}
            </div>
          </Card>

          <FileHistory dossier={dossier} />
          <EcertCopies dossier={dossier} canWrite={canWrite} busy={busy !== null} change={change} refuse={(reason) => void message.error(reason, 6)} />

          <Card size="small" title="Thông tin cho Chỉ số 766" style={{ marginTop: 12 }}>
            <FlagChoices
              names={Object.keys(FLAG_LABELS) as FlagName[]}
              value={dossier.flags}
              disabled={!canWrite || busy !== null}
              onChange={(name, value) => void change(`flag-${name}`, () => deskApi.setFlags(code, { [name]: value }), `Đã cập nhật: ${FLAG_LABELS[name].label}`)}
            />
          </Card>

          <Card size="small" title="Phí, lệ phí" style={{ marginTop: 12 }}>
            <Space wrap>
              <span data-testid="fee">{formatMoney(dossier.fee_vnd)}</span>
              {dossier.fee_vnd > 0 &&
                (paid ? (
                  <Tag color="green" data-testid="paid">
                    Đã nộp {dossier.paid_online ? 'trực tuyến' : 'tại quầy'} lúc {formatDateTime(dossier.paid_at)}
                  </Tag>
                ) : (
                  <Tag color="orange">Chưa nộp</Tag>
                ))}
              {canWrite && dossier.fee_vnd > 0 && !paid && (
                <>
                  <Button size="small" disabled={busy !== null} onClick={() => void change('pay', () => deskApi.pay(code, false), 'Đã ghi nhận nộp phí tại quầy')}>
                    Ghi nhận nộp tại quầy
                  </Button>
                  <Button size="small" disabled={busy !== null} onClick={() => void change('pay', () => deskApi.pay(code, true), 'Đã ghi nhận thanh toán trực tuyến')}>
                    Ghi nhận thanh toán trực tuyến
                  </Button>
                </>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="Quá trình xử lý">
            <Timeline
              data-testid="timeline"
              items={dossier.events.map((e) => ({
                key: e.seq,
                color: e.type === 'reject' || e.type === 'withdraw' ? 'red' : e.type === 'return' || e.type === 'finish' ? 'green' : 'blue',
                content: (
                  <div data-event={e.type}>
                    <strong>{e.label}</strong> — {formatDateTime(e.at)}
                    <div>
                      <Typography.Text type="secondary">
                        {e.actor_name ?? e.actor} · {e.status_after_label}
                      </Typography.Text>
                    </div>
                    {e.assignee && <div>Giao cho: {e.assignee}</div>}
                    {e.reason && <div>Lý do: {e.reason}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  )
}
