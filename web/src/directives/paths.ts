/** The section's addresses: the list, and one directive with its tasks. */
export const DIRECTIVES_PATH = '/chi-dao'
export const directivePath = (id: number) => `/chi-dao/van-ban/${id}`
