/** The cookie that carries the refresh token: httpOnly, Secure, SameSite=Strict, sent only to /graphql. */
export const refreshCookieName = 'mindflow_refresh';

const attributes = 'Path=/graphql; HttpOnly; Secure; SameSite=Strict';

export function refreshCookie(token: string, expiresAt: Date, now: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return `${refreshCookieName}=${token}; Max-Age=${maxAge}; ${attributes}`;
}

export function clearedRefreshCookie(): string {
  return `${refreshCookieName}=; Max-Age=0; ${attributes}`;
}

/** The refresh token from a `Cookie` header, if the client sent one. */
export function refreshTokenFrom(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === refreshCookieName) return value.join('=') || undefined;
  }
  return undefined;
}
