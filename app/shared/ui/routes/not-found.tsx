import { data } from 'react-router';
import { tr } from '../../i18n/tr.server.ts';

export function loader() {
  throw data(tr('error.notFound'), { status: 404 });
}

export default function NotFound() {
  return null;
}
