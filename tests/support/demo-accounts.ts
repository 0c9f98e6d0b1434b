// The demo's accounts (fixtures/demo, loaded by the demo's own importers) and their shared password: the end-to-end
// tests, the fuzzing suite and the soak bench sign in as these.
export const DEMO_PASSWORD = 'cantiere-demo';
export const DEMO_ACCOUNTS = {
  admin: 'admin@cantiere.example',
  coordinator: 'coordinatrice@cantiere.example',
  staff: 'ufficio.piano@cantiere.example',
  comune_referent: 'referente.samarate@cantiere.example',
  third_sector: 'terzo.settore@cantiere.example',
  mayor: 'sindaco.gallarate@cantiere.example',
  regional_reviewer: 'regione@cantiere.example',
} as const;
