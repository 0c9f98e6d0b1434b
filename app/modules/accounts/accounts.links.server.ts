import type { RouterContextProvider } from 'react-router';
import { AppError } from '../../shared/errors.ts';
import { getServices } from '../../shared/http/request.server.ts';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The base of the links sent by e-mail: the installation's public address (CANTIERE_PUBLIC_URL). Never the address the
 * request says it was sent to: its Host header is the sender's to write, and a reset link built on it would carry the
 * secret to the sender's site. Without a public address only a server reached on loopback (development, a laptop)
 * builds links on its own address; anywhere else the links are refused with a message for the administrator.
 */
export function linkBase(context: Readonly<RouterContextProvider>, request: Request): string {
  const configured = getServices(context).config.publicUrl;
  if (configured) return configured.replace(/\/+$/, '');
  const here = new URL(request.url);
  if (LOOPBACK.has(here.hostname)) return here.origin;
  throw new AppError('recovery.not_configured', { key: 'recovery.notConfigured' }, 503);
}
