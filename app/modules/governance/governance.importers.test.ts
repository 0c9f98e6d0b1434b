import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ValidationError } from '../../shared/errors.ts';
import { fromRoot } from '../../shared/paths.ts';
import { GOVERNANCE_FILES, parseGovernanceFiles, type GovernanceFileName } from './governance.importers.ts';

const demo = () =>
  Object.keys(GOVERNANCE_FILES).map((name) => ({ name, text: readFileSync(fromRoot('fixtures', 'demo', 'gallarate', 'governance', name), 'utf8') }));

/** A file of a bundle: its expected header (';'-separated), then these rows. */
const file = (name: GovernanceFileName, ...rows: string[]) => ({ name, text: [GOVERNANCE_FILES[name].join(';'), ...rows, ''].join('\n') });

function issuesOf(files: { name: string; text: string }[]): string[] {
  try {
    parseGovernanceFiles(files);
    return [];
  } catch (e) {
    assert.ok(e instanceof ValidationError);
    return e.issues.map((i) => `${i.path}: ${i.message}`);
  }
}

test('the Gallarate governance fixtures (seed 002) parse: 11 organisations, 11 people, 8 bodies, 9 mayors, the Accordo with 11 signatures', () => {
  const bundle = parseGovernanceFiles(demo());
  assert.equal(bundle.organisations.length, 11);
  assert.deepEqual(
    bundle.organisations.filter((o) => o.kind === 'comune').map((o) => o.comuneIstatCode),
    ['012070', '012002', '012029', '012040', '012048', '012085', '012107', '012118', '012121'],
  );
  assert.equal(bundle.people.length, 11);
  const tematico = 'tavolo_tematico coprogettazione';
  assert.deepEqual(
    bundle.bodies.map((b) => `${b.type} ${b.kind}`),
    ['assemblea_sindaci politico', 'ufficio_di_piano tecnico', 'tavolo_tecnici tecnico', 'tavolo_terzo_settore consultivo', ...Array(4).fill(tematico)],
  );
  assert.deepEqual(bundle.bodies[0]!.votingRule, { type: 'majority_present', abstentionsCountAsAgainst: true });
  assert.ok(bundle.bodies.slice(1).every((b) => b.votingRule === null));
  assert.deepEqual(
    bundle.bodies.filter((b) => b.type === 'tavolo_tematico').map((b) => b.name.replace('Tavolo Tematico ', '')),
    ['Povertà Integrazione e Multietnicità, Salute Mentale, Prevenzione Dipendenze', 'Anziani', 'Persone con disabilità', 'Minori e Famiglie'],
  );
  assert.equal(bundle.members.length, 9);
  assert.deepEqual(
    bundle.members.filter((m) => m.position === 'presidente').map((m) => [m.person, m.comuneIstatCode]),
    [['Andrea Cassani', '012070']],
  );
  assert.ok(
    bundle.members.every((m) => m.validFrom === null && m.validTo === null),
    'the seed gives no dates for the mayors',
  );
  assert.deepEqual(bundle.agreement && { ...bundle.agreement, file: undefined, line: undefined }, {
    file: undefined,
    line: undefined,
    title: 'Accordo di Programma per la realizzazione del Piano di Zona 2025-2027',
    periodStartYear: 2025,
    periodEndYear: 2027,
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    adoptedOn: '2024-12-02',
  });
  assert.equal(bundle.parties.length, 11);
  assert.equal(bundle.parties.filter((p) => p.signerName).length, 11);
  assert.deepEqual(
    bundle.parties.filter((p) => p.signerRole === 'Direttore Generale').map((p) => p.signerName),
    ['Salvatore Gioia', 'Daniela Bianchi'],
  );
  assert.ok(bundle.parties.every((p) => p.signedOn === null));
});

test('every problem of a bundle is named by file, row and column, and nothing is returned', () => {
  const issues = issuesOf([
    file('organizzazioni.csv', 'Comune di Gallarate;comune;;;12070;;', 'CGIL;sindacato;;123;;;', 'CGIL;sindacato;;;;;'),
    file('organi.csv', 'Assemblea;assemblea_sindaci;politico;;;population_weighted;;;;presenti;100;;', 'Tavolo;tavolo_tecnici;tecnico;;;;;;;;;componenti;50'),
    file('accordo.csv', 'Accordo;2025;2027;01.01.2025;2027-12-31;'),
    { name: 'verbali.csv', text: 'x\n1\n' },
  ]);
  assert.deepEqual(issues, [
    'organizzazioni.csv, riga 2, colonna codice_istat_comune: il codice ISTAT del comune ha 6 cifre (es. 012070)',
    'organizzazioni.csv, riga 3, colonna numero_runts: Il numero RUNTS riguarda gli enti del Terzo settore, non il tipo «Organizzazione sindacale».',
    'organi.csv, riga 2, colonna soglia_percentuale: la soglia deve essere inferiore al 100 % (è «più del» …%)',
    'organi.csv, riga 3, colonna regola: hai indicato i parametri di una regola di voto senza la regola',
    'accordo.csv, riga 2, colonna valido_dal: data non valida: usa il formato AAAA-MM-GG (es. 2025-01-01)',
    'verbali.csv: file non previsto (attesi: organizzazioni.csv, persone.csv, organi.csv, componenti.csv, accordo.csv, accordo-parti.csv)',
  ]);
  assert.deepEqual(issuesOf([{ name: 'persone.csv', text: 'nome;ruolo\nMario Rossi;Sindaco\n' }]), [
    'persone.csv, riga 1: colonne mancanti nell’intestazione: organizzazione, email (attese: nome, ruolo, organizzazione, email)',
  ]);
  assert.deepEqual(issuesOf([file('accordo-parti.csv', 'Comune di Gallarate;sottoscrittore;Andrea Cassani;;', 'Comune di Gallarate;aderente;;;')]), [
    'accordo-parti.csv, riga 2, colonna ruolo_firmatario: per una firma servono sia il firmatario sia il suo ruolo',
    'accordo-parti.csv: le parti si importano insieme all’Accordo (file accordo.csv)',
  ]);
});

test('the same name twice in a file is refused at its second row', () => {
  assert.deepEqual(
    issuesOf([
      {
        name: 'organizzazioni.csv',
        text: 'nome,tipo,codice_fiscale,numero_runts,codice_istat_comune,email,indirizzo\nCaritas,ente_religioso,,,,,\ncaritas ,ente_religioso,,,,,\n',
      },
    ]),
    ['organizzazioni.csv, riga 3, colonna nome: organizzazione già presente alla riga 2'],
  );
});
