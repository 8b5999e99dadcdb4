import type { ChangeEvent } from 'react';
import { FormField, Textarea, Textbox } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { describedBy, FieldParts } from '../../components/fields';
import { FindingList } from './FindingList';
import { isDecided, openFindings, type Decision, type Finding } from './findings';
import type { Scan } from './useLiveScan';

export interface ScannedTextProps {
  id: string;
  label: string;
  description?: string;
  value: string;
  onChange: (v: string) => void;
  /** the latest check of this text; findings are shown only while it matches the text */
  scan: Scan | undefined;
  decisions: readonly Decision[];
  onReplace: (f: Finding) => void;
  onDecide: (f: Finding) => void;
  error?: string | undefined;
  rows?: number;
  /** multiline false gives a one-line text box (the title) */
  multiline?: boolean;
  maxLength?: number;
  /** context is the i18next context of the findings' words ("reflection"; a case by default) */
  context?: string;
}

/** ScannedText is a free-text field that shows, right under it, what would identify someone. */
export function ScannedText(props: ScannedTextProps) {
  const { id, label, description, value, onChange, scan, decisions, onReplace, onDecide, error, rows = 6, multiline = true, maxLength, context } = props;
  const current = scan && scan.text === value ? scan.findings : [];
  const open = openFindings(value, current, decisions);
  const decidedCount = current.filter((f) => isDecided(value, f, decisions)).length;
  const findingsId = `${id}-findings`;
  const invalid = Boolean(error) || open.some((f) => f.direct);
  const common = {
    id,
    name: id,
    value,
    invalid,
    maxLength,
    'aria-describedby': [describedBy(id, description, error), findingsId].filter(Boolean).join(' '),
  };
  return (
    <FormField invalid={invalid} type="text">
      <FieldParts id={id} label={label} description={description} error={error} />
      <div className="utrecht-form-field__input">
        {multiline ? (
          <Textarea {...common} rows={rows} onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange(e.target.value)} />
        ) : (
          <Textbox {...common} onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} />
        )}
      </div>
      <FindingList id={findingsId} text={value} open={open} decidedCount={decidedCount} onReplace={onReplace} onDecide={onDecide} context={context} />
    </FormField>
  );
}

/** TitleField is the case's title: one line, checked like every free text (the new-case page and step 1). */
export function TitleField(props: Omit<ScannedTextProps, 'id' | 'label' | 'description' | 'multiline' | 'maxLength'>) {
  const { t } = useTranslation();
  return (
    <ScannedText
      {...props}
      id="case-title"
      label={t('caseForm.fields.title')}
      description={t('caseForm.fields.titleHelp')}
      multiline={false}
      maxLength={120}
    />
  );
}
