import { moneyInWords } from '../../../../src/domain/format/vietnamese-money-words.js'
import { decreeDate } from '../../../../src/domain/reports/letter-dates.js'
import { toVietnamDate } from '../../../../src/domain/time/vietnam-time.js'
import { formatCount } from '../../shared/format.js'
import { CHANNEL_LABELS, type DossierDetails } from '../desk-api.js'
import { SlipAgency } from './SlipAgency.js'

export type PaperSize = 'A4' | 'A5'

/** The page the receipt prints on: A5 (a half sheet, as most counters keep them) or A4. */
export function PaperStyle({ size }: { size: PaperSize }) {
  if (size === 'A4') return null
  return <style>{'.paper { width: 148mm; min-height: 210mm; padding: 12mm 12mm 12mm 15mm; font-size: 12pt; } @media print { @page { size: A5; margin: 10mm 10mm 10mm 12mm; } .paper { padding: 0; width: auto; min-height: 0; } }'}</style>
}

/**
 * Biên lai thu phí, lệ phí: what was collected for the dossier, the amount in figures and in
 * words, how it was paid, and who paid and collected it. The series and number are those of the
 * receipt book the unit registered, written in by hand.
 */
export function FeeReceipt({ d }: { d: DossierDetails }) {
  const paidOn = d.paid_at ? decreeDate(toVietnamDate(new Date(d.paid_at))) : '…'
  return (
    <>
      <div className="masthead">
        <SlipAgency unitName={d.unit_name} />
        <div>
          <p>Mẫu số: ………</p>
          <p>Ký hiệu: ……… Số: ………</p>
        </div>
      </div>
      <h1>Biên lai thu phí, lệ phí</h1>
      <p className="subtitle">(Liên 2: Giao cho người nộp tiền)</p>
      <p>
        Tên người nộp: <strong>{d.applicant_name ?? '…………………………'}</strong>
      </p>
      <p>Địa chỉ: {d.applicant_address ?? '…………………………'}</p>
      <p>
        Nội dung thu: Phí, lệ phí giải quyết thủ tục {d.procedure_name} (mã thủ tục {d.procedure_code}), hồ sơ số {d.code}
      </p>
      <p data-testid="receipt-amount">
        Số tiền: <strong>{formatCount(d.fee_vnd)} đồng</strong>
      </p>
      <p data-testid="receipt-words">(Viết bằng chữ: {moneyInWords(d.fee_vnd)}.)</p>
      <p>Hình thức thanh toán: {d.paid_at === null ? '…………' : d.paid_online ? CHANNEL_LABELS.online : 'Tiền mặt tại quầy'}</p>
      <p className="place-date">{paidOn}</p>
      <div className="signatures">
        <div>
          <p className="role">Người nộp tiền</p>
          <p className="hint">(Ký và ghi rõ họ tên)</p>
        </div>
        <div>
          <p className="role">Người thu tiền</p>
          <p className="hint">(Ký và ghi rõ họ tên)</p>
        </div>
      </div>
    </>
  )
}
