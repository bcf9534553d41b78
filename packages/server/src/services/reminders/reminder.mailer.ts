import { createTransport } from 'nodemailer';
import type { SmtpConfig } from '../../config.js';

/** One plain-text e-mail. */
export type Mail = { to: string; subject: string; text: string };

/** Sends e-mails for one reminder run; `close` ends the SMTP connection. */
export type Mailer = { send(mail: Mail): Promise<{ messageId: string }>; close(): void };

/**
 * Generous but finite timeouts: a silent SMTP server fails the attempt (logged, retried on the
 * next run) instead of holding the reminder job for ever.
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** A mailer over the configured SMTP server (nodemailer). */
export function smtpMailer(config: SmtpConfig): Mailer {
  const transport = createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.auth === undefined ? {} : { auth: { user: config.auth.user, pass: config.auth.pass } }),
    ...TIMEOUTS,
  });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
      return { messageId: info.messageId };
    },
    close() {
      transport.close();
    },
  };
}
