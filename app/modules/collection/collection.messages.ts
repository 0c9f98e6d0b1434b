// The data-requests module's interface words (raccolte dati dai comuni), Italian first.
export const it = {
  'nav.collection': 'Raccolte dati',
  'coll.name': 'Raccolte dati dai comuni',
};

export const en: Record<keyof typeof it, string> = {
  'nav.collection': 'Data requests',
  'coll.name': 'Data requests to the comuni',
};
