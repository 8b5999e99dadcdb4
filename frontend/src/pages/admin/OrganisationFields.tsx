import { useTranslation } from 'react-i18next';
import { organisationKinds, type OrganisationKind } from '../../api/types';
import { SelectField, TextField } from '../../components/fields';
import type { FieldSpec } from '../../components/useForm';

export interface OrganisationFieldsProps {
  fields: { name: FieldSpec; kind: FieldSpec };
  name: string;
  kind: OrganisationKind | '';
  onName: (v: string) => void;
  onKind: (v: OrganisationKind) => void;
  errorFor: (field: string) => string | undefined;
  /** emptyLabel offers "choose" first, for a new organisation. */
  emptyLabel?: string;
}

/** OrganisationFields are an organisation's name and kind, for adding and for editing one. */
export function OrganisationFields({ fields, name, kind, onName, onKind, errorFor, emptyLabel }: OrganisationFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField id={fields.name.id} label={fields.name.label} value={name} onChange={onName} error={errorFor('name')} required />
      <SelectField
        id={fields.kind.id}
        label={fields.kind.label}
        value={kind}
        onChange={(v) => onKind(v as OrganisationKind)}
        emptyLabel={emptyLabel}
        options={organisationKinds.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) }))}
        error={errorFor('kind')}
        required
      />
    </>
  );
}
