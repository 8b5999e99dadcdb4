import { useTranslation } from 'react-i18next';
import { TextareaField, TextField } from '../../components/fields';
import { controlId, pointer, texts, type Path, type Text } from './model';
import type { EditorProps } from './editorProps';

/**
 * WordingFields are the four texts of a section, question or override:
 * the wording in Dutch and English, and its help in both. Each shows the
 * server's error or finding for it beside it.
 */
export function WordingFields({ path, kind, value, edit }: { path: Path; kind: 'section' | 'question'; value: Record<Text, string>; edit: EditorProps }) {
  const { t } = useTranslation();
  return (
    <>
      {texts.map((k) => {
        const props = {
          id: controlId(path, k),
          label: t(`templates.text.${kind}.${k}`),
          value: value[k],
          onChange: (v: string) => edit.setText(path, k, v),
          error: edit.errorFor(pointer(path, k)),
        };
        return k.startsWith('help') ? <TextareaField key={k} {...props} rows={2} /> : <TextField key={k} {...props} required />;
      })}
    </>
  );
}
