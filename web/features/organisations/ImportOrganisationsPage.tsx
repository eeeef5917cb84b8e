import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Radio,
  ScrollArea,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core'
import { IconFileImport } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  OrganisationImportField,
  OrganisationImportMapping,
  OrganisationImportPreview,
  OrganisationImportReport,
} from '../../../shared/contracts/organisation-transfer.ts'
import { type ImportMode, importMaxBytes } from '../../../shared/contracts/transfer.ts'
import { ApiError } from '../../app/api.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { AnchorLink } from '../../design-system/links.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { fileToBase64, profileApi } from './profile-client.ts'

/** Operators and cluster staff import organisations from CSV or XLSX: file → column mapping → row report. */
export function ImportOrganisationsPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="organisation.import" title={t('organisationTransfer.import.title')}>
      <ImportWizard />
    </RequireCapability>
  )
}

function ImportWizard() {
  const { t, i18n } = useTranslation()
  const [step, setStep] = useState(0)
  const [file, setFile] = useState<File | null>(null)
  const [base64, setBase64] = useState('')
  const [preview, setPreview] = useState<OrganisationImportPreview | null>(null)
  const [mapping, setMapping] = useState<OrganisationImportMapping>({})
  const [mode, setMode] = useState<ImportMode>('all_or_nothing')
  const [report, setReport] = useState<OrganisationImportReport | null>(null)

  const read = useMutation({
    mutationFn: async (f: File) => {
      const b = await fileToBase64(f)
      return { b, p: await profileApi.importPreview(b) }
    },
    onSuccess: ({ b, p }) => {
      setBase64(b)
      setPreview(p)
      setMapping(p.suggestedMapping)
      setStep(1)
    },
  })
  const run = useMutation({
    mutationFn: () => profileApi.importOrganisations({ file: base64, mapping, mode }),
    onSuccess: (r) => {
      setReport(r)
      setStep(2)
    },
  })
  const code = (c: string) => t(`organisationTransfer.codes.${c}`, { defaultValue: c })
  const errorText = (e: unknown) =>
    e instanceof ApiError
      ? e.fieldErrors.length > 0
        ? e.fieldErrors.map((f) => code(f.code)).join(' ')
        : i18n.exists(`errors.${e.code}`)
          ? t(`errors.${e.code}`)
          : e.message
      : String(e)
  const restart = () => {
    setStep(0)
    setFile(null)
    setPreview(null)
    setReport(null)
    read.reset()
    run.reset()
  }
  const columnOptions = (preview?.columns ?? []).map((c) => ({
    value: String(c.index),
    label: c.header || t('organisationTransfer.import.columnN', { n: c.index + 1 }),
  }))

  return (
    <>
      <PageHeader
        title={t('organisationTransfer.import.title')}
        description={t('organisationTransfer.import.description')}
        above={
          <AnchorLink to="/app/admin/organisations" size="sm">
            ← {t('admin.organisations.title')}
          </AnchorLink>
        }
      />
      <Stepper
        active={step}
        onStepClick={(s) => s < step && s < 2 && setStep(s)}
        allowNextStepsSelect={false}
        size="sm"
      >
        <Stepper.Step label={t('organisationTransfer.import.stepFile')}>
          <Stack maw={560} mt="md">
            <FileInput
              label={t('organisationTransfer.import.file')}
              description={t('organisationTransfer.import.fileHint')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={setFile}
              error={
                read.error
                  ? errorText(read.error)
                  : file && file.size > importMaxBytes
                    ? code('file_too_large')
                    : undefined
              }
              leftSection={<IconFileImport size={16} aria-hidden />}
            />
            <Group>
              <Button
                disabled={!file || file.size > importMaxBytes}
                loading={read.isPending}
                onClick={() => file && read.mutate(file)}
              >
                {t('organisationTransfer.import.readFile')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('organisationTransfer.import.stepMapping')}>
          {preview ? (
            <Stack mt="md">
              <Text>{t('organisationTransfer.import.rowsFound', { count: preview.rowCount })}</Text>
              <ScrollArea type="auto">
                <Table striped withTableBorder miw={520}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('organisationTransfer.import.field')}</Table.Th>
                      <Table.Th scope="col">{t('organisationTransfer.import.column')}</Table.Th>
                      <Table.Th scope="col">{t('organisationTransfer.import.samples')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.fields.map(({ field, required }) => {
                      const col = mapping[field]
                      const samples = col === undefined ? [] : (preview.columns[col]?.samples ?? [])
                      return (
                        <Table.Tr key={field}>
                          <Table.Th scope="row">
                            {t(`organisationTransfer.fields.${field}`)}
                            {required ? (
                              <Badge ml="xs" size="xs" variant="light">
                                {t('organisationTransfer.import.required')}
                              </Badge>
                            ) : null}
                          </Table.Th>
                          <Table.Td miw={180}>
                            <Select
                              aria-label={t(`organisationTransfer.fields.${field}`)}
                              placeholder={t('organisationTransfer.import.notMapped')}
                              data={columnOptions}
                              value={col === undefined ? null : String(col)}
                              clearable
                              onChange={(v) =>
                                setMapping((m) => {
                                  const next = { ...m }
                                  if (v === null) delete next[field as OrganisationImportField]
                                  else next[field as OrganisationImportField] = Number(v)
                                  return next
                                })
                              }
                            />
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" c="dimmed">
                              {samples.join(' · ')}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      )
                    })}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
              <Radio.Group
                label={t('organisationTransfer.import.mode')}
                value={mode}
                onChange={(v) => setMode(v as ImportMode)}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="all_or_nothing" label={t('organisationTransfer.import.modeAll')} />
                  <Radio value="valid_rows" label={t('organisationTransfer.import.modeValid')} />
                </Stack>
              </Radio.Group>
              <Text size="sm" c="dimmed">
                {t('organisationTransfer.import.membersNote')}
              </Text>
              {run.error ? <Alert color="red">{errorText(run.error)}</Alert> : null}
              <Group>
                <Button variant="default" onClick={restart}>
                  {t('organisationTransfer.import.back')}
                </Button>
                <Button loading={run.isPending} onClick={() => run.mutate()}>
                  {t('organisationTransfer.import.run')}
                </Button>
              </Group>
            </Stack>
          ) : null}
        </Stepper.Step>

        <Stepper.Step label={t('organisationTransfer.import.stepReport')}>
          {report ? <ReportView report={report} onRestart={restart} /> : null}
        </Stepper.Step>
      </Stepper>
    </>
  )
}

function ReportView({ report, onRestart }: { report: OrganisationImportReport; onRestart: () => void }) {
  const { t } = useTranslation()
  const fieldLabel = (f: string) => t(`organisationTransfer.fields.${f}`, { defaultValue: f })
  const describe = (e: { field: string; code: string; value?: string | undefined }) =>
    `${fieldLabel(e.field)}: ${t(`organisationTransfer.codes.${e.code}`, { defaultValue: e.code })}${e.value ? ` (${e.value})` : ''}`
  return (
    <Stack mt="md">
      <Alert
        color={report.written ? 'green' : report.invalid > 0 || report.mappingErrors.length > 0 ? 'orange' : 'blue'}
        role="status"
      >
        {report.written
          ? t('organisationTransfer.import.written', { count: report.created })
          : t('organisationTransfer.import.nothingWritten')}{' '}
        {t('organisationTransfer.import.summary', { valid: report.valid, invalid: report.invalid })}
      </Alert>
      {report.mappingErrors.length > 0 ? (
        <Alert color="red" title={t('organisationTransfer.import.mappingErrors')}>
          {report.mappingErrors.map(describe).join(' · ')}
        </Alert>
      ) : null}
      {report.rows.length > 0 ? (
        <ScrollArea type="auto">
          <Table striped withTableBorder miw={420}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organisationTransfer.import.row')}</Table.Th>
                <Table.Th scope="col">{t('organisationTransfer.import.result')}</Table.Th>
                <Table.Th scope="col">{t('organisationTransfer.import.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rows.map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Th scope="row">{r.row}</Table.Th>
                  <Table.Td>
                    <Badge color={r.ok ? 'green' : 'red'} variant="light">
                      {r.ok ? t('organisationTransfer.import.ok') : t('organisationTransfer.import.invalid')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {r.created ? (
                      <AnchorLink to="/app/organisations/$organisationId" params={{ organisationId: r.created.id }}>
                        {r.created.reference}
                      </AnchorLink>
                    ) : (
                      r.errors.map(describe).join(' · ')
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      ) : null}
      <Group>
        <Button onClick={onRestart}>{t('organisationTransfer.import.another')}</Button>
      </Group>
    </Stack>
  )
}
