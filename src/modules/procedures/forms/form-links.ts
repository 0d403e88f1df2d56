import type { ProcedureForm } from './procedure-forms.repository.js'

/** Where anyone downloads a form: a public address, no session needed. */
export const formDownloadPath = (procedureCode: string, formCode: string) =>
  `/api/v1/public/procedures/${encodeURIComponent(procedureCode)}/forms/${encodeURIComponent(formCode)}`

/** A form as the public catalogue lists it. */
export const publicFormOf = (form: ProcedureForm) => ({
  code: form.code, name: form.name, file_name: form.fileName, media_type: form.mediaType, size_bytes: form.sizeBytes,
  download_url: formDownloadPath(form.procedureCode, form.code),
})

/** A form as the console lists it. */
export const formItemOf = (form: ProcedureForm) => ({
  ...publicFormOf(form), sha256: form.sha256, uploaded_by: form.uploadedBy, uploaded_at: form.uploadedAt.toISOString(),
})
