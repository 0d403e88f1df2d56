import { z } from 'zod'

/** A procedure's form (mẫu đơn, tờ khai) as the portal and the console list it. */
export const PublicForm = z.object({
  code: z.string(),
  name: z.string().describe('Ví dụ: Tờ khai đăng ký khai sinh'),
  file_name: z.string(),
  media_type: z.string(),
  size_bytes: z.number(),
  download_url: z.string().describe('Tải về, không cần đăng nhập'),
})

/** The console's view adds who attached it, when, and its SHA-256. */
export const ProcedureFormItem = PublicForm.extend({ sha256: z.string(), uploaded_by: z.string(), uploaded_at: z.string() })
