import { data } from 'react-router';

export function loader() {
  throw data('Pagina non trovata', { status: 404 });
}

export default function NotFound() {
  return null;
}
