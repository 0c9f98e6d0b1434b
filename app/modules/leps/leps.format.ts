/** Italian number with at most `decimals` digits (5.000; 4.940,5). */
export const num = (n: number, decimals = 0) => new Intl.NumberFormat('it-IT', { maximumFractionDigits: decimals, useGrouping: 'always' }).format(n);

/** Decimals of every FTE (ETP) figure shown to people: computed to 4 decimals, always displayed with 2. */
export const FTE_DISPLAY_DECIMALS = 2;

/** An FTE figure as shown everywhere (30,7138 → «30,71»; 0,5 → «0,50»; 11 → «11,00»). */
export const fte = (n: number) =>
  new Intl.NumberFormat('it-IT', { minimumFractionDigits: FTE_DISPLAY_DECIMALS, maximumFractionDigits: FTE_DISPLAY_DECIMALS, useGrouping: 'always' }).format(n);
