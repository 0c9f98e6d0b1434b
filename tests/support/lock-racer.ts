// A child process for tests/integration/data-dir-lock.test.ts: it races other children for the lock of a data folder.
// Messages from the parent (IPC): { race: dir, at } → at the instant `at` (Date.now() clock) it calls lockDataDir(dir)
// and answers { got, error, pid }; { release: true } → it releases what it holds and answers { released: true };
// { hold: dir } → it takes the lock and answers { held: content } (the parent then kills it, leaving a stale lock).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDir } from '../../app/shared/db/lock.ts';

type Message = { race: string; at: number } | { release: true } | { hold: string } | { exit: true };

let release: (() => void) | null = null;
const send = (message: object) => process.send!(message);

process.on('message', (message: Message) => {
  if ('race' in message) {
    const dir = message.race;
    const attempt = () => {
      while (Date.now() < message.at) {
        /* spin the last milliseconds, so that the children start together */
      }
      try {
        release = lockDataDir(dir);
        send({ got: true, pid: process.pid });
      } catch (error) {
        send({ got: false, error: (error as Error).name, pid: process.pid });
      }
    };
    setTimeout(attempt, Math.max(0, message.at - Date.now() - 3));
  } else if ('release' in message) {
    release?.();
    release = null;
    send({ released: true });
  } else if ('hold' in message) {
    release = lockDataDir(message.hold);
    send({ held: readFileSync(join(message.hold, 'cantiere.lock'), 'utf8') });
  } else {
    process.exit(0);
  }
});
send({ ready: true });
