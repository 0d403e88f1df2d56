import { slipAgency } from '../../../../src/domain/format/vietnamese-date-words.js'

/** The top-left of every slip: the unit and its one-stop section, underlined. */
export function SlipAgency({ unitName }: { unitName: string }) {
  return (
    <div>
      <p className="agency">{slipAgency(unitName)}</p>
      <p className="agency">Bộ phận tiếp nhận và trả kết quả</p>
      <span className="underline" />
    </div>
  )
}
