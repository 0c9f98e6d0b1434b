// The services-catalogue module's interface words (carta dei servizi), Italian first.
export const it = {
  'nav.services': 'Servizi',
  'svc.name': 'Catalogo dei servizi',
};

export const en: Record<keyof typeof it, string> = {
  'nav.services': 'Services',
  'svc.name': 'Services catalogue',
};
