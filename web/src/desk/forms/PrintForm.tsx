import { PrinterOutlined } from '@ant-design/icons'
import { Alert, Button, DatePicker, Input, Radio, Result, Skeleton } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState, type ReactNode } from 'react'
import { clockWords, slipPlace } from '../../../../src/domain/format/vietnamese-date-words.js'
import { decreeDate } from '../../../../src/domain/reports/letter-dates.js'
import { nameInSentence } from '../../../../src/domain/reports/short-unit-name.js'
import { toVietnamDate } from '../../../../src/domain/time/vietnam-time.js'
import { ApiError } from '../../shared/api.js'
import { formatCount } from '../../shared/format.js'
import { dossierPath, followLink } from '../../shell/navigation.js'
import { CHANNEL_LABELS, deskApi, QUEUE_LABELS, type DossierDetails } from '../desk-api.js'
import { PRINTABLE_FORMS, type PrintableForm } from './printable-forms.js'
import { labelOf } from '../../shared/labels.js'
import { useApiData } from '../../shared/use-api-data.js'
import { typedDateProps } from '../../shared/typed-dates.js'
import { FeeReceipt, PaperStyle, type PaperSize } from './FeeReceipt.js'
import { TrackingQr } from './TrackingQr.js'
import { SlipAgency } from './SlipAgency.js'

interface Props {
  code: string
  form: PrintableForm
}

/** A slip on an A4 page, ready for the browser's Print (Ctrl+P); the toolbar does not print. */
export default function PrintForm({ code, form }: Props) {
  const [apology, setApology] = useState<{ reason: string; newDate: Dayjs | null }>({ reason: '', newDate: null })
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const [paper, setPaper] = useState<PaperSize>('A5')

  const { data: dossier, error, set: setDossier } = useApiData(
    (signal) =>
      deskApi.dossier(code, signal).then((d) => {
        // A letter already given prints again as it was.
        const last = d.apologies[d.apologies.length - 1]
        if (last && !signal.aborted) setApology({ reason: last.reason, newDate: dayjs(last.new_due_on) })
        return d
      }),
    [code],
  )

  /** The apology is recorded (reason, new appointment, audit) before it is printed. */
  const recordAndPrint = async () => {
    if (!dossier || !apology.newDate || !apology.reason.trim()) return setSaveError('Nhập lý do chậm trả và chọn ngày hẹn lại.')
    setSaving(true)
    setSaveError(null)
    try {
      setDossier(await deskApi.apologize(code, apology.reason.trim(), apology.newDate.format('YYYY-MM-DD')))
      window.setTimeout(() => window.print(), 50)
    } catch (e) {
      setSaveError(e instanceof ApiError ? e.message : (e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  useEffect(() => {
    document.title = `${PRINTABLE_FORMS[form]} — ${code}`
  }, [form, code])

  if (error) {
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 403)
    return <Result status={notFound ? '404' : 'warning'} title={notFound ? 'Không tìm thấy hồ sơ' : 'Không tải được hồ sơ'} subTitle={error.message} />
  }
  if (!dossier) return <Skeleton active style={{ padding: 24 }} />

  return (
    <>
      <div className="print-toolbar">
        <a href={dossierPath(code)} onClick={(e) => followLink(e, dossierPath(code))}>
          ← Hồ sơ {code}
        </a>
        {form === 'xin-loi' && (
          <>
            <div>
              <label htmlFor="apology-reason">Lý do chậm trả</label>
              <Input id="apology-reason" style={{ width: 360, display: 'block' }} value={apology.reason} onChange={(e) => setApology((a) => ({ ...a, reason: e.target.value }))} />
            </div>
            <div>
              <label htmlFor="apology-date">Hẹn lại ngày trả</label>
              <DatePicker id="apology-date" style={{ display: 'block' }} value={apology.newDate} {...typedDateProps} disabledDate={(d) => d.isBefore(dayjs(), 'day')} onChange={(d) => setApology((a) => ({ ...a, newDate: d }))} />
            </div>
          </>
        )}
        {form === 'bien-lai' && (
          <div>
            <label htmlFor="paper-size">Khổ giấy</label>
            <Radio.Group id="paper-size" style={{ display: 'block' }} value={paper} onChange={(e) => setPaper(e.target.value as PaperSize)} options={[{ value: 'A5', label: 'A5' }, { value: 'A4', label: 'A4' }]} optionType="button" />
          </div>
        )}
        {form === 'xin-loi' && !recorded(dossier, apology) ? (
          <Button type="primary" icon={<PrinterOutlined />} loading={saving} onClick={() => void recordAndPrint()}>
            Ghi nhận và in
          </Button>
        ) : (
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            In
          </Button>
        )}
        {form === 'xin-loi' && !dossier.may_apologize && <Alert type="info" showIcon message="Hồ sơ này không trễ hạn hoặc đã kết thúc: không lập phiếu xin lỗi mới." />}
        {saveError && <Alert type="error" showIcon message={saveError} role="alert" />}
      </div>
      <article className="paper" data-testid="printed-form" aria-label={PRINTABLE_FORMS[form]}>
        {form === 'giay-tiep-nhan' && <ReceiptSlip d={dossier} />}
        {form === 'yeu-cau-bo-sung' && <SupplementRequest d={dossier} />}
        {form === 'tu-choi' && <Refusal d={dossier} />}
        {form === 'xin-loi' && <Apology d={dossier} reason={apology.reason} newDate={apology.newDate} />}
        {form === 'kiem-soat' && <ControlSheet d={dossier} />}
        {form === 'bien-lai' && (
          <>
            <PaperStyle size={paper} />
            <FeeReceipt d={dossier} />
          </>
        )}
      </article>
    </>
  )
}

/** Whether the letter on screen is one already recorded (printing it again records nothing new). */
function recorded(d: DossierDetails, a: { reason: string; newDate: Dayjs | null }): boolean {
  return d.apologies.some((x) => x.reason === a.reason.trim() && a.newDate !== null && x.new_due_on === a.newDate.format('YYYY-MM-DD'))
}

const dots = '………………………………'
const instant = (iso: string | null) => (iso ? clockWords(new Date(iso)) : dots)
const today = () => decreeDate(toVietnamDate(new Date()))

function Masthead({ d, title, subtitle }: { d: DossierDetails; title: string; subtitle?: string }) {
  return (
    <>
      <div className="masthead">
        <SlipAgency unitName={d.unit_name} />
        <div>
          <p className="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
          <p className="motto">Độc lập - Tự do - Hạnh phúc</p>
          <span className="underline" />
        </div>
      </div>
      <p className="place-date">
        {slipPlace(d.unit_name)}, {today()}
      </p>
      <h1>{title}</h1>
      <p className="subtitle">{subtitle ?? `Mã hồ sơ: ${d.code}`}</p>
    </>
  )
}

function Signatures({ left, right }: { left?: string; right: string }) {
  return (
    <div className="signatures">
      <div>
        {left && (
          <>
            <p className="role">{left}</p>
            <p className="hint">(Ký và ghi rõ họ tên)</p>
          </>
        )}
      </div>
      <div>
        <p className="role">{right}</p>
        <p className="hint">(Ký và ghi rõ họ tên)</p>
      </div>
    </div>
  )
}

function Applicant({ d }: { d: DossierDetails }) {
  return (
    <>
      <p>
        Ông/bà: <strong>{d.applicant_name ?? dots}</strong>
      </p>
      <p>Số giấy tờ tùy thân: {d.applicant_id_number ?? dots}</p>
      <p>Địa chỉ: {d.applicant_address ?? dots}</p>
      <p>Số điện thoại: {d.applicant_phone ?? dots}</p>
      <p>
        Nội dung yêu cầu giải quyết: <strong>{d.procedure_name}</strong> (mã thủ tục {d.procedure_code})
      </p>
    </>
  )
}

function ReceiptSlip({ d }: { d: DossierDetails }) {
  const received = d.components.filter((c) => c.received)
  return (
    <>
      <Masthead d={d} title="Giấy tiếp nhận hồ sơ và hẹn trả kết quả" />
      <p>Bộ phận tiếp nhận và trả kết quả {nameInSentence(d.unit_name)} tiếp nhận hồ sơ của:</p>
      <Applicant d={d} />
      <p>1. Thành phần hồ sơ nộp gồm:</p>
      {received.length ? (
        <ol>
          {received.map((c) => (
            <li key={c.position}>{c.name}</li>
          ))}
        </ol>
      ) : (
        <p>{dots}</p>
      )}
      <p>2. Số lượng hồ sơ: 01 bộ.</p>
      <p>3. Hình thức nộp: {labelOf(CHANNEL_LABELS, d.channel)}.</p>
      <p data-testid="slip-received">4. Thời gian nhận hồ sơ: {instant(d.received_at)}.</p>
      <p data-testid="slip-due">5. Thời gian trả kết quả giải quyết hồ sơ: {instant(d.due_at)}.</p>
      <p>6. Phí, lệ phí: {d.fee_vnd ? `${formatCount(d.fee_vnd)} đồng` : 'không thu'}.</p>
      <p>7. Nhận kết quả tại: Bộ phận tiếp nhận và trả kết quả {nameInSentence(d.unit_name)}.</p>
      <p>Vào Sổ theo dõi hồ sơ, quyển số: ……… số thứ tự: ………</p>
      <TrackingQr code={d.code} />
      <Signatures left="Người nộp hồ sơ" right="Người tiếp nhận hồ sơ" />
    </>
  )
}

function lastReason(d: DossierDetails, type: string): { reason: string | null; at: string | null } {
  const event = [...d.events].reverse().find((e) => e.type === type)
  return { reason: event?.reason ?? null, at: event?.at ?? null }
}

function SupplementRequest({ d }: { d: DossierDetails }) {
  const { reason, at } = lastReason(d, 'request_supplement')
  return (
    <>
      <Masthead d={d} title="Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" />
      <p>Hồ sơ tiếp nhận lúc {instant(d.received_at)} của:</p>
      <Applicant d={d} />
      <p>Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:</p>
      <p style={{ whiteSpace: 'pre-wrap' }} data-testid="slip-reason">
        {reason ?? dots}
      </p>
      {at && <p>Thời điểm yêu cầu: {instant(at)}.</p>}
      <p>Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ Bộ phận tiếp nhận và trả kết quả {nameInSentence(d.unit_name)} để được hướng dẫn.</p>
      <Signatures right="Người hướng dẫn" />
    </>
  )
}

function Refusal({ d }: { d: DossierDetails }) {
  const { reason } = lastReason(d, 'reject')
  return (
    <>
      <Masthead d={d} title="Phiếu từ chối tiếp nhận, giải quyết hồ sơ" />
      <p>Bộ phận tiếp nhận và trả kết quả {nameInSentence(d.unit_name)} đã tiếp nhận hồ sơ lúc {instant(d.received_at)} của:</p>
      <Applicant d={d} />
      <p>Sau khi xem xét, cơ quan có thẩm quyền từ chối giải quyết hồ sơ với lý do:</p>
      <p style={{ whiteSpace: 'pre-wrap' }} data-testid="slip-reason">
        {reason ?? dots}
      </p>
      <p>Xin thông báo để ông/bà được biết và thực hiện.</p>
      <Signatures right="Người tiếp nhận hồ sơ" />
    </>
  )
}

function Apology({ d, reason, newDate }: { d: DossierDetails; reason: string; newDate: Dayjs | null }) {
  return (
    <>
      <Masthead d={d} title="Phiếu xin lỗi và hẹn lại ngày trả kết quả" />
      <p>
        Ngày {d.received_at ? decreeDate(toVietnamDate(new Date(d.received_at))).replace(/^ngày /, '') : dots}, {nameInSentence(d.unit_name)} tiếp nhận giải quyết hồ sơ của ông/bà{' '}
        <strong>{d.applicant_name ?? dots}</strong>.
      </p>
      <p>
        Nội dung yêu cầu giải quyết: {d.procedure_name}. Mã hồ sơ: {d.code}.
      </p>
      <p data-testid="slip-due">Thời hạn trả kết quả giải quyết hồ sơ: {instant(d.due_at)}.</p>
      <p>Tuy nhiên đến nay, {nameInSentence(d.unit_name)} chưa trả kết quả giải quyết hồ sơ của ông/bà đúng hạn.</p>
      <p>Lý do: {reason.trim() || dots}</p>
      <p>
        Sự chậm trễ này đã gây phiền hà cho ông/bà. Ủy ban nhân dân {nameInSentence(d.unit_name)} xin lỗi ông/bà và hẹn lại thời gian trả kết quả vào{' '}
        <strong>{newDate ? decreeDate(newDate.format('YYYY-MM-DD')) : dots}</strong>.
      </p>
      <p>Rất mong nhận được sự thông cảm của ông/bà.</p>
      <Signatures right="Thủ trưởng cơ quan" />
    </>
  )
}

function judged(d: DossierDetails, at: string): ReactNode {
  if (!d.due_at) return ''
  return at <= d.due_at ? 'Đúng hạn' : QUEUE_LABELS.overdue
}

function ControlSheet({ d }: { d: DossierDetails }) {
  return (
    <>
      <Masthead d={d} title="Phiếu kiểm soát quá trình giải quyết hồ sơ" />
      <p>
        Kèm theo hồ sơ của ông/bà: <strong>{d.applicant_name ?? dots}</strong> — {d.procedure_name}
      </p>
      <p>Tiếp nhận: {instant(d.received_at)}. Hẹn trả kết quả: {instant(d.due_at)}.</p>
      <table>
        <thead>
          <tr>
            <th>Bước xử lý</th>
            <th>Thời gian</th>
            <th>Người thực hiện</th>
            <th>Kết quả (so với hạn)</th>
            <th>Ghi chú</th>
          </tr>
        </thead>
        <tbody>
          {d.events.map((e) => (
            <tr key={e.seq}>
              <td>{e.label}</td>
              <td>{instant(e.at)}</td>
              <td>{e.actor_name ?? e.actor}</td>
              <td>{judged(d, e.at)}</td>
              <td>{e.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
