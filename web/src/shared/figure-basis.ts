/*
 * Which units the figures are counted by, as the API takes it (docs/TWO-LEVEL-GOVERNMENT.md):
 * the tree (`tree`: the period's units or today's) and the attribution (`by`: processing and
 * lateness at the receiving unit or the deciding one). Both live in the page's address.
 */

/** Processing and lateness at the unit that received a dossier (default) or at the one that decides it. */
export type Attribution = 'receiver' | 'decider'

export const ATTRIBUTION_LABELS: Record<Attribution, string> = {
  receiver: 'Theo đơn vị tiếp nhận',
  decider: 'Theo đơn vị giải quyết',
}

/** What the switch says about each choice (its tooltip). */
export const ATTRIBUTION_HINTS: Record<Attribution, string> = {
  receiver: 'Mọi chỉ số tính cho đơn vị tiếp nhận hồ sơ',
  decider: 'Hồ sơ giải quyết, đúng hạn, trễ hạn, quá hạn, hài lòng tính cho đơn vị giải quyết; số tiếp nhận vẫn tính cho đơn vị tiếp nhận',
}

/** The attribution of an address: `by=decider`, else the receiver (anything else is the default). */
export function readAttribution(params: URLSearchParams): Attribution {
  return params.get('by') === 'decider' ? 'decider' : 'receiver'
}

/** The address's parameter for an attribution: none for the default, so old links stay as they were. */
export function attributionParam(by: Attribution): Record<string, string> {
  return by === 'decider' ? { by: 'decider' } : {}
}
