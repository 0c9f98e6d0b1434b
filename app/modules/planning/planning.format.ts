/** Euro from integer cents, the Italian way (1.480.000 €; cents shown only when there are any). */
export const euro = (cents: number) =>
  new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR', maximumFractionDigits: cents % 100 === 0 ? 0 : 2, useGrouping: 'always' }).format(
    cents / 100,
  );
