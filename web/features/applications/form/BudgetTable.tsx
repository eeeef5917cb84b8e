import { Alert, Anchor, Badge, Input, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PartnerBudget } from '../../../../shared/contracts/applications.ts'
import type { CallBudget } from '../../../../shared/contracts/calls.ts'
import type { BudgetLine, FieldProps } from './types.ts'
import { useEuros } from './ValueFields.tsx'

export function costsOf(b: PartnerBudget): number {
  return b.personnelCents + b.subcontractingCents + b.otherCostsCents
}

/** The most a partner may request: the cap per third party, and the funding rate of its costs. */
export function lineCap(b: PartnerBudget, caps: CallBudget | null): number | null {
  if (!caps) return null
  let cap = caps.maxPerThirdPartyCents
  if (caps.fundingModel === 'funding_rate' && caps.fundingRatePercent !== null)
    cap = Math.min(cap, Math.floor((costsOf(b) * caps.fundingRatePercent) / 100))
  return cap
}

interface BudgetSummaryProps {
  lines: BudgetLine[]
  caps: CallBudget | null
  onEditLine?: (partnerId: string) => void
  /** An id for the table, so that a link can focus it. */
  tableId?: string
}

/** Every partner's budget line, the totals, and how they stand against the call's caps. */
export function BudgetSummary({ lines, caps, onEditLine, tableId }: BudgetSummaryProps) {
  const { t } = useTranslation()
  const euros = useEuros()
  const shown = lines.filter((l) => l.status === 'accepted' || l.status === 'invited' || l.role === 'lead')
  const total = (k: keyof PartnerBudget) => shown.reduce((s, l) => s + l.budget[k], 0)
  const requested = total('requestedCents')
  const overProject = caps !== null && requested > caps.maxPerProjectCents
  const money = (cents: number) => (
    <Text component="span" size="sm" style={{ whiteSpace: 'nowrap' }}>
      {euros(cents)}
    </Text>
  )
  return (
    <Stack gap="sm">
      {caps ? (
        <Text size="sm" c="dimmed">
          {caps.fundingModel === 'funding_rate' && caps.fundingRatePercent !== null
            ? t('applications.budget.capsRate', {
                project: euros(caps.maxPerProjectCents),
                partner: euros(caps.maxPerThirdPartyCents),
                rate: caps.fundingRatePercent,
              })
            : t('applications.budget.caps', {
                project: euros(caps.maxPerProjectCents),
                partner: euros(caps.maxPerThirdPartyCents),
              })}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={300}>
        <Table id={tableId} tabIndex={tableId ? -1 : undefined} striped withTableBorder captionSide="top">
          <Table.Caption>{t('applications.budget.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('applications.budget.partnerCosts')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('applications.budget.requested')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={2}>
                  <Text size="sm" c="dimmed">
                    {t('applications.budget.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
            {shown.map((l) => {
              const cap = lineCap(l.budget, caps)
              const over = cap !== null && l.budget.requestedCents > cap
              return (
                <Table.Tr key={l.partnerId}>
                  <Table.Th scope="row" fw={500}>
                    <Stack gap={2} align="flex-start">
                      <Text size="sm" fw={600}>
                        {l.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`applications.partners.roles.${l.role}`)}
                        {l.status === 'invited' ? ` · ${t('applications.partners.status.invited')}` : ''}
                      </Text>
                      <Text size="xs">
                        {t('applications.budget.lineCosts', {
                          total: euros(costsOf(l.budget)),
                          personnel: euros(l.budget.personnelCents),
                          subcontracting: euros(l.budget.subcontractingCents),
                          other: euros(l.budget.otherCostsCents),
                        })}
                      </Text>
                      {l.mine && onEditLine ? (
                        <Anchor component="button" type="button" size="xs" onClick={() => onEditLine(l.partnerId)}>
                          {t('applications.budget.editMine')}
                        </Anchor>
                      ) : null}
                    </Stack>
                  </Table.Th>
                  <Table.Td ta="right" style={{ verticalAlign: 'top' }}>
                    <Stack gap={2} align="flex-end">
                      {money(l.budget.requestedCents)}
                      {over && cap !== null ? (
                        <Badge color="red" variant="light" size="sm">
                          {t('applications.budget.overCap', { cap: euros(cap) })}
                        </Badge>
                      ) : null}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">
                <Stack gap={2}>
                  <Text size="sm" fw={700}>
                    {t('applications.budget.total')}
                  </Text>
                  <Text size="xs">
                    {t('applications.budget.totalCosts', {
                      total: euros(shown.reduce((s, l) => s + costsOf(l.budget), 0)),
                    })}
                  </Text>
                </Stack>
              </Table.Th>
              <Table.Td ta="right" fw={700} style={{ verticalAlign: 'top' }}>
                {money(requested)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {caps ? (
        <Alert color={overProject ? 'red' : 'gray'} variant="light" p="xs">
          <Text size="sm">
            {overProject
              ? t('applications.budget.overProject', {
                  requested: euros(requested),
                  cap: euros(caps.maxPerProjectCents),
                  over: euros(requested - caps.maxPerProjectCents),
                })
              : t('applications.budget.withinProject', {
                  requested: euros(requested),
                  cap: euros(caps.maxPerProjectCents),
                  left: euros(caps.maxPerProjectCents - requested),
                })}
          </Text>
        </Alert>
      ) : null}
    </Stack>
  )
}

/** The budget question: no answer of its own; it shows the lines the partners write in their parts. */
export function BudgetTableField(props: FieldProps<'budget_table', unknown>) {
  const { t } = useTranslation()
  const b = props.context?.budget
  return (
    <Input.Wrapper
      label={props.label}
      description={props.help ?? t('applications.budget.help')}
      error={props.error}
      labelElement="div"
    >
      <Stack mt={6}>
        <BudgetSummary
          lines={b?.lines ?? []}
          caps={b?.caps ?? null}
          onEditLine={b?.onEditLine}
          tableId={props.inputId}
        />
      </Stack>
    </Input.Wrapper>
  )
}
