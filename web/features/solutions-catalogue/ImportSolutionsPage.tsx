import { Alert, Badge, Button, FileInput, Group, Radio, Select, Stack, Stepper, Table, Text } from '@mantine/core'
import { IconFileImport } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  SolutionImportField,
  SolutionImportMapping,
  SolutionImportPreview,
  SolutionImportReport,
} from '../../../shared/contracts/catalogue.ts'
import { type ImportMode, importMaxBytes } from '../../../shared/contracts/transfer.ts'
import { ApiError } from '../../app/api.ts'
import { RequireCapability } from '../../app/RequireCapability.tsx'
import { PageHeader } from '../../design-system/PageHeader.tsx'
import { fileToBase64 } from '../use-cases-transfer/client.ts'
import { catalogueApi } from './client.ts'

/** Operators and cluster staff import solutions from CSV or XLSX: file → column mapping → report row by row. */
export function ImportSolutionsPage() {
  const { t } = useTranslation()
  return (
    <RequireCapability capability="solution.import" title={t('solutionCatalogue.import.title')}>
      <ImportWizard />
    </RequireCapability>
  )
}

/** A row error's code in words: the import's own codes, else the shared ones of imports. */
function useCodeText() {
  const { t } = useTranslation()
  return (code: string) =>
    t(`solutionCatalogue.import.codes.${code}`, {
      defaultValue: t(`useCaseTransfer.codes.${code}`, { defaultValue: code }),
    })
}

function ImportWizard() {
  const { t } = useTranslation()
  const codeText = useCodeText()
  const [step, setStep] = useState(0)
  const [file, setFile] = useState<File | null>(null)
  const [base64, setBase64] = useState('')
  const [preview, setPreview] = useState<SolutionImportPreview | null>(null)
  const [mapping, setMapping] = useState<SolutionImportMapping>({})
  const [mode, setMode] = useState<ImportMode>('all_or_nothing')
  const [report, setReport] = useState<SolutionImportReport | null>(null)

  const read = useMutation({
    mutationFn: async (f: File) => {
      const b = await fileToBase64(f)
      return { b, p: await catalogueApi.preview(b) }
    },
    onSuccess: ({ b, p }) => {
      setBase64(b)
      setPreview(p)
      setMapping(p.suggestedMapping)
      setStep(1)
    },
  })
  const run = useMutation({
    mutationFn: () => catalogueApi.importSolutions({ file: base64, mapping, mode }),
    onSuccess: (r) => {
      setReport(r)
      setStep(2)
    },
  })
  const errorText = (e: unknown) =>
    e instanceof ApiError
      ? e.fieldErrors.length > 0
        ? e.fieldErrors.map((f) => codeText(f.code)).join(' ')
        : t(`errors.${e.code}`, { defaultValue: e.message })
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
    label: c.header || t('useCaseTransfer.import.columnN', { n: c.index + 1 }),
  }))

  return (
    <>
      <PageHeader title={t('solutionCatalogue.import.title')} description={t('solutionCatalogue.import.description')} />
      <Stepper active={step} onStepClick={(s) => s < step && s < 2 && setStep(s)} allowNextStepsSelect={false}>
        <Stepper.Step label={t('useCaseTransfer.import.stepFile')}>
          <Stack maw={560} mt="md">
            <FileInput
              label={t('useCaseTransfer.import.file')}
              description={t('useCaseTransfer.import.fileHint')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={setFile}
              error={file && file.size > importMaxBytes ? codeText('file_too_large') : undefined}
              leftSection={<IconFileImport size={16} aria-hidden />}
            />
            {read.error ? <Alert color="red">{errorText(read.error)}</Alert> : null}
            <Group>
              <Button
                disabled={!file || file.size > importMaxBytes}
                loading={read.isPending}
                onClick={() => file && read.mutate(file)}
              >
                {t('useCaseTransfer.import.readFile')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('useCaseTransfer.import.stepMapping')}>
          {preview ? (
            <Stack mt="md">
              <Text>{t('useCaseTransfer.import.rowsFound', { count: preview.rowCount })}</Text>
              <Table.ScrollContainer minWidth={560}>
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('useCaseTransfer.import.field')}</Table.Th>
                      <Table.Th scope="col">{t('useCaseTransfer.import.column')}</Table.Th>
                      <Table.Th scope="col">{t('useCaseTransfer.import.samples')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.fields.map(({ field, required }) => {
                      const col = mapping[field]
                      const samples = col === undefined ? [] : (preview.columns[col]?.samples ?? [])
                      return (
                        <Table.Tr key={field}>
                          <Table.Th scope="row">
                            {t(`solutionCatalogue.import.fields.${field}`)}
                            {required ? (
                              <Badge ml="xs" size="xs" variant="light">
                                {t('useCaseTransfer.import.required')}
                              </Badge>
                            ) : null}
                          </Table.Th>
                          <Table.Td>
                            <Select
                              aria-label={t(`solutionCatalogue.import.fields.${field}`)}
                              placeholder={t('useCaseTransfer.import.notMapped')}
                              data={columnOptions}
                              value={col === undefined ? null : String(col)}
                              clearable
                              onChange={(v) =>
                                setMapping((m) => {
                                  const next = { ...m }
                                  if (v === null) delete next[field as SolutionImportField]
                                  else next[field as SolutionImportField] = Number(v)
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
              </Table.ScrollContainer>
              <Radio.Group
                label={t('useCaseTransfer.import.mode')}
                value={mode}
                onChange={(v) => setMode(v as ImportMode)}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="all_or_nothing" label={t('useCaseTransfer.import.modeAll')} />
                  <Radio value="valid_rows" label={t('useCaseTransfer.import.modeValid')} />
                </Stack>
              </Radio.Group>
              <Text size="sm" c="dimmed">
                {t('solutionCatalogue.import.draftsNote')}
              </Text>
              {run.error ? <Alert color="red">{errorText(run.error)}</Alert> : null}
              <Group>
                <Button variant="default" onClick={restart}>
                  {t('useCaseTransfer.import.back')}
                </Button>
                <Button loading={run.isPending} onClick={() => run.mutate()}>
                  {t('useCaseTransfer.import.run')}
                </Button>
              </Group>
            </Stack>
          ) : null}
        </Stepper.Step>

        <Stepper.Step label={t('useCaseTransfer.import.stepReport')}>
          {report ? <ReportView report={report} onRestart={restart} /> : null}
        </Stepper.Step>
      </Stepper>
    </>
  )
}

function ReportView({ report, onRestart }: { report: SolutionImportReport; onRestart: () => void }) {
  const { t } = useTranslation()
  const codeText = useCodeText()
  const fieldLabel = (f: string) => t(`solutionCatalogue.import.fields.${f}`, { defaultValue: f })
  const describe = (e: { field: string; code: string; value?: string | undefined }) =>
    `${fieldLabel(e.field)}: ${codeText(e.code)}${e.value ? ` (${e.value})` : ''}`
  return (
    <Stack mt="md">
      <Alert
        color={report.written ? 'green' : report.invalid > 0 || report.mappingErrors.length > 0 ? 'orange' : 'blue'}
      >
        {report.written
          ? t('solutionCatalogue.import.written', { count: report.created })
          : t('useCaseTransfer.import.nothingWritten')}{' '}
        {t('useCaseTransfer.import.summary', { valid: report.valid, invalid: report.invalid })}
      </Alert>
      {report.mappingErrors.length > 0 ? (
        <Alert color="red" title={t('useCaseTransfer.import.mappingErrors')}>
          {report.mappingErrors.map(describe).join(' · ')}
        </Alert>
      ) : null}
      {report.rows.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('useCaseTransfer.import.row')}</Table.Th>
                <Table.Th scope="col">{t('useCaseTransfer.import.result')}</Table.Th>
                <Table.Th scope="col">{t('solutionCatalogue.import.organisation')}</Table.Th>
                <Table.Th scope="col">{t('useCaseTransfer.import.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rows.map((r) => (
                <Table.Tr key={r.row}>
                  <Table.Th scope="row">{r.row}</Table.Th>
                  <Table.Td>
                    <Badge color={r.ok ? 'green' : 'red'} variant="light">
                      {r.ok ? t('useCaseTransfer.import.ok') : t('useCaseTransfer.import.invalid')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.organisation ?? '—'}</Table.Td>
                  <Table.Td>{r.created ? r.created.reference : r.errors.map(describe).join(' · ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Group>
        <Button onClick={onRestart}>{t('useCaseTransfer.import.another')}</Button>
      </Group>
    </Stack>
  )
}
