import type { InputHTMLAttributes, ReactNode } from 'react';
import { IntentField, IntentForm, selectClass, useI18n } from '../../../shared/ui/kit.ts';

/** What every field of a planning form's grid has: its column, its form (intent), its name, label and errors. */
type GridFieldProps = {
  /** The column classes of the grid, e.g. `col-12 col-md-6`. */
  col: string;
  intent: string;
  name: string;
  label: string;
  /** The form's field errors (useFormResult): the field shows its own. */
  errors: Record<string, string | undefined>;
  hint?: string;
};

type Control = Parameters<typeof IntentField>[0]['children'];

/** The column and the IntentField (label, hint, error) around a control. */
function GridCell({ field: { col, intent, name, label, errors, hint }, control }: { field: GridFieldProps; control: Control }) {
  return (
    <div className={col}>
      <IntentField intent={intent} name={name} label={label} hint={hint} error={errors[name]}>
        {control}
      </IntentField>
    </div>
  );
}

/** An input (text unless `type` says otherwise) in a column of a form's grid. */
export function GridInput({
  col,
  intent,
  name,
  label,
  errors,
  hint,
  type = 'text',
  ...input
}: GridFieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'className'>) {
  return <GridCell field={{ col, intent, name, label, errors, hint }} control={(p) => <input {...p} type={type} {...input} />} />;
}

/** A select of the given options in a column of a form's grid; `translate="no"` when the options are data. */
export function GridSelect(props: GridFieldProps & { defaultValue?: string; translate?: 'no'; children: ReactNode }) {
  return (
    <GridCell
      field={props}
      control={(p) => (
        <select {...p} className={selectClass(props.errors[props.name])} defaultValue={props.defaultValue} translate={props.translate}>
          {props.children}
        </select>
      )}
    />
  );
}

/** The form that adds an objective to the plan, an action or a budget line to an objective (outlined submit button). */
export function AddForm({
  what,
  actionData,
  className,
  children,
}: {
  what: 'objective' | 'action' | 'budget';
  actionData: unknown;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <IntentForm
      intent={what}
      actionData={actionData}
      submitLabel={t(`plan.${what}.submit`)}
      submitClassName="btn btn-outline-primary"
      label={t(`plan.${what}.new`)}
      className={className}
    >
      {children}
    </IntentForm>
  );
}
