import { useRef, useState } from 'react';
import { Button } from '@utrecht/component-library-react';

/**
 * usePanel keeps which of a row of buttons has its form open (one at a
 * time) and, when the form is cancelled, puts the focus back on the button
 * that opened it, so keyboard users do not lose their place.
 */
export function usePanel<K extends string>() {
  const [panel, setPanel] = useState<K | null>(null);
  const buttons = useRef<Partial<Record<K, HTMLButtonElement | null>>>({});

  /** cancel closes the open form and focuses its button (once the form is gone). */
  const cancel = () => {
    const was = panel;
    setPanel(null);
    if (was) setTimeout(() => buttons.current[was]?.focus(), 0);
  };

  /** toggle is the button that opens (or closes) the form `kind`; `name` is its accessible name, naming the object. */
  const toggle = (kind: K, label: string, name: string, primary = false) => (
    <Button
      ref={(el) => {
        buttons.current[kind] = el;
      }}
      appearance={primary ? 'primary-action-button' : 'secondary-action-button'}
      aria-expanded={panel === kind}
      aria-label={name}
      onClick={() => setPanel(panel === kind ? null : kind)}
    >
      {label}
    </Button>
  );

  return { panel, cancel, close: () => setPanel(null), toggle };
}
