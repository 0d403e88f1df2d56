import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons'
import { Button, Result, Skeleton } from 'antd'
import { useEffect } from 'react'
import { formatVietnameseDate, type LocalDate } from '../../../src/domain/time/local-date.js'
import { formatMoney } from '../desk/desk-labels.js'
import { DESK_PATH, followLink } from '../shell/navigation.js'
import { useApiData } from '../shared/use-api-data.js'
import { signaturesApi } from './signatures-api.js'

/** The certification register of a unit and year on A4, ready for the browser's Print; the toolbar does not print. */
export default function EcertRegisterPrint() {
  const params = new URLSearchParams(window.location.search)
  const unit = params.get('don-vi') ?? ''
  const year = Number(params.get('nam')) || new Date().getFullYear()
  const { data, error } = useApiData((signal) => signaturesApi.register(unit, year, signal), [unit, year])

  useEffect(() => {
    document.title = `Sổ chứng thực ${year} — ${unit}`
  }, [unit, year])

  if (error) return <Result status="warning" title="Không tải được sổ chứng thực" subTitle={error.message} />
  if (!data) return <Skeleton active style={{ padding: 24 }} />
  return (
    <>
      <div className="print-toolbar">
        <a href={DESK_PATH} onClick={(e) => followLink(e, DESK_PATH)}>← Một cửa</a>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>In (A4)</Button>
        <Button icon={<DownloadOutlined />} href={signaturesApi.registerXlsxUrl(unit, year)}>Tải XLSX</Button>
      </div>
      <div className="paper register" data-testid="ecert-register">
        <h1>Sổ chứng thực bản sao điện tử từ bản chính</h1>
        <p className="subtitle">{data.unit_name} — năm {data.year}</p>
        <table>
          <thead>
            <tr>
              <th>Số chứng thực</th><th>Ngày chứng thực</th><th>Người yêu cầu</th><th>Tên bản chính giấy tờ, văn bản</th><th>Số bản sao</th><th>Người ký chứng thực</th><th>Lệ phí</th>
            </tr>
          </thead>
          <tbody>
            {data.entries.map((e) => (
              <tr key={e.number} data-register-number={e.number}>
                <td>{e.number}</td><td>{formatVietnameseDate(e.certified_on as LocalDate)}</td><td>{e.applicant_name ?? ''}</td><td>{e.document_name}</td>
                <td>{e.copies}</td><td>{e.signer_name}</td><td>{formatMoney(e.fee_vnd)}</td>
              </tr>
            ))}
            <tr>
              <td colSpan={4}><strong>Cộng: {data.entries.length} lượt chứng thực</strong></td><td><strong>{data.total_copies}</strong></td><td /><td><strong>{formatMoney(data.total_fee_vnd)}</strong></td>
            </tr>
          </tbody>
        </table>
      </div>
    </>
  )
}
