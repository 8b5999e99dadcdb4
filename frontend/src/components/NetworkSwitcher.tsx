import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import type { MyMembership } from '../api/types';
import { roleLabel } from './labels';

export interface NetworkSwitcherProps {
  memberships: MyMembership[];
  currentNetworkId?: string | undefined;
}

/**
 * NetworkSwitcher lists my networks, grouped by workplace, with my role in
 * each. Choosing does not jump by itself (WCAG 3.2.2): the button opens it.
 */
export function NetworkSwitcher({ memberships, currentNetworkId }: NetworkSwitcherProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string>(currentNetworkId ?? memberships[0]?.network.id ?? '');
  const [lastCurrent, setLastCurrent] = useState(currentNetworkId);
  if (currentNetworkId !== lastCurrent) {
    setLastCurrent(currentNetworkId);
    if (currentNetworkId) setChosen(currentNetworkId);
  }
  if (memberships.length === 0) return null;

  const groups = new Map<string, MyMembership[]>();
  for (const m of memberships) {
    const list = groups.get(m.network.workplace_name) ?? [];
    list.push(m);
    groups.set(m.network.workplace_name, list);
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen) navigate(`/netwerk/${chosen}`);
  };
  return (
    <form className="leerlus-network-switcher" onSubmit={submit} aria-label={t('switcher.region')}>
      <FormLabel htmlFor="network-switcher">{t('switcher.label')}</FormLabel>
      <span className="leerlus-network-switcher__row">
        <Select id="network-switcher" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {[...groups.entries()].map(([workplace, list]) => (
            <optgroup key={workplace} label={workplace}>
              {list.map((m) => (
                <SelectOption key={m.network.id} value={m.network.id}>
                  {t('switcher.option', { network: m.network.name, role: roleLabel(t, m.role) })}
                </SelectOption>
              ))}
            </optgroup>
          ))}
        </Select>
        <Button type="submit" appearance="secondary-action-button">
          {t('switcher.go')}
        </Button>
      </span>
    </form>
  );
}
