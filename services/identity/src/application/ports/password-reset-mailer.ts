/** The mail with a reset link (SMTP in production; embedded mode's mail catcher is an SMTP server too). */
export interface ResetMail {
  readonly to: string;
  readonly name: string | null;
  /** The app's page that sets the new password, with the token. */
  readonly link: string;
  readonly expiresAt: Date;
}

export interface PasswordResetMailer {
  send(mail: ResetMail): Promise<void>;
  close(): void;
}
