import { useTranslation } from 'react-i18next';
import { Heading } from '@utrecht/component-library-react';
import { Facts, type Fact } from '../../components/Facts';
import { CaseBadges } from './CaseBadges';
import { formatSpan } from './period';
import type { Case } from '../../api/types';
import type { Vocabulary } from '../../api/vocabulary';

/**
 * CaseFacts shows the context of a trajectory as readable facts, in the
 * coarse categories a case holds. The author is only there for those the
 * server tells it to: the author and the network's facilitators.
 */
export function CaseFacts({ c, vocabulary }: { c: Case; vocabulary: Vocabulary }) {
  const { t } = useTranslation();
  const unknown = t('cases.unknown');
  const many = (list: 'life_domain' | 'service', codes: string[]) => codes.map((x) => vocabulary.label(list, x)).join(', ') || unknown;
  const rows: Fact[] = [
    ['status', t('cases.facts.status'), <CaseBadges status={c.status} correction={c.correction} showStatus />],
    ['outcome', t('cases.facts.outcome'), vocabulary.label('outcome', c.outcome) || unknown],
    ['period', t('cases.facts.period'), formatSpan(t, c.start, c.end)],
    ['age_band', t('cases.facts.ageBand'), vocabulary.label('age_band', c.age_band) || unknown],
    ['household', t('cases.facts.household'), vocabulary.label('household', c.household) || unknown],
    ['life_domains', t('cases.facts.lifeDomains'), many('life_domain', c.life_domains)],
    ['services', t('cases.facts.services'), many('service', c.services)],
    ['duration', t('cases.facts.duration'), vocabulary.label('duration', c.duration) || unknown],
  ];
  if (c.author) rows.push(['author', t('cases.facts.author'), c.author.name]);
  return (
    <section aria-labelledby="case-facts-title" className="leerlus-case-facts">
      <Heading level={2} id="case-facts-title">
        {t('cases.facts.title')}
      </Heading>
      <Facts rows={rows} />
    </section>
  );
}
