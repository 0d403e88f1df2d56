import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../src/db/open-database.js'
import { actsOnSharedData, PERMISSIONS } from '../../src/domain/accounts/role.js'
import { issueApiToken } from '../../src/modules/accounts/api-tokens.js'
import { saveProcedures } from '../../src/modules/procedures/save-procedures.js'
import { tempDir } from '../support/files.js'
import { operationName, operationsOf, type Operation } from '../support/openapi-operations.js'
import { startApiServer, stopApiServer } from '../support/api-server.js'
import { signIn, type SignedIn } from '../support/sign-in.js'
import { loadSmallDistrict } from '../support/small-district.js'

/**
 * Every operation of the OpenAPI document, walked by An Thanh's accounts with Quang Trung's
 * unit, dossier, feedback and official in the parameters. Each operation must be classified
 * below — a new route fails this test until someone says what it may show another commune:
 * - hidden: Quang Trung's data is answered as not existing (404);
 * - refused: the province's shared data, changed from the root only (403);
 * - no-leak: may answer, but nothing of Quang Trung in it.
 * No operation may answer 500.
 */
type Expectation = 'hidden' | 'refused' | 'no-leak'
interface Other { unit: string; dossier: string; feedbackId: string; officialId: string; otherUser: string; directiveId: string; occurrenceId: string; submissionId: string }
interface Probe { expect: Expectation; request: (other: Other) => InjectOptions; ownSession?: true }

const WEEK = 'from=2022-09-05&to=2022-09-09'
const PDF = Buffer.from('%PDF-1.4\nkết quả đã ký số\n%%EOF\n').toString('base64')
const get = (url: string): InjectOptions => ({ method: 'GET', url })
const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object): InjectOptions => ({ method, url, ...(payload ? { payload } : {}) })

const PROBES: Record<string, Probe> = {
  'GET /api/health': { expect: 'no-leak', request: () => get('/api/health') },
  'POST /api/v1/auth/login': { expect: 'no-leak', request: (o) => send('POST', '/api/v1/auth/login', { username: o.otherUser, password: 'doan-mat-khau-1' }) },
  'GET /api/v1/auth/me': { expect: 'no-leak', request: () => get('/api/v1/auth/me') },
  'POST /api/v1/auth/logout': { expect: 'no-leak', request: () => send('POST', '/api/v1/auth/logout'), ownSession: true },
  'POST /api/v1/auth/logout-everywhere': { expect: 'no-leak', request: () => send('POST', '/api/v1/auth/logout-everywhere'), ownSession: true },
  'POST /api/v1/auth/password': { expect: 'no-leak', request: () => send('POST', '/api/v1/auth/password', { current_password: 'doan-mat-khau-1', new_password: 'mat-khau-moi-2026-xa' }), ownSession: true },
  'GET /api/v1/units': { expect: 'no-leak', request: () => get('/api/v1/units') },
  'GET /api/v1/indicators': { expect: 'hidden', request: (o) => get(`/api/v1/indicators?unit=${o.unit}&${WEEK}&children=true`) },
  'GET /api/v1/indicators/series': { expect: 'hidden', request: (o) => get(`/api/v1/indicators/series?unit=${o.unit}&${WEEK}`) },
  'GET /api/v1/indicators/dossiers': { expect: 'hidden', request: (o) => get(`/api/v1/indicators/dossiers?unit=${o.unit}&${WEEK}&indicator=received`) },
  'GET /api/v1/indicators/ranking': { expect: 'hidden', request: (o) => get(`/api/v1/indicators/ranking?unit=${o.unit}&${WEEK}&indicator=received`) },
  'GET /api/v1/indicators/lists': { expect: 'hidden', request: (o) => get(`/api/v1/indicators/lists?unit=${o.unit}&${WEEK}&indicator=received`) },
  'GET /api/v1/index766': { expect: 'hidden', request: (o) => get(`/api/v1/index766?unit=${o.unit}&period=2022-09`) },
  'GET /api/v1/index766/formula-sets': { expect: 'no-leak', request: () => get('/api/v1/index766/formula-sets') },
  'GET /api/v1/reports/monthly/due-date': { expect: 'hidden', request: (o) => get(`/api/v1/reports/monthly/due-date?unit=${o.unit}&${WEEK}`) },
  'GET /api/v1/reports/{kind}': { expect: 'hidden', request: (o) => get(`/api/v1/reports/letter?unit=${o.unit}&${WEEK}`) },
  'GET /api/v1/officials': { expect: 'hidden', request: (o) => get(`/api/v1/officials?unit=${o.unit}`) },
  'POST /api/v1/officials': { expect: 'hidden', request: (o) => send('POST', '/api/v1/officials', { full_name: 'Người Lạ', unit: o.unit }) },
  'GET /api/v1/officials/figures': { expect: 'hidden', request: (o) => get(`/api/v1/officials/figures?unit=${o.unit}`) },
  'PATCH /api/v1/officials/{id}': { expect: 'hidden', request: (o) => send('PATCH', `/api/v1/officials/${o.officialId}`, { position: 'Đã bị sửa' }) },
  'POST /api/v1/officials/{id}/certificate': { expect: 'hidden', request: (o) => send('POST', `/api/v1/officials/${o.officialId}/certificate`, { file_name: 'chung-thu.cer', content_base64: PDF }) },
  'GET /api/v1/officials/scope': { expect: 'no-leak', request: () => get('/api/v1/officials/scope') },
  'GET /api/v1/officials/lists/{list}': { expect: 'hidden', request: (o) => get(`/api/v1/officials/lists/missing-certificate-or-account?unit=${o.unit}`) },
  'GET /api/v1/officials/lists/{list}/xlsx': { expect: 'hidden', request: (o) => get(`/api/v1/officials/lists/missing-certificate-or-account/xlsx?unit=${o.unit}`) },
  'POST /api/v1/officials/certificate-import': { expect: 'hidden', request: (o) => send('POST', '/api/v1/officials/certificate-import', { unit: o.unit, dry_run: true, files: [{ file_name: 'chung-thu.cer', content_base64: PDF }] }) },
  'GET /api/v1/dossiers/{code}/components/{position}/text': { expect: 'hidden', request: (o) => get(`/api/v1/dossiers/${o.dossier}/components/1/text`) },
  'GET /api/v1/file-texts': { expect: 'hidden', request: (o) => get(`/api/v1/file-texts?unit=${o.unit}&q=bi+mat`) },
  'GET /api/v1/procedures': { expect: 'no-leak', request: () => get('/api/v1/procedures?q=khai%20sinh') },
  // The citizens' portal: public, but another commune's dossier is never told to a stranger.
  'GET /api/v1/dossiers-stuck': { expect: 'hidden', request: (o) => get(`/api/v1/dossiers-stuck?unit=${o.unit}`) },
  'GET /api/v1/public/procedures': { expect: 'no-leak', request: () => get('/api/v1/public/procedures?q=ho%20kinh%20doanh') },
  'GET /api/v1/public/procedures/{code}': { expect: 'no-leak', request: () => get('/api/v1/public/procedures/1.001612') },
  'POST /api/v1/public/otp': { expect: 'no-leak', request: () => send('POST', '/api/v1/public/otp', { phone: '0912000111' }) },
  'POST /api/v1/public/otp/verify': { expect: 'no-leak', request: () => send('POST', '/api/v1/public/otp/verify', { phone: '0912000111', code: '000000' }) },
  'POST /api/v1/public/dossiers': { expect: 'no-leak', request: (o) => send('POST', '/api/v1/public/dossiers', { procedure_code: '1.004873', unit: o.unit, applicant: { name: 'Người Lạ' }, components: [] }) },
  'GET /api/v1/public/dossiers/{code}': { expect: 'no-leak', request: (o) => get(`/api/v1/public/dossiers/${o.dossier}?phone=0912000111`) },
  'POST /api/v1/public/dossiers/{code}/supplement': { expect: 'no-leak', request: (o) => send('POST', `/api/v1/public/dossiers/${o.dossier}/supplement`, { components: [{ position: 1, file_name: 'bo-sung.pdf', content_base64: PDF }] }) },
  'POST /api/v1/public/dossiers/{code}/rating': { expect: 'no-leak', request: (o) => send('POST', `/api/v1/public/dossiers/${o.dossier}/rating`, { rating: 'dissatisfied' }) },
  'POST /api/v1/public/dossiers/{code}/payment': { expect: 'no-leak', request: (o) => send('POST', `/api/v1/public/dossiers/${o.dossier}/payment`) },
  'GET /api/v1/public/payments/ipn': { expect: 'no-leak', request: () => get('/api/v1/public/payments/ipn?vnp_TxnRef=MC0000000000&vnp_SecureHash=00') },
  'GET /api/v1/public/payments/return': { expect: 'no-leak', request: () => get('/api/v1/public/payments/return?vnp_TxnRef=MC0000000000&vnp_SecureHash=00') },
  'GET /api/v1/public/portal-settings': { expect: 'no-leak', request: () => get('/api/v1/public/portal-settings') },
  'GET /api/v1/public/oidc/login': { expect: 'no-leak', request: () => get('/api/v1/public/oidc/login') },
  'GET /api/v1/public/oidc/callback': { expect: 'no-leak', request: () => get('/api/v1/public/oidc/callback?code=x&state=y') },
  'POST /api/v1/public/dossiers/{code}/feedback': { expect: 'no-leak', request: (o) => send('POST', `/api/v1/public/dossiers/${o.dossier}/feedback`, { content: 'Phản ánh của người lạ về hồ sơ' }) },
  'POST /api/v1/dossiers': { expect: 'hidden', request: (o) => send('POST', '/api/v1/dossiers', { unit: o.unit, procedure_code: '1.001193', applicant: { name: 'Người Lạ' }, channel: 'direct', received_components: [] }) },
  'GET /api/v1/dossiers': { expect: 'hidden', request: (o) => get(`/api/v1/dossiers?unit=${o.unit}&queue=all`) },
  'GET /api/v1/dossier-queue-counts': { expect: 'hidden', request: (o) => get(`/api/v1/dossier-queue-counts?unit=${o.unit}`) },
  'GET /api/v1/dossiers/{code}': { expect: 'hidden', request: (o) => get(`/api/v1/dossiers/${o.dossier}`) },
  'POST /api/v1/dossiers/{code}/events': { expect: 'hidden', request: (o) => send('POST', `/api/v1/dossiers/${o.dossier}/events`, { type: 'withdraw', reason: 'Rút hộ' }) },
  'POST /api/v1/dossiers/{code}/components/{position}/file': { expect: 'hidden', request: (o) => send('POST', `/api/v1/dossiers/${o.dossier}/components/1/file`, { file_name: 'ban-quet.pdf', content_base64: PDF }) },
  'GET /api/v1/dossiers/{code}/components/{position}/file': { expect: 'hidden', request: (o) => get(`/api/v1/dossiers/${o.dossier}/components/1/file`) },
  'POST /api/v1/dossiers/{code}/result-file': { expect: 'hidden', request: (o) => send('POST', `/api/v1/dossiers/${o.dossier}/result-file`, { file_name: 'ket-qua.pdf', content_base64: PDF }) },
  'GET /api/v1/dossiers/{code}/result-file': { expect: 'hidden', request: (o) => get(`/api/v1/dossiers/${o.dossier}/result-file`) },
  'PUT /api/v1/dossiers/{code}/flags': { expect: 'hidden', request: (o) => send('PUT', `/api/v1/dossiers/${o.dossier}/flags`, { synced_national: false }) },
  'POST /api/v1/dossiers/{code}/apology': { expect: 'hidden', request: (o) => send('POST', `/api/v1/dossiers/${o.dossier}/apology`, { reason: 'Thiếu giấy tờ', new_due_on: '2022-09-30' }) },
  'POST /api/v1/dossiers/{code}/payment': { expect: 'hidden', request: (o) => send('POST', `/api/v1/dossiers/${o.dossier}/payment`, { paid_online: true }) },
  'GET /api/v1/dossiers/{code}/hand-over-options': { expect: 'hidden', request: (o) => get(`/api/v1/dossiers/${o.dossier}/hand-over-options`) },
  'GET /api/v1/tracking-book': { expect: 'hidden', request: (o) => get(`/api/v1/tracking-book?unit=${o.unit}&from=2022-01-01&to=2030-12-31&kind=all`) },
  'GET /api/v1/tracking-book/xlsx': { expect: 'hidden', request: (o) => get(`/api/v1/tracking-book/xlsx?unit=${o.unit}&from=2022-01-01&to=2030-12-31&kind=all`) },
  'GET /api/v1/official-workload': { expect: 'hidden', request: (o) => get(`/api/v1/official-workload?unit=${o.unit}&from=2022-01-01&to=2030-12-31`) },
  'GET /api/v1/official-workload/xlsx': { expect: 'hidden', request: (o) => get(`/api/v1/official-workload/xlsx?unit=${o.unit}&from=2022-01-01&to=2030-12-31`) },
  'POST /api/v1/dossiers/bulk-events': { expect: 'hidden', request: (o) => send('POST', '/api/v1/dossiers/bulk-events', { type: 'return', codes: [o.dossier], confirm_unpaid_fee: true }) },
  'GET /api/v1/dossiers/{code}/tracking-link': { expect: 'hidden', request: (o) => get(`/api/v1/dossiers/${o.dossier}/tracking-link`) },
  'GET /api/v1/dossiers/{code}/file-history': { expect: 'hidden', request: (o) => get(`/api/v1/dossiers/${o.dossier}/file-history`) },
  'GET /api/v1/dossiers/{code}/file-history/{id}/file': { expect: 'hidden', request: (o) => get(`/api/v1/dossiers/${o.dossier}/file-history/1/file`) },
  'GET /api/v1/indicators/months': { expect: 'hidden', request: (o) => get(`/api/v1/indicators/months?unit=${o.unit}`) },
  'GET /api/v1/calendar': { expect: 'no-leak', request: () => get('/api/v1/calendar?year=2022') },
  'GET /api/v1/calendar/due': { expect: 'no-leak', request: () => get('/api/v1/calendar/due?received_at=2022-09-05T08:00:00%2B07:00&days=3') },
  'PUT /api/v1/calendar/days/{date}': { expect: 'refused', request: () => send('PUT', '/api/v1/calendar/days/2022-09-07', { kind: 'holiday', name: 'Nghỉ riêng', source: 'Không' }) },
  'DELETE /api/v1/calendar/days/{date}': { expect: 'refused', request: () => send('DELETE', '/api/v1/calendar/days/2022-09-02') },
  'GET /api/v1/targets': { expect: 'no-leak', request: () => get('/api/v1/targets?year=2023') },
  'PUT /api/v1/targets': { expect: 'hidden', request: (o) => send('PUT', '/api/v1/targets', { indicator: 'online_rate', year: 2023, unit: o.unit, minimum: 1, decided_by: 'Xã bên' }) },
  'GET /api/v1/audit': { expect: 'no-leak', request: () => get('/api/v1/audit?limit=500') },
  'GET /api/v1/feedback': { expect: 'hidden', request: (o) => get(`/api/v1/feedback?unit=${o.unit}`) },
  'POST /api/v1/feedback': { expect: 'hidden', request: (o) => send('POST', '/api/v1/feedback', { unit: o.unit, channel: 'online', summary: 'Phản ánh giả' }) },
  'GET /api/v1/feedback/{id}': { expect: 'hidden', request: (o) => get(`/api/v1/feedback/${o.feedbackId}`) },
  'POST /api/v1/feedback/{id}/steps': { expect: 'hidden', request: (o) => send('POST', `/api/v1/feedback/${o.feedbackId}/steps`, { type: 'handle' }) },
  'POST /api/v1/feedback/{id}/late-entries/{entry}/confirmation': { expect: 'hidden', request: (o) => send('POST', `/api/v1/feedback/${o.feedbackId}/late-entries/1/confirmation`, {}) },
  'GET /api/v1/metrics': { expect: 'refused', request: () => get('/api/v1/metrics') },
  'GET /api/v1/letters/cited-documents': { expect: 'hidden', request: (o) => get(`/api/v1/letters/cited-documents?unit=${o.unit}`) },
  'POST /api/v1/letters/cited-documents': {
    expect: 'hidden',
    request: (o) => send('POST', '/api/v1/letters/cited-documents', { unit: o.unit, topic: 'digitization', role: 'letter', number: '1/UBND-VP', issued_on: '2022-09-12' }),
  },
  'POST /api/v1/officials/{id}/signing-credential': {
    expect: 'hidden', request: (o) => send('POST', `/api/v1/officials/${o.officialId}/signing-credential`, { file_name: 'chung-thu.p12', content_base64: PDF, password: 'x' }),
  },
  'POST /api/v1/units/{code}/signing-credential': { expect: 'hidden', request: (o) => send('POST', `/api/v1/units/${o.unit}/signing-credential`, { file_name: 'xa.p12', content_base64: PDF, password: 'x' }) },
  'POST /api/v1/dossiers/{code}/result/sign': { expect: 'hidden', request: (o) => send('POST', `/api/v1/dossiers/${o.dossier}/result/sign`, {}) },
  'POST /api/v1/dossiers/{code}/ecert-copies': {
    expect: 'hidden', request: (o) => send('POST', `/api/v1/dossiers/${o.dossier}/ecert-copies`, { document_name: 'Giấy khai sinh', copies: 1, fee_vnd: 2000, file_name: 'ban-chinh.pdf', content_base64: PDF }),
  },
  'GET /api/v1/ecert-register': { expect: 'hidden', request: (o) => get(`/api/v1/ecert-register?unit=${o.unit}&year=2022`) },
  'GET /api/v1/ecert-register.xlsx': { expect: 'hidden', request: (o) => get(`/api/v1/ecert-register.xlsx?unit=${o.unit}&year=2022`) },
  'GET /api/v1/procedure-publications': { expect: 'no-leak', request: () => get('/api/v1/procedure-publications') },
  'GET /api/v1/procedures/{code}/publication': { expect: 'no-leak', request: () => get('/api/v1/procedures/1.001193/publication') },
  'PUT /api/v1/procedures/{code}/publication': {
    expect: 'refused',
    request: () => send('PUT', '/api/v1/procedures/1.001193/publication', {
      decision_number: '9/QĐ-UBND', decided_on: '2022-04-27', legal_basis_effective_on: '2022-05-06', made_public_on: '2022-04-28',
      national_db_updated_on: '2022-05-05', all_parts_published: false, uses_population_data: false, payment_integrated: false,
    }),
  },
  // Quang Trung's incoming directive, with its scan, is neither listed nor found by its words.
  'GET /api/v1/directives': { expect: 'no-leak', request: () => get('/api/v1/directives?q=bi+mat') },
  'GET /api/v1/procedures/{code}/forms': { expect: 'no-leak', request: () => get('/api/v1/procedures/1.001193/forms') },
  'POST /api/v1/procedures/{code}/forms': {
    expect: 'refused',
    request: () => send('POST', '/api/v1/procedures/1.001193/forms', { name: 'Tờ khai giả', file_name: 'to-khai.pdf', content_base64: PDF }),
  },
  'DELETE /api/v1/procedures/{code}/forms/{form}': { expect: 'refused', request: () => send('DELETE', '/api/v1/procedures/1.001193/forms/M01') },
  'GET /api/v1/public/procedures/{code}/forms/{form}': { expect: 'no-leak', request: () => get('/api/v1/public/procedures/1.001193/forms/M01') },
  'GET /api/v1/directives/letter-proposal': { expect: 'hidden', request: (o) => get(`/api/v1/directives/letter-proposal?unit=${o.unit}&${WEEK}`) },
  'GET /api/v1/directives/{id}': { expect: 'hidden', request: (o) => get(`/api/v1/directives/${o.directiveId}`) },
  'GET /api/v1/directives/{id}/file': { expect: 'hidden', request: (o) => get(`/api/v1/directives/${o.directiveId}/file`) },
  'GET /api/v1/directives/{id}/text': { expect: 'hidden', request: (o) => get(`/api/v1/directives/${o.directiveId}/text`) },
  'POST /api/v1/directives': {
    expect: 'hidden',
    request: (o) => send('POST', '/api/v1/directives', { unit: o.unit, direction: 'outgoing', number: '9/UBND', issued_on: '2022-09-15', issuer: 'Xã bên', subject: 'Giao việc giả', tasks: [] }),
  },
  'POST /api/v1/directives/{id}/tasks': { expect: 'hidden', request: (o) => send('POST', `/api/v1/directives/${o.directiveId}/tasks`, { tasks: [{ title: 'Việc giả', assignees: [o.unit], monitor: o.unit, recurrence: 'once', due_on: '2022-09-30' }] }) },
  'POST /api/v1/directives/import': { expect: 'hidden', request: (o) => send('POST', '/api/v1/directives/import', { unit: o.unit, file_name: 'chi-dao.csv', content_base64: Buffer.from('direction,number,issued_on,issuer,subject\nđến,1/UBND,2022-09-15,Tỉnh,Giả\n').toString('base64') }) },
  'GET /api/v1/tasks': { expect: 'hidden', request: (o) => get(`/api/v1/tasks?unit=${o.unit}`) },
  'POST /api/v1/tasks/{id}/submissions': { expect: 'hidden', request: (o) => send('POST', `/api/v1/tasks/${o.occurrenceId}/submissions`, { note: 'Nộp hộ' }) },
  'POST /api/v1/tasks/{id}/review': { expect: 'hidden', request: (o) => send('POST', `/api/v1/tasks/${o.occurrenceId}/review`, { verdict: 'accept' }) },
  'GET /api/v1/tasks/{id}/submissions/{submission}/file': { expect: 'hidden', request: (o) => get(`/api/v1/tasks/${o.occurrenceId}/submissions/${o.submissionId}/file`) },
  'POST /api/v1/tasks/reminders': { expect: 'hidden', request: (o) => send('POST', '/api/v1/tasks/reminders', { unit: o.unit }) },
  'PUT /api/v1/tasks/contacts': { expect: 'hidden', request: (o) => send('PUT', '/api/v1/tasks/contacts', { unit: o.unit, email: 'la@xa-ben.vn' }) },
}

let handle: DatabaseHandle
let app: FastifyInstance
let operations: Operation[]
let other: Other
/** What of Quang Trung must never reach An Thanh. */
let markers: string[]

beforeAll(async () => {
  ;({ handle, app } = await startApiServer({ filesDir: tempDir() }))
  await loadSmallDistrict(handle, [
    'AT-1,H23.07.01,1.001193,online,2022-09-05T08:00:00+07:00,,,,received,2,2,,0,,0,',
    'QT-BI-MAT-1,H23.07.02,1.001193,online,2022-09-05T09:00:00+07:00,,2022-09-06T09:00:00+07:00,,finished,2,2,true,0,,0,',
  ])
  await handle.db.transaction().execute((trx) =>
    saveProcedures(trx, [{
      code: '1.004873', name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân', field: 'Hộ tịch', level: 'commune', onlineLevel: 'full', processingDays: 3, feeVnd: 0,
      components: [{ name: 'Tờ khai', required: true }],
    }]),
  )
  // Quang Trung's own data, entered by its own officials.
  const quangTrung = await signIn(app, handle, 'system_admin', 'H23.07.02')
  const ok = async (response: Promise<LightMyRequestResponse>) => {
    const r = await response
    if (r.statusCode !== 200) throw new Error(`setup: ${r.statusCode} ${r.body}`)
    return r.json() as { id: string | number; code: string }
  }
  // A dossier received at Quang Trung's desk, with a scanned component and a signed result.
  const dossier = await ok(quangTrung.inject(send('POST', '/api/v1/dossiers', { unit: 'H23.07.02', procedure_code: '1.004873', applicant: { name: 'Người Dân Quang Trung' }, channel: 'direct', received_components: [1] })))
  await ok(quangTrung.inject(send('POST', `/api/v1/dossiers/${dossier.code}/components/1/file`, { file_name: 'to-khai-quang-trung.pdf', content_base64: PDF })))
  // Scanned again: the first scan stays in the dossier's file history (replacement 1).
  await ok(quangTrung.inject(send('POST', `/api/v1/dossiers/${dossier.code}/components/1/file`, { file_name: 'to-khai-quang-trung-lan-2.pdf', content_base64: PDF })))
  // Approval is a leader's, not the receiver's.
  const quangTrungLeader = await signIn(app, handle, 'leader', 'H23.07.02')
  for (const [by, type] of [[quangTrung, 'hand_over'], [quangTrung, 'submit_for_signature'], [quangTrungLeader, 'approve'], [quangTrung, 'finish']] as const) {
    await ok(by.inject(send('POST', `/api/v1/dossiers/${dossier.code}/events`, { type })))
  }
  await ok(quangTrung.inject(send('POST', `/api/v1/dossiers/${dossier.code}/result-file`, { file_name: 'ket-qua-quang-trung.pdf', content_base64: PDF })))
  const official = await ok(quangTrung.inject(send('POST', '/api/v1/officials', { full_name: 'Cán Bộ Quang Trung Bí Mật', unit: 'H23.07.02' })))
  const feedback = await ok(quangTrung.inject(send('POST', '/api/v1/feedback', { unit: 'H23.07.02', channel: 'phone', summary: 'Phản ánh bí mật của Quang Trung' })))
  // A unit's target is assigned by the level above: Tứ Kỳ gives Quang Trung its own.
  const tuKyAdmin = await signIn(app, handle, 'system_admin', 'H23.07')
  await ok(tuKyAdmin.inject(send('PUT', '/api/v1/targets', { indicator: 'online_rate', year: 2023, unit: 'H23.07.02', minimum: 77.7, decided_by: 'Quyết định bí mật của Quang Trung' })))
  // A directive Quang Trung received, its task, and the report it submitted with a file.
  const directive = await ok(quangTrung.inject(send('POST', '/api/v1/directives', {
    unit: 'H23.07.02', direction: 'incoming', number: '77/UBND-BI-MAT', issued_on: '2022-09-15', issuer: 'UBND huyện Tứ Kỳ', subject: 'Chỉ đạo bí mật của Quang Trung',
    file: { file_name: 'chi-dao-quang-trung.pdf', content_base64: PDF },
    tasks: [{ title: 'Báo cáo bí mật của Quang Trung', assignees: ['H23.07.02'], monitor: 'H23.07.02', recurrence: 'once', due_on: '2022-09-30' }],
  }))) as unknown as { id: number; tasks: { id: number }[] }
  const occurrenceId = directive.tasks[0]!.id
  const submitted = (await ok(quangTrung.inject(send('POST', `/api/v1/tasks/${occurrenceId}/submissions`, { note: 'Báo cáo bí mật', file: { file_name: 'bao-cao-quang-trung.pdf', content_base64: PDF } })))) as unknown as { submissions: { id: number }[] }
  other = {
    unit: 'H23.07.02', dossier: dossier.code, feedbackId: String(feedback.id), officialId: String(official.id), otherUser: quangTrung.username,
    directiveId: String(directive.id), occurrenceId: String(occurrenceId), submissionId: String(submitted.submissions[0]!.id),
  }
  markers = ['H23.07.02', 'Quang Trung', 'QT-BI-MAT', dossier.code, feedback.code, 'bí mật', quangTrung.username]
  operations = await operationsOf(app)
})
afterAll(async () => {
  await stopApiServer({ handle, app })
})

interface Walker { inject: (options: InjectOptions) => Promise<LightMyRequestResponse>; fresh: () => Promise<Walker> }

async function anThanhAdmin(): Promise<Walker> {
  const session: SignedIn = await signIn(app, handle, 'system_admin', 'H23.07.01')
  return { inject: (o) => session.inject(o), fresh: anThanhAdmin }
}
async function anThanhToken(): Promise<Walker> {
  const unit = await handle.db.selectFrom('units').select('id').where('code', '=', 'H23.07.01').executeTakeFirstOrThrow()
  const scopes = PERMISSIONS.filter((p) => !actsOnSharedData(p))
  const { token } = await issueApiToken(handle.db, { name: `an-thanh-${Date.now()}`, unitId: unit.id, scopes, days: 1, createdBy: null })
  return { inject: (o) => app.inject({ ...o, headers: { ...o.headers, authorization: `Bearer ${token}` } }), fresh: anThanhToken }
}

describe('every route of the OpenAPI document, walked by An Thanh with Quang Trung’s codes', () => {
  it('every operation is classified (a new route must say what it may show another commune), and none is classified twice or stale', () => {
    const documented = operations.map(operationName)
    expect(documented.filter((name) => !(name in PROBES))).toEqual([])
    expect(Object.keys(PROBES).filter((name) => !documented.includes(name))).toEqual([])
  })

  for (const [label, walker] of [['An Thanh’s system administrator', anThanhAdmin], ['An Thanh’s API token with every scope it may hold', anThanhToken]] as const) {
    it(`${label}: nothing of Quang Trung comes back, and nothing answers 500`, async () => {
      const who = await walker()
      const seen: { operation: string; status: number; leaked: string[] }[] = []
      const wrong: typeof seen = []
      for (const operation of operations) {
        const name = operationName(operation)
        const probe = PROBES[name]!
        const caller = probe.ownSession ? await who.fresh() : who
        const response = await caller.inject(probe.request(other))
        const leaked = response.statusCode < 300 ? markers.filter((m) => response.body.includes(m)) : []
        const result = { operation: name, status: response.statusCode, leaked }
        seen.push(result)
        const fine =
          response.statusCode < 500 && leaked.length === 0 &&
          (probe.expect === 'hidden' ? response.statusCode === 404 : probe.expect === 'refused' ? response.statusCode === 403 : true)
        if (!fine) wrong.push(result)
      }
      expect(wrong).toEqual([])
      expect(seen.length).toBe(operations.length)
    })
  }

  it('the probes are real: the district, which sees Quang Trung, gets an answer to every hidden read', async () => {
    const district = await signIn(app, handle, 'system_admin', 'H23.07')
    const reads = operations.filter((o) => o.method === 'GET' && PROBES[operationName(o)]!.expect === 'hidden')
    expect(reads.length).toBeGreaterThan(10)
    const failed: { operation: string; status: number }[] = []
    for (const operation of reads) {
      const response = await district.inject(PROBES[operationName(operation)]!.request(other))
      if (response.statusCode !== 200) failed.push({ operation: operationName(operation), status: response.statusCode })
    }
    expect(failed).toEqual([])
  })
})
