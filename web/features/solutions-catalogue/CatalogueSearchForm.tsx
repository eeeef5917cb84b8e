import { Button, Grid, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type CatalogueFacets,
  type CatalogueFormValues,
  catalogueSorts,
  queryLanguages,
} from '../../../shared/contracts/catalogue.ts'
import { solutionTypes } from '../../../shared/contracts/solutions.ts'
import { localized, useFormat } from '../../design-system/format.ts'

const levels = ['1', '2', '3', '4', '5', '6', '7', '8', '9']

/**
 * The catalogue's search and filters: a plain GET form (works without JavaScript on the public page;
 * the app intercepts the submit and navigates). Every filter shows how many solutions each value gives
 * (counted without that filter). Fields start from the current query (uncontrolled, the same on the
 * server and after hydration).
 */
export function CatalogueSearchForm({
  action,
  values,
  facets,
  onSubmit,
}: {
  action: string
  values: CatalogueFormValues
  facets: CatalogueFacets
  /** In the app: receives the form's values instead of a page load. */
  onSubmit?: (values: CatalogueFormValues) => void
}) {
  const { t, i18n } = useTranslation()
  const f = useFormat()
  const any = { value: '', label: t('solutionCatalogue.filters.any') }
  const n = (count: number) => f.number(count)
  const withCount = (label: string, count: number) => t('solutionCatalogue.filters.option', { label, count: n(count) })
  const typeCounts = new Map(facets.type.map((x) => [x.value, x.count]))
  const submit = onSubmit
    ? (e: FormEvent<HTMLFormElement>) => {
        e.preventDefault()
        const data = new FormData(e.currentTarget)
        const out = { ...values }
        for (const k of Object.keys(out) as (keyof CatalogueFormValues)[]) out[k] = String(data.get(k) ?? '')
        onSubmit(out)
      }
    : undefined
  return (
    <search aria-label={t('solutionCatalogue.search.region')}>
      <form method="get" action={action} onSubmit={submit}>
        <Grid gap="sm" mb="sm">
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              name="q"
              type="search"
              label={t('solutionCatalogue.search.label')}
              description={t('solutionCatalogue.search.help')}
              defaultValue={values.q}
              leftSection={<IconSearch size={16} aria-hidden />}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect
              name="qlang"
              label={t('solutionCatalogue.filters.lang')}
              description={t('solutionCatalogue.filters.langHelp')}
              defaultValue={values.qlang}
              data={[
                { value: '', label: t('solutionCatalogue.filters.langAny') },
                ...queryLanguages.map((l) => ({ value: l, label: t(`solutions.languages.${l}`) })),
              ]}
            />
          </Grid.Col>
        </Grid>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mb="md">
          <NativeSelect
            name="domain"
            label={t('solutionCatalogue.filters.domain')}
            defaultValue={values.domain}
            data={[
              any,
              ...facets.domain.map((d) => ({
                value: d.value,
                label: withCount(`${d.value} · ${localized(d.label, i18n.language)}`, d.count),
              })),
            ]}
          />
          <NativeSelect
            name="challenge"
            label={t('solutionCatalogue.filters.challenge')}
            defaultValue={values.challenge}
            data={[
              any,
              ...facets.challenge.map((c) => ({
                value: c.value,
                label: withCount(`${c.value} · ${c.label}`, c.count),
              })),
            ]}
          />
          <NativeSelect
            name="type"
            label={t('solutionCatalogue.filters.type')}
            defaultValue={values.type}
            data={[
              any,
              ...solutionTypes
                .filter((x) => typeCounts.has(x) || x === values.type)
                .map((x) => ({ value: x, label: withCount(t(`solutions.types.${x}`), typeCounts.get(x) ?? 0) })),
            ]}
          />
          <NativeSelect
            name="country"
            label={t('solutionCatalogue.filters.country')}
            defaultValue={values.country}
            data={[
              any,
              ...facets.country
                .map((c) => ({ value: c.value, name: f.country(c.value), count: c.count }))
                .sort((a, b) => a.name.localeCompare(b.name, i18n.language))
                .map((c) => ({ value: c.value, label: withCount(c.name, c.count) })),
            ]}
          />
          <NativeSelect
            name="sme"
            label={t('solutionCatalogue.filters.sme')}
            defaultValue={values.sme}
            data={[
              any,
              ...facets.sme.map((s) => ({
                value: s.value,
                label: withCount(t(`profiles.smeStatus.${s.value}`), s.count),
              })),
            ]}
          />
          <NativeSelect
            name="trlMin"
            label={t('solutionCatalogue.filters.trlMin')}
            defaultValue={values.trlMin}
            data={[any, ...levels]}
          />
          <NativeSelect
            name="trlMax"
            label={t('solutionCatalogue.filters.trlMax')}
            defaultValue={values.trlMax}
            data={[any, ...levels]}
          />
          <NativeSelect
            name="tag"
            label={t('solutionCatalogue.filters.tag')}
            defaultValue={values.tag}
            data={[any, ...facets.tag.map((x) => ({ value: x.value, label: withCount(x.label, x.count) }))]}
          />
        </SimpleGrid>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NativeSelect
            name="sort"
            label={t('solutionCatalogue.sort.label')}
            defaultValue={values.sort}
            data={[
              { value: '', label: t('solutionCatalogue.sort.default') },
              ...catalogueSorts.map((s) => ({ value: s, label: t(`solutionCatalogue.sort.${s}`) })),
            ]}
          />
          <Button type="submit">{t('solutionCatalogue.search.submit')}</Button>
          <Button component="a" href={action} variant="default">
            {t('solutionCatalogue.search.reset')}
          </Button>
        </Group>
      </form>
    </search>
  )
}
