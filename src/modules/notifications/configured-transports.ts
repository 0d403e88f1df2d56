import { join } from 'node:path'
import type { AppConfig } from '../../config/app-config.js'
import { createHttpSmsTransport, createSmtpTransport, createSpoolSmsTransport, type MessageTransports } from './message-transports.js'

/** The transports the configuration names: e-mail only with an SMTP server; SMS to a gateway or the spool file. */
export function configuredTransports(config: Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'smsUrl' | 'smsToken' | 'dataDir'>): MessageTransports {
  return {
    ...(config.smtpUrl ? { email: createSmtpTransport(config.smtpUrl, config.mailFrom) } : {}),
    sms: config.smsUrl ? createHttpSmsTransport(config.smsUrl, config.smsToken) : createSpoolSmsTransport(smsSpoolPath(config.dataDir)),
  }
}

export const smsSpoolPath = (dataDir: string) => join(dataDir, 'sms-spool.jsonl')
