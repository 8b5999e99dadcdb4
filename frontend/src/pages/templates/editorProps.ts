import type { Perspective } from '../../api/types';
import type { Template, TemplateDefinition } from '../../api/templates';
import type { FreeType, Path, Text } from './model';

/** EditorProps is what every part of the template editor gets: the draft, its changes and the errors of the last save. */
export interface EditorProps {
  def: TemplateDefinition;
  template: Template;
  setText: (path: Path, text: Text, value: string) => void;
  setRequired: (s: number, q: number, required: boolean) => void;
  addOverride: (s: number, q: number, perspective: Perspective) => void;
  removeOverride: (s: number, q: number, o: number) => void;
  addQuestion: (s: number, type: FreeType) => void;
  removeQuestion: (s: number, q: number) => void;
  removeSection: (s: number) => void;
  /** errorFor gives the message beside a field, by the server's field name without the leading slash. */
  errorFor: (field: string) => string | undefined;
}
