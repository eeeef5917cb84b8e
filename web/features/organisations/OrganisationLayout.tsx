import { Badge, Group, Skeleton, Text } from '@mantine/core'
import { Link, Outlet, useRouterState } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { CountryName } from '../../design-system/CountrySelect.tsx'
import { ErrorAlert } from '../../design-system/forms.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import classes from './OrganisationLayout.module.css'
import { useOrganisation } from './useOrganisation.ts'

/** One organisation: its name as the page heading, then Profile / Members / Invitations. */
export function OrganisationLayout() {
  const { t } = useTranslation()
  const { organisationId, data: org, error, isLoading } = useOrganisation()
  const pathname = useRouterState({ select: (s) => s.location.pathname })
  const tab = pathname.endsWith('/members')
    ? 'members'
    : pathname.endsWith('/invitations')
      ? 'invitations'
      : pathname.endsWith('/applicant-profile')
        ? 'applicantProfile'
        : 'profile'
  const tabLabel = t(`organisations.tabs.${tab}`)

  const back = (
    <AnchorLink to="/app/organisations" size="sm">
      ← {t('organisations.mine')}
    </AnchorLink>
  )

  if (isLoading)
    return (
      <>
        <PageHeader title={t('organisations.loading')} above={back} />
        <Skeleton height={200} />
      </>
    )
  if (!org)
    return (
      <>
        <PageHeader title={t('organisations.notAvailable')} above={back} />
        <ErrorAlert error={error} />
      </>
    )

  const tabs = [
    {
      key: 'profile',
      to: '/app/organisations/$organisationId' as const,
      label: t('organisations.tabs.profile'),
      show: true,
    },
    {
      key: 'applicantProfile',
      to: '/app/organisations/$organisationId/applicant-profile' as const,
      label: t('organisations.tabs.applicantProfile'),
      show: true,
    },
    {
      key: 'members',

      to: '/app/organisations/$organisationId/members' as const,
      label: t('organisations.tabs.members'),
      show: org.abilities['members.view']?.allowed !== false,
    },
    {
      key: 'invitations',
      to: '/app/organisations/$organisationId/invitations' as const,
      label: t('organisations.tabs.invitations'),
      show: org.abilities['members.manage']?.allowed === true,
    },
  ].filter((x) => x.show)

  return (
    <>
      <PageHeader
        title={org.legalName}
        documentTitle={`${tabLabel} · ${org.shortName ?? org.legalName}`}
        above={back}
        description={
          <Group gap="xs">
            <Badge variant="light">{t(`organisationTypes.${org.type}`)}</Badge>
            <Text size="sm" c="dimmed" component="span">
              <CountryName code={org.country} />
            </Text>
            {org.myRole ? (
              <Text size="sm" c="dimmed" component="span">
                · {t('organisations.yourRole', { role: t(`roles.organisation.${org.myRole}`) })}
              </Text>
            ) : null}
          </Group>
        }
      />
      <nav aria-label={t('organisations.sections')}>
        <ul className={classes.tabs}>
          {tabs.map((x) => (
            <li key={x.key}>
              <Link
                to={x.to}
                params={{ organisationId }}
                activeOptions={{ exact: true }}
                className={classes.tab}
                aria-current={tab === x.key ? 'page' : undefined}
              >
                {x.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  )
}
