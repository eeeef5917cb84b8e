import { MultiSelect } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQueries } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { demandApi, demandKeys, taxonomyIds } from './client.ts'

export interface TagOption {
  id: string
  name: string
  taxonomyId: string
}

interface TagPickerProps {
  label: string
  description?: string
  value: string[]
  /** Names of the tags already chosen (the search results may not include them). */
  known: TagOption[]
  onChange: (ids: string[], chosen: TagOption[]) => void
  error?: React.ReactNode
}

/** A searchable multi-select over the three shared taxonomies, grouped by taxonomy. */
export function TagPicker({ label, description, value, known, onChange, error }: TagPickerProps) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [q] = useDebouncedValue(search, 250)
  const results = useQueries({
    queries: taxonomyIds.map((id) => ({
      queryKey: demandKeys.terms(id, q),
      queryFn: () => demandApi.terms(id, q || undefined),
      staleTime: 60_000,
    })),
  })
  const all = new Map<string, TagOption>(known.map((k) => [k.id, k]))
  for (const r of results)
    for (const term of r.data?.items ?? [])
      all.set(term.id, { id: term.id, name: term.name, taxonomyId: term.taxonomyId })
  const groups = taxonomyIds.map((id) => {
    const items = [...all.values()].filter(
      (o) =>
        o.taxonomyId === id && (value.includes(o.id) || results.some((r) => r.data?.items.some((x) => x.id === o.id))),
    )
    return { group: t(`useCases.taxonomies.${id}`), items: items.map((o) => ({ value: o.id, label: o.name })) }
  })
  return (
    <MultiSelect
      label={label}
      description={description}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={groups.filter((g) => g.items.length > 0)}
      value={value}
      error={error}
      nothingFoundMessage={t('common.noMatch')}
      maxValues={30}
      onChange={(ids) =>
        onChange(
          ids,
          ids.map((id) => all.get(id)).filter((x): x is TagOption => Boolean(x)),
        )
      }
      hidePickedOptions
    />
  )
}
