/**
 * Who signs, and the authority lines Decree 30/2020/NĐ-CP (Appendix I, "chữ ký") puts above
 * the name: a committee's document signed for the collective carries "TM. ỦY BAN NHÂN DÂN";
 * a deputy signs "KT." (ký thay) for the head, then their own title.
 */
export const SignerPosition = {
  chair: 'chair',
  viceChair: 'vice_chair',
  chiefOfOffice: 'chief_of_office',
  deputyChiefOfOffice: 'deputy_chief_of_office',
} as const
export type SignerPosition = (typeof SignerPosition)[keyof typeof SignerPosition]
export const SIGNER_POSITIONS = Object.values(SignerPosition) as readonly SignerPosition[]

/** Each position's own title and, for a deputy, the head's title they sign for. */
const TITLES: Record<SignerPosition, { title: string; signsFor: string | null }> = {
  chair: { title: 'CHỦ TỊCH', signsFor: null },
  vice_chair: { title: 'PHÓ CHỦ TỊCH', signsFor: 'CHỦ TỊCH' },
  chief_of_office: { title: 'CHÁNH VĂN PHÒNG', signsFor: null },
  deputy_chief_of_office: { title: 'PHÓ CHÁNH VĂN PHÒNG', signsFor: 'CHÁNH VĂN PHÒNG' },
}

/** The Vietnamese name of a position, for messages: "Phó Chủ tịch". */
export const SIGNER_POSITION_LABELS: Record<SignerPosition, string> = {
  chair: 'Chủ tịch',
  vice_chair: 'Phó Chủ tịch',
  chief_of_office: 'Chánh Văn phòng',
  deputy_chief_of_office: 'Phó Chánh Văn phòng',
}

/**
 * ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] for a vice-chair signing for the
 * committee; ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] for the chair; ["CHỦ TỊCH"] alone when the
 * chair signs in their own name (a direction of the chair, as seed 000).
 */
export function authorityLines(position: SignerPosition, onBehalfOf: string | null = null): string[] {
  const { title, signsFor } = TITLES[position]
  const collective = onBehalfOf?.trim() ? [`TM. ${onBehalfOf.trim().toLocaleUpperCase('vi')}`] : []
  return [...collective, ...(signsFor ? [`KT. ${signsFor}`] : []), title]
}
