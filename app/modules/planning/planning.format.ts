import { formatMoney } from '../../shared/format/index.ts';

/**
 * Euro from integer cents, the Italian way (1.480.000 €; cents shown only when there are any).
 * @deprecated Use the shared formats (app/shared/format): `f.money(cents)` from `useI18n()` on a page,
 * `serverFormat().money(cents)` on the server. Kept only for the modules still importing it; delete it when none does.
 */
export const euro = (cents: number) => formatMoney('it', cents);
