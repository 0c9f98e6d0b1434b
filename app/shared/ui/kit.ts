// The shared UI kit: what every page is composed of. See README.md in this folder.
export { Breadcrumb, DoneNotice, EmptyState, Facts, KpiGrid, Notice, PageHeader, Section, StatusBadge, type Crumb, type Kpi } from './page.tsx';
export { DataTable, sortRows, tableCsv, type CellValue, type Column, type DataTableProps } from './table.tsx';
export {
  CsrfField,
  Field,
  FormAlert,
  IntentField,
  IntentForm,
  IssuesAlert,
  ResultAlert,
  selectClass,
  UploadForm,
  useFormResult,
  type FormResult,
  type IntentResult,
} from './forms.tsx';
export { Chart } from './chart.tsx';
export { useI18n, type TFunction } from './i18n.tsx';
export { FilterField, FilterForm } from './filter-form.tsx';
export { columnsOf, figureColumn, moneyColumn, nameColumn } from './columns.tsx';
export { linkColumn } from './link-column.tsx';
export { rowHeaderColumn } from './row-header-column.tsx';
export { dataChoices, FieldGroup, namedChoices, SelectField, TextField, type Choice, type FieldRows, type FieldSpec } from './fields.tsx';
export { Options } from './options.tsx';
export { RowButtonForm } from './row-button-form.tsx';
export { Panels } from './panels.tsx';
export { RichText, RichTextEditor, type GlossaryLink } from './rich-text.tsx';
export { JOB_STATUS_LABELS, JobProgress, jobProgressOf, jobWorking, type JobProgressData } from './job-progress.tsx';
