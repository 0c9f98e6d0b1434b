// Parts shared by the LEPS pages.
import { FilterField } from '../../shared/ui/kit.ts';

/** The year field of the LEPS pages' filter forms (`?anno=`, see yearFromUrl). */
export function YearField({ label, year, col }: { label: string; year: number; col?: string }) {
  return (
    <FilterField id="anno" label={label} col={col}>
      <input id="anno" name="anno" type="number" min={2000} max={2100} defaultValue={year} className="form-control" />
    </FilterField>
  );
}
