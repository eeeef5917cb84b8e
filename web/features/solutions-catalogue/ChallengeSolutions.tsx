import { Anchor, Box, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ChallengeSolutions as ChallengeSolutionsData } from '../../../shared/contracts/catalogue.ts'
import { TypeBadge } from '../solutions/labels.tsx'
import { solutionHref, solutionsHref } from './links.ts'
import { OwnerLine, TrlBadges } from './SolutionCard.tsx'
import classes from './SolutionsCatalogue.module.css'

/**
 * "Solutions for this challenge" on a public challenge page: the visible solutions that address it,
 * those within its TRL range first. `code` links to the whole list in the catalogue.
 */
export function ChallengeSolutions({
  data,
  code,
  trlMin,
  trlMax,
}: {
  data: ChallengeSolutionsData
  code: string
  trlMin: number
  trlMax: number
}) {
  const { t } = useTranslation()
  return (
    <Box component="section" aria-labelledby="solutions-title">
      <Title order={2} id="solutions-title" size="h3" mb="xs">
        {t('solutionCatalogue.forChallenge.title')}
      </Title>
      {data.items.length === 0 ? (
        <Text c="dimmed">{t('solutionCatalogue.forChallenge.none')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('solutionCatalogue.forChallenge.intro', { min: trlMin, max: trlMax })}
          </Text>
          <Stack component="ul" gap="sm" className={classes.plainList}>
            {data.items.map((s) => (
              <Card component="li" key={s.reference} withBorder padding="md" radius="md">
                <Stack gap={6}>
                  <Group gap="xs" wrap="wrap">
                    <TypeBadge type={s.type} />
                    <TrlBadges trl={s.trl} fits={s.fits} window={{ min: trlMin, max: trlMax }} />
                  </Group>
                  <Text fw={700} lang={s.language} className={classes.cardTitle}>
                    <Anchor href={solutionHref(s.reference)}>{s.name}</Anchor>
                  </Text>
                  <Text size="sm" lang={s.language}>
                    {s.pitch}
                  </Text>
                  <OwnerLine owner={s.owner} linkProfiles />
                </Stack>
              </Card>
            ))}
          </Stack>
          {data.total > data.items.length ? (
            <Anchor href={solutionsHref({ challenge: code })} mt="sm" display="inline-block">
              {t('solutionCatalogue.forChallenge.all', { count: data.total })}
            </Anchor>
          ) : null}
        </>
      )}
    </Box>
  )
}
