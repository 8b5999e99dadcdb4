import type { ReactNode } from 'react';
import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';

/** Fact is one row of a Facts list: a key for tests and styles, its label and its value. */
export type Fact = [key: string, label: string, value: ReactNode];

/** Facts shows label–value pairs as an NLDS data list; each item carries data-fact. */
export function Facts({ rows }: { rows: Fact[] }) {
  return (
    <DataList>
      {rows.map(([key, label, value]) => (
        <DataListItem key={key} data-fact={key}>
          <DataListKey>{label}</DataListKey>
          <DataListValue>{value}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}
