import 'server-only';
import nodemailer from 'nodemailer';

/** Whether outgoing email is configured (SMTP_HOST and SMTP_FROM). */
export const emailEnabled = () => Boolean(process.env.SMTP_HOST && process.env.SMTP_FROM);

/** Sends a plain-text email when SMTP is configured; returns whether it was sent. */
export async function sendEmail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  if (!emailEnabled()) return false;
  const transport = nodemailer.createTransport({
    host: process.env.SMTP_HOST,
    port: Number(process.env.SMTP_PORT) || 587,
    secure: process.env.SMTP_SECURE === 'true',
    auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD } : undefined,
  });
  try {
    await transport.sendMail({ from: process.env.SMTP_FROM, ...message });
    return true;
  } catch (error) {
    console.error('Could not send email', error);
    return false;
  }
}
