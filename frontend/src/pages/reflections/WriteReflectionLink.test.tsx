import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { WriteReflectionLink } from './CaseReflections';
import { renderPage, sessionFor } from '../../test/helpers';
import { publishedCase, submittedCase } from '../cases/testdata';
import { caseReflections, member, parent, researcher } from './testdata';
import type { Case, Me } from '../../api/types';
import type { CaseReflections } from '../../api/reflections';

// As it will be once the form is there.

function render(me: Me, data: CaseReflections, c: Case = publishedCase) {
  renderPage(<WriteReflectionLink c={c} data={data} />, { session: sessionFor(me) });
}

describe('WriteReflectionLink, once the form is ready', () => {
  it('asks a member to write their reflection, at the form’s address', () => {
    render(member, caseReflections);
    expect(screen.getByRole('link', { name: 'Schrijf je reflectie' })).toHaveAttribute('href', '/netwerk/n-fr/casussen/c1/reflectie');
  });

  it('asks a member to go on with their draft, also while the case waits for its check', () => {
    const mine = { ...parent, status: 'draft' as const, mine: true };
    render(member, { ...caseReflections, reflections: [mine], mine_id: mine.id }, { ...submittedCase, author: undefined });
    expect(screen.getByRole('link', { name: 'Ga verder met je reflectie' })).toBeInTheDocument();
  });

  it.each([
    ['a member whose reflection is submitted', member, { ...caseReflections, reflections: [{ ...parent, status: 'submitted' as const, mine: true }], mine_id: parent.id }],
    ['a researcher, who writes none', researcher, caseReflections],
  ] as [string, Me, CaseReflections][])('is not there for %s', (_who, me, data) => {
    render(me, data);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
