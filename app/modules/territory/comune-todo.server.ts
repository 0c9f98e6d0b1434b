/**
 * What the Ufficio di Piano is waiting for from one comune: a composition over the public queries of monitoring
 * (values of the indicators measured per comune), leps (the comune's social workers) and finance (the comune's
 * social spending). Territory owns the comune; the other modules are only read, never written.
 */
import type { DbOrTx } from '../../shared/db/client.ts';
import { listSpendingFacts } from '../finance/index.server.ts';
import { listSocialWorkerPosts } from '../leps/index.server.ts';
import { listComuneDue } from '../monitoring/index.server.ts';

export async function getComuneTodo(db: DbOrTx, ambito: { id: string; code: string }, comune: { id: string }, today: string) {
  const year = Number(today.slice(0, 4));
  const base = `/ambiti/${ambito.code}`;
  const [due, posts, spending] = await Promise.all([
    listComuneDue(db, ambito.id, comune.id, today),
    listSocialWorkerPosts(db, ambito.id),
    listSpendingFacts(db, ambito.id),
  ]);
  // Social workers of the comune in service at some time in the current year.
  const own = posts.filter(
    (r) => r.post.comuneId === comune.id && r.post.validFrom <= `${year}-12-31` && (r.post.validTo === null || r.post.validTo >= `${year}-01-01`),
  );
  const fteSum = Math.round(own.reduce((s, r) => s + r.post.fte * 10_000, 0)) / 10_000;
  const spendingYear = year - 1;
  const hasSpending = spending.some((f) => f.comuneId === comune.id && f.year === spendingYear);
  const indicatorItems = due.map((d) => ({ ...d, href: `${base}/monitoraggio/${d.planId}/indicatori/${d.indicatorId}#inserisci` }));
  const closed = indicatorItems.filter((d) => d.state === 'closed');
  const open = indicatorItems.filter((d) => d.state === 'open');
  return {
    today,
    closed,
    open,
    staff: { year, posts: own.length, fte: fteSum, missing: own.length === 0, href: `${base}/leps/assistenti-sociali?anno=${year}#nuovo` },
    spending: { year: spendingYear, missing: !hasSpending, href: `${base}/risorse/importa` },
    /** Items still to be done: periods without the value (closed and open), staff and spending when missing. */
    count: closed.length + open.length + (own.length === 0 ? 1 : 0) + (hasSpending ? 0 : 1),
  };
}
