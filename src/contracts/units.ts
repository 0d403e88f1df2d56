import { z } from 'zod'

/** GET /api/v1/units: one unit of the tree the caller may see. */
export const UnitListItem = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  parent_code: z.string().nullable(),
  valid_from: z.string().nullable(),
  valid_to: z.string().nullable(),
})
