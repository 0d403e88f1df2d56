import { z } from 'zod'

/** The signed-in user: the login's and GET /api/v1/auth/me's answer. */
export const Me = z.object({
  username: z.string(),
  role: z.string().nullable(),
  role_label: z.string().nullable(),
  unit_code: z.string(),
  unit_name: z.string(),
  permissions: z.array(z.string()),
  csrf_token: z.string().nullable(),
})
