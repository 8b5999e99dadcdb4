import type { ReactNode } from 'react';
import { Alert, FormField, FormFieldDescription, FormLabel, Heading, Paragraph, Textbox } from '@utrecht/component-library-react';
import { CopyButton } from './CopyButton';

export interface SecretBoxProps {
  id: string;
  title: string;
  label: string;
  description: ReactNode;
  value: string;
  /** plainTitle shows the title as bold text instead of a heading, for a box inside a table or list. */
  plainTitle?: boolean;
}

/** SecretBox shows a value to copy once (a token secret, an invitation link). */
export function SecretBox({ id, title, label, description, value, plainTitle }: SecretBoxProps) {
  return (
    <Alert type="ok" role="status">
      {plainTitle ? (
        <Paragraph>
          <strong>{title}</strong>
        </Paragraph>
      ) : (
        <Heading level={3}>{title}</Heading>
      )}
      <FormField type="text">
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor={id}>{label}</FormLabel>
        </div>
        <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>
        <div className="utrecht-form-field__input leerlus-secret">
          <Textbox
            id={id}
            readOnly
            value={value}
            aria-describedby={`${id}-description`}
            spellCheck={false}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={value} />
        </div>
      </FormField>
    </Alert>
  );
}
