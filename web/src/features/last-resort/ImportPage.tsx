import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../shared/hooks/useDocumentTitle';
import { PageHeader } from '../../shared/ui/PageHeader';
import { exampleCsv } from './csv-errors';
import { CsvImport } from './CsvImport';
import { LastResortNav } from './LastResortNav';
import { ListingEntry } from './ListingEntry';

const IMPORT = 'mutation ImportListings($csv: String!) { importListings(csv: $csv) { rows units years } }';
const COLUMNS = ['hsa_id', 'unit_id', 'year', 'month', 'listed_persons'] as const;

/** Import of listed persons from a CSV file: documented columns, an example, progress, and the bad rows. */
export default function ImportPage() {
  const { t } = useTranslation('lastResort');
  useDocumentTitle(t('import.title'));
  return (
    <div className="page">
      <PageHeader title={t('import.title')} lead={t('import.lead')} />
      <LastResortNav />
      <CsvImport
        namespace="lastResort"
        mutation={IMPORT}
        field="importListings"
        columns={COLUMNS}
        columnsHeading="h2"
        example={exampleCsv()}
        exampleName="listade-personer-exempel.csv"
        testIds={{ file: 'listing-file', status: 'import-status', errors: 'import-errors' }}
      />
      <ListingEntry />
    </div>
  );
}
