// The nature of a spending row: the three macro-types of the ISTAT survey on the social services of the comuni
// («Indagine sugli interventi e servizi sociali dei comuni singoli o associati»): interventi e servizi, trasferimenti in
// denaro (contributi), strutture. Optional: a row without it is spending whose nature the source does not state.

export const SPENDING_NATURES = ['servizi', 'contributi', 'strutture'] as const;
export type SpendingNature = (typeof SPENDING_NATURES)[number];

/** The names a file may use for each nature (compared without case, accents and extra spaces). */
const NAMES: Record<SpendingNature, readonly string[]> = {
  servizi: ['servizi', 'interventi e servizi', 'servizio'],
  contributi: ['contributi', 'trasferimenti in denaro', 'contributi economici', 'contributo'],
  strutture: ['strutture', 'struttura'],
};

const key = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Reads the nature cell of a spending row: blank → null (not stated); a code or a name of the list → its code;
 * anything else → undefined (the caller reports it with the file, row and column).
 */
export function readSpendingNature(raw: string | undefined): SpendingNature | null | undefined {
  const k = key(raw ?? '');
  if (k === '') return null;
  return SPENDING_NATURES.find((n) => NAMES[n].includes(k));
}
