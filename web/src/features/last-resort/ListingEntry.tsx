import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../gql';
import { hasErrors, type FieldMessage } from '../../shared/forms/errors';
import { Form, FormActions, SelectField, TextField, useFormErrors } from '../../shared/forms/Form';
import { useFormat } from '../../shared/hooks/useFormat';
import { forgetLists } from '../access/cache';
import { fieldsOf, useApiErrors } from '../access/useApiErrors';

const ListingUnitsQuery = graphql(`
  query ListingUnits {
    units(first: 500) {
      edges {
        node {
          id
          name
          municipality { code name }
        }
      }
    }
  }
`);

const SetListedPersonsMutation = graphql(`
  mutation SetListedPersons($unitId: ID!, $year: Int!, $month: Int, $listedPersons: Int!) {
    setListedPersons(unitId: $unitId, year: $year, month: $month, listedPersons: $listedPersons) {
      unitId
      year
      month
      listedPersons
    }
  }
`);

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Listed persons of one unit for a year (or one month of it), entered by hand. */
export function ListingEntry() {
  const { t, i18n } = useTranslation('lastResort');
  const format = useFormat();
  const form = useFormErrors();
  const mapError = useApiErrors();
  const units = useQuery(ListingUnitsQuery);
  const [values, setValues] = useState({ unitId: '', year: String(new Date().getFullYear()), month: '', listedPersons: '' });
  const [saved, setSaved] = useState('');
  const [save, saving] = useMutation(SetListedPersonsMutation, { update: forgetLists('lastResortCoverage', 'unitListings') });
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const options = [...(units.data?.units.edges ?? [])]
    .map(({ node }) => ({ value: node.id, label: `${node.name} (${node.municipality.name})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
  const monthName = (m: number) => new Date(2000, m - 1, 1).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { month: 'long' });

  const submit = async () => {
    if (saving.loading) return;
    setSaved('');
    const fields: Record<string, FieldMessage> = {};
    if (!values.unitId) fields['unitId'] = { text: t('entry.unitMissing') };
    if (!/^\d{4}$/.test(values.year.trim()) || Number(values.year) < 2000 || Number(values.year) > 2100) fields['year'] = { text: t('entry.yearFormat') };
    const persons = values.listedPersons.replace(/[\s\u00a0]/g, '');
    if (!/^\d+$/.test(persons)) fields['listedPersons'] = { text: t('entry.personsFormat') };
    const checked = { fields, general: [] };
    if (hasErrors(checked)) return form.show(checked);
    try {
      const { data } = await save({
        variables: { unitId: values.unitId, year: Number(values.year), month: values.month ? Number(values.month) : null, listedPersons: Number(persons) },
      });
      form.clear();
      const row = data!.setListedPersons;
      const unit = options.find((o) => o.value === row.unitId)?.label ?? '';
      setSaved(
        row.month
          ? t('entry.savedMonth', { count: row.listedPersons, persons: format.number(row.listedPersons), unit, month: monthName(row.month), year: row.year })
          : t('entry.savedYear', { count: row.listedPersons, persons: format.number(row.listedPersons), unit, year: row.year }),
      );
      setValues((v) => ({ ...v, listedPersons: '' }));
    } catch (error) {
      form.show(mapError(error, fieldsOf('unitId', 'year', 'month', 'listedPersons')).errors);
    }
  };

  return (
    <section aria-labelledby="listing-entry-heading" className="section">
      <h2 id="listing-entry-heading">{t('entry.heading')}</h2>
      <p>{t('entry.lead')}</p>
      <Form state={form} onSubmit={() => void submit()} idPrefix="listing" testId="listing-entry" className="form form--narrow">
        <SelectField name="unitId" label={t('entry.unit')} value={values.unitId} onChange={(v) => set('unitId', v)} placeholder={t('entry.chooseUnit')} options={options} />
        <div className="field-row">
          <TextField name="year" label={t('year')} width="short" inputMode="numeric" autoComplete="off" value={values.year} onChange={(v) => set('year', v)} />
          <SelectField
            name="month"
            label={t('entry.month')}
            value={values.month}
            onChange={(v) => set('month', v)}
            options={[{ value: '', label: t('entry.wholeYear') }, ...MONTHS.map((m) => ({ value: String(m), label: monthName(m) }))]}
          />
        </div>
        <TextField name="listedPersons" label={t('entry.persons')} width="medium" inputMode="numeric" autoComplete="off" value={values.listedPersons} onChange={(v) => set('listedPersons', v)} />
        <FormActions>
          <button type="submit" className="button button--primary" aria-disabled={saving.loading} data-testid="listing-save">
            {saving.loading ? t('entry.saving') : t('entry.save')}
          </button>
        </FormActions>
      </Form>
      <p role="status" data-testid="listing-saved">
        {saved}
      </p>
    </section>
  );
}
