import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { ChallengeListPageProps } from '../../../shared/contracts/challenges.ts'
import { localized } from '../../design-system/format.ts'

const trls = ['1', '2', '3', '4', '5', '6', '7', '8', '9']

/**
 * The catalogue's search: a plain GET form, so it works without JavaScript; the fields start from the
 * current query (uncontrolled, identical on the server and after hydration).
 */
export function SearchForm({ domains, calls, filters }: Omit<ChallengeListPageProps, 'result' | 'programme'>) {
  const { t, i18n } = useTranslation()
  const any = { value: '', label: t('catalogue.filters.any') }
  return (
    <search aria-label={t('catalogue.search.label')}>
      <form method="get" action="/challenges">
        <TextInput
          name="q"
          type="search"
          label={t('catalogue.search.label')}
          defaultValue={filters.q}
          leftSection={<IconSearch size={16} aria-hidden />}
          mb="sm"
        />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md">
          <NativeSelect
            name="domain"
            label={t('catalogue.filters.domain')}
            defaultValue={filters.domain}
            data={[
              any,
              ...domains.map((d) => ({ value: d.code, label: `${d.code} · ${localized(d.name, i18n.language)}` })),
            ]}
          />
          <NativeSelect
            name="call"
            label={t('catalogue.filters.call')}
            defaultValue={filters.call}
            data={[any, ...calls.map((c) => ({ value: c.code, label: localized(c.title, i18n.language) }))]}
          />
          <NativeSelect
            name="trlMin"
            label={t('catalogue.filters.trlMin')}
            defaultValue={filters.trlMin}
            data={[any, ...trls]}
          />
          <NativeSelect
            name="trlMax"
            label={t('catalogue.filters.trlMax')}
            defaultValue={filters.trlMax}
            data={[any, ...trls]}
          />
        </SimpleGrid>
        {filters.tag ? <input type="hidden" name="tag" value={filters.tag} /> : null}
        <Group gap="sm">
          <Button type="submit">{t('catalogue.search.submit')}</Button>
          <Button component="a" href="/challenges" variant="default">
            {t('catalogue.search.reset')}
          </Button>
        </Group>
      </form>
    </search>
  )
}
