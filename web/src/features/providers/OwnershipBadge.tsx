import { useTranslation } from 'react-i18next';
import type { Ownership } from '../../gql/graphql';
import { Badge, type BadgeTone } from '../../shared/ui/Badge';

const TONES: Record<Ownership, BadgeTone> = {
  IN_HOUSE: 'inhouse',
  PRIVATE: 'private',
  PUBLIC_COMPANY: 'company',
  NON_PROFIT: 'nonprofit',
};

/** Ownership in words (egen regi, privat, …); the colour only repeats the word. */
export function OwnershipBadge({ ownership }: { ownership: Ownership }) {
  const { t } = useTranslation();
  return (
    <Badge tone={TONES[ownership]}>
      <span className="visually-hidden">{t('providers.ownership')}: </span>
      {t(`ownership.${ownership}`)}
    </Badge>
  );
}
