import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/fields';
import { CheckboxGroup, RadioGroup } from './ChoiceFields';
import type { StepProps } from './stepProps';

/** StepContext is step 2: the child's age band and household, the life domains and the services involved. */
export function StepContext({ form, draft, vocab, errorFor }: StepProps) {
  const { t } = useTranslation();
  const f = draft.fields;
  return (
    <>
      <RadioGroup
        id="case-age-band"
        legend={t('caseForm.fields.ageBand')}
        options={vocab.options('age_band')}
        value={f.age_band}
        onChange={(v) => form.setCaseField('age_band', v)}
        error={errorFor('age_band')}
      />
      <SelectField
        id="case-household"
        label={t('caseForm.fields.household')}
        value={f.household}
        onChange={(v) => form.setCaseField('household', v)}
        emptyLabel={t('form.choose')}
        options={vocab.options('household')}
        error={errorFor('household')}
      />
      <CheckboxGroup
        id="case-life-domains"
        legend={t('caseForm.fields.lifeDomains')}
        description={t('caseForm.fields.lifeDomainsHelp')}
        options={vocab.options('life_domain')}
        value={f.life_domains}
        onChange={(v) => form.setCaseField('life_domains', v)}
        error={errorFor('life_domains')}
      />
      <CheckboxGroup
        id="case-services"
        legend={t('caseForm.fields.services')}
        description={t('caseForm.fields.servicesHelp')}
        options={vocab.options('service')}
        value={f.services}
        onChange={(v) => form.setCaseField('services', v)}
        error={errorFor('services')}
      />
    </>
  );
}
