import type { RouterContextProvider } from 'react-router';
import { getServices } from '../../shared/http/request.server.ts';

/** The base of the links sent by e-mail: the installation's public address, or the origin of the request. */
export function linkBase(context: Readonly<RouterContextProvider>, request: Request): string {
  return getServices(context).config.publicUrl ?? new URL(request.url).origin;
}
