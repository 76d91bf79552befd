import 'server-only';
import nodemailer from 'nodemailer';
import { smtpSettings } from '@/lib/config';

/** Whether outgoing email is configured (SMTP_HOST and SMTP_FROM). */
export const emailEnabled = () => smtpSettings() !== null;

/** Sends a plain-text email when SMTP is configured; returns whether it was sent. */
export async function sendEmail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const smtp = smtpSettings();
  if (!smtp) return false;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
  });
  try {
    await transport.sendMail({ from: smtp.from, ...message });
    return true;
  } catch (error) {
    console.error('Could not send email', error);
    return false;
  }
}
