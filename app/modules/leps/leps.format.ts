/** Italian number with at most `decimals` digits (5.000; 4.940,5). */
export const num = (n: number, decimals = 0) => new Intl.NumberFormat('it-IT', { maximumFractionDigits: decimals, useGrouping: 'always' }).format(n);
