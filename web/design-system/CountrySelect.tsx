import { Select, type SelectProps } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { countryCodes } from '../../shared/countries.ts'
import { flagEmoji, useFormat } from './format.ts'

/** A searchable country select: ISO codes from shared/countries.ts, names in the active language. */
export function CountrySelect(props: Omit<SelectProps, 'data'>) {
  const f = useFormat()
  const { t } = useTranslation()
  const data = useMemo(() => {
    const collator = new Intl.Collator(f.locale)
    return countryCodes
      .map((code) => ({ value: code, label: f.country(code) }))
      .sort((a, b) => collator.compare(a.label, b.label))
  }, [f])
  return (
    <Select
      searchable
      data={data}
      nothingFoundMessage={t('common.noMatch')}
      renderOption={({ option }) => (
        <span>
          <span aria-hidden="true">{flagEmoji(option.value)} </span>
          {option.label}
        </span>
      )}
      {...props}
    />
  )
}

/** A country shown as flag + name (the flag is decorative). */
export function CountryName({ code }: { code: string }) {
  const f = useFormat()
  return (
    <span>
      <span aria-hidden="true">{flagEmoji(code)} </span>
      {f.country(code)}
    </span>
  )
}
