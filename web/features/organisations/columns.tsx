import type { TFunction } from 'i18next'
import type { Organisation } from '../../../shared/contracts/organisations.ts'
import { CountryName } from '../../design-system/CountrySelect.tsx'
import type { Column } from '../../design-system/DataTable.tsx'
import { AnchorLink } from '../../design-system/links.tsx'

/** The columns every list of organisations starts with: name (linked), type and country. */
export function organisationColumns(t: TFunction): Column<Organisation>[] {
  return [
    {
      key: 'legalName',
      header: t('organisations.fields.legalName'),
      sortField: 'legalName',
      rowHeader: true,
      render: (o) => (
        <AnchorLink to="/app/organisations/$organisationId" params={{ organisationId: o.id }}>
          {o.legalName}
        </AnchorLink>
      ),
    },
    { key: 'type', header: t('organisations.fields.type'), render: (o) => t(`organisationTypes.${o.type}`) },
    {
      key: 'country',
      header: t('organisations.fields.country'),
      sortField: 'country',
      render: (o) => <CountryName code={o.country} />,
    },
  ]
}
