import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from './sessions';

/** Hands the browser its session cookie: HTTP-only, same-site lax, secure whenever the site is https. */
export function setSessionCookie(reply: FastifyReply, publicUrl: string, session: { token: string; expiresAt: Date }): void {
  reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure: publicUrl.startsWith('https:'), path: '/', expires: session.expiresAt });
}
