import type { RouterContextProvider } from 'react-router';
import { isLoopback } from '../../shared/config.ts';
import { AppError } from '../../shared/errors.ts';
import { getServices } from '../../shared/http/request.server.ts';

/**
 * The base of the links sent by e-mail: the installation's public address (CANTIERE_PUBLIC_URL). Never the address the
 * request says it was sent to: its Host header is the sender's to write, and a reset link built on it would carry the
 * secret to the sender's site. Without a public address only a server reached on loopback (development, a laptop)
 * builds links on its own address; anywhere else the links are refused with a message for the administrator.
 */
export function linkBase(context: Readonly<RouterContextProvider>, request: Request): string {
  const configured = getServices(context).config.publicUrl;
  if (configured) return configured;
  if (isLoopback(request.url)) return new URL(request.url).origin;
  throw new AppError('recovery.not_configured', { key: 'recovery.notConfigured' }, 503);
}
