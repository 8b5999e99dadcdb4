import { useTranslation } from 'react-i18next';
import { TextField } from './fields';

/** minPasswordLength matches the server's rule (policy.MinPasswordLength). */
export const minPasswordLength = 12;

export interface NewPasswordFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  /** show the password as plain text (the form's "show password" box). */
  shown: boolean;
}

/** NewPasswordField is where someone chooses a new password, with the rules as its description. */
export function NewPasswordField({ id, label, value, onChange, error, shown }: NewPasswordFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      id={id}
      label={label}
      description={t('password.rules', { count: minPasswordLength })}
      type={shown ? 'text' : 'password'}
      autoComplete="new-password"
      value={value}
      onChange={onChange}
      error={error}
      required
    />
  );
}
