import { useI18n } from '../../../shared/ui/i18n.tsx';
import type { ShownValue } from '../monitoring.rules.ts';
import { periodText, valueText } from './value-text.ts';

/** A measured value on a page: text entered as a stage or state is data (not translated). */
export function MeasuredValue({ value }: { value: ShownValue }) {
  const { t, f } = useI18n();
  const text = valueText(value, f, t);
  return value.type === 'text' ? <span translate="no">{text}</span> : <>{text}</>;
}

/** A list of periods in words: «1° semestre 2025, 2° semestre 2025». */
export function usePeriods() {
  const { t } = useI18n();
  return (keys: readonly string[]) => keys.map((k) => periodText(k, t)).join(', ');
}

/** A grade of the regional grid: «67 % (sufficiente)», «76,56 % (sufficiente)». */
export function useGrade() {
  const { t, f } = useI18n();
  return (percent: number, band: string, decimals: number) =>
    t('mon.grade', { percent: f.percent(percent, decimals), band: t(`mon.band.${band as 'nullo' | 'insufficiente' | 'sufficiente' | 'buono' | 'ottimo'}`) });
}
