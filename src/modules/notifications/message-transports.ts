import { appendFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import nodemailer from 'nodemailer'
import type { MessageChannel } from '../../domain/notifications/outgoing-message.js'

/** What a transport is given to send: the stored message. */
export interface MessageToSend {
  id: number
  recipient: string
  subject: string
  body: string
}

/** Sends one message or throws with the reason (kept as the message's last error). */
export interface MessageTransport {
  send(message: MessageToSend): Promise<void>
  close?(): Promise<void>
}

export type MessageTransports = Partial<Record<MessageChannel, MessageTransport>>

/** E-mail through an SMTP server (smtp://user:pass@host:port, smtps://… for TLS) with nodemailer. */
export function createSmtpTransport(smtpUrl: string, from: string): MessageTransport {
  const transporter = nodemailer.createTransport(smtpUrl)
  return {
    async send(message) {
      await transporter.sendMail({ from, to: message.recipient, subject: message.subject, text: message.body, headers: { 'X-Motcua-Message': String(message.id) } })
    },
    async close() {
      transporter.close()
    },
  }
}

/**
 * SMS through an HTTP gateway (the SMS brand-name services take a JSON POST): body
 * `{ to, text, ref }` with a bearer token; any status other than 2xx is a failure to retry.
 */
export function createHttpSmsTransport(gatewayUrl: string, token: string | undefined): MessageTransport {
  return {
    async send(message) {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to: message.recipient, text: message.body, ref: String(message.id) }),
        signal: AbortSignal.timeout(15_000),
      })
      if (!response.ok) throw new Error(`cổng SMS trả lời ${response.status} ${response.statusText}`)
    },
  }
}

/**
 * SMS written, one JSON line each, to a spool file that an SMS gateway's forwarder (or a person)
 * picks up: the default when no gateway is configured, so nothing is lost and nothing pretends
 * to have been delivered to a phone.
 */
export function createSpoolSmsTransport(spoolFile: string): MessageTransport {
  return {
    async send(message) {
      await mkdir(dirname(spoolFile), { recursive: true })
      await appendFile(spoolFile, `${JSON.stringify({ id: message.id, to: message.recipient, text: message.body, at: new Date().toISOString() })}\n`, 'utf8')
    },
  }
}
