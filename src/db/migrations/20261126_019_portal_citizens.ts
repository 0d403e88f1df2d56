import type { Kysely } from 'kysely'
import { runSqlScript } from '../run-script.js'

/*
 * The citizens' portal (cổng dịch vụ công của tỉnh):
 * - portal_otps: one-time codes sent by SMS, kept only as a hash, short-lived, a few attempts;
 * - portal_sessions: what a verified phone (or an OpenID Connect login) may do for a while, by
 *   the hash of a random token;
 * - portal_submissions: the dossiers submitted online and how to tell their applicant (the
 *   phone verified, an e-mail address if given), one row per dossier;
 * - portal_payments: fees paid through a payment gateway, by the merchant's transaction
 *   reference, with the gateway's answers (idempotent), reconciliation and refunds;
 * - portal_oidc_logins: the state, nonce and PKCE verifier of a login under way.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, `
    create table portal_otps (
      id bigint generated always as identity primary key,
      phone text not null check (phone ~ '^0[0-9]{9}$'),
      code_hash text not null,
      expires_at timestamptz not null,
      attempts integer not null default 0 check (attempts >= 0),
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index portal_otps_phone on portal_otps (phone, created_at);

    create table portal_sessions (
      token_hash text primary key,
      phone text check (phone is null or phone ~ '^0[0-9]{9}$'),
      oidc_subject text check (oidc_subject is null or length(oidc_subject) between 1 and 255),
      full_name text check (full_name is null or length(full_name) <= 200),
      expires_at timestamptz not null,
      created_at timestamptz not null default now(),
      check (phone is not null or oidc_subject is not null)
    );

    create table portal_submissions (
      dossier_id bigint primary key references dossiers(id),
      phone text not null check (phone ~ '^0[0-9]{9}$'),
      email text check (email is null or length(email) <= 320),
      oidc_subject text,
      submitted_at timestamptz not null default now()
    );

    create table portal_payments (
      id bigint generated always as identity primary key,
      dossier_id bigint not null references dossiers(id),
      txn_ref text not null unique check (txn_ref ~ '^[A-Za-z0-9]{8,40}$'),
      gateway text not null check (gateway ~ '^[a-z0-9_-]{1,40}$'),
      amount_vnd bigint not null check (amount_vnd > 0),
      status text not null default 'pending' check (status in ('pending', 'paid', 'failed', 'refunded')),
      gateway_transaction_no text,
      response_code text,
      created_at timestamptz not null default now(),
      paid_at timestamptz,
      refunded_at timestamptz,
      refund_reason text
    );
    create index portal_payments_dossier on portal_payments (dossier_id);

    create table portal_oidc_logins (
      state text primary key check (length(state) between 16 and 200),
      nonce text not null,
      code_verifier text not null,
      return_to text not null default '/cong-dich-vu/',
      expires_at timestamptz not null
    );
  `)
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await runSqlScript(db, 'drop table if exists portal_oidc_logins, portal_payments, portal_submissions, portal_sessions, portal_otps;')
}
