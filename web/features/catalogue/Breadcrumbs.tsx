import { Anchor, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import classes from './Catalogue.module.css'

export interface Crumb {
  label: string
  /** Absent for the current page (the last crumb). */
  href?: string
  lang?: string
}

/** Where the page sits: programme → domains → domain → challenge, as plain links (work without JavaScript). */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  const { t } = useTranslation()
  return (
    <nav aria-label={t('catalogue.breadcrumbs')}>
      <ol className={classes.crumbs}>
        {items.map((c, i) => (
          <li key={c.href ?? c.label} className={classes.crumb}>
            {c.href && i < items.length - 1 ? (
              <Anchor href={c.href} size="sm" lang={c.lang}>
                {c.label}
              </Anchor>
            ) : (
              <Text component="span" size="sm" c="dimmed" aria-current="page" lang={c.lang}>
                {c.label}
              </Text>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
