import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  type MantineSize,
  Radio,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
} from '@mantine/core'
import { IconFileImport } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ImportMode, importMaxBytes } from '../../shared/contracts/transfer.ts'
import { ApiError } from '../app/api.ts'
import { PageHeader } from './PageHeader.tsx'

/**
 * The import wizard shared by every module's import page: choose a CSV or XLSX file → map its columns to
 * the fields (suggested mapping, sample values) and choose the mode (all or nothing / valid rows only) →
 * the report row by row. A page gives the texts (an i18n prefix with a few overrides), the field and code
 * labels, the two API calls and, where its report has more, extra report columns.
 */

/** The texts of the wizard, each an i18n key `${prefix}.${name}` unless `keys` overrides it. */
export type ImportWizardText =
  | 'title'
  | 'description'
  | 'stepFile'
  | 'file'
  | 'fileHint'
  | 'readFile'
  | 'stepMapping'
  | 'rowsFound'
  | 'field'
  | 'column'
  | 'columnN'
  | 'samples'
  | 'required'
  | 'notMapped'
  | 'mode'
  | 'modeAll'
  | 'modeValid'
  | 'note'
  | 'back'
  | 'run'
  | 'stepReport'
  | 'written'
  | 'nothingWritten'
  | 'summary'
  | 'mappingErrors'
  | 'row'
  | 'result'
  | 'details'
  | 'ok'
  | 'invalid'
  | 'another'
  | 'writeOneOf'

export interface ImportError {
  field: string
  code: string
  value?: string | undefined
  candidates?: string[] | undefined
}

export interface ImportPreviewShape<F extends string> {
  rowCount: number
  columns: { index: number; header: string; samples: string[] }[]
  suggestedMapping: Partial<Record<F, number>>
  fields: { field: F; required: boolean }[]
}

export interface ImportReportRowShape {
  row: number
  ok: boolean
  errors: ImportError[]
  created: { id: string; reference: string } | null
}

export interface ImportReportShape<Row extends ImportReportRowShape> {
  written: boolean
  created: number
  valid: number
  invalid: number
  mappingErrors: ImportError[]
  rows: Row[]
}

export interface ImportWizardProps<F extends string, Row extends ImportReportRowShape> {
  /** The i18n prefix of the texts, e.g. `useCaseTransfer.import`. */
  prefix: string
  /** Texts whose key is not `${prefix}.${name}`. */
  keys?: Partial<Record<ImportWizardText, string>>
  /** Shown above the title (e.g. a link back to the list). */
  above?: ReactNode
  stepperSize?: MantineSize
  /** Wrap the two tables in a horizontal scroll container of these minimum widths (small screens). */
  tableMinWidth?: { mapping: number; report: number }
  /** Show a read error under the file input rather than in an alert below it. */
  readErrorOnField?: boolean
  /** Say in the report which values a row could have written (`candidates` of an error). */
  showCandidates?: boolean
  /** A help text for one field, tied to its column choice with aria-describedby. */
  fieldHelp?: { field: F; id: string; text: string }
  fieldLabel: (field: string) => string
  /** An error code in words; `fallback` when it has none. */
  codeText: (code: string, fallback: string) => string
  encode: (file: File) => Promise<string>
  preview: (file: string) => Promise<ImportPreviewShape<F>>
  run: (input: {
    file: string
    mapping: Partial<Record<F, number>>
    mode: ImportMode
  }) => Promise<ImportReportShape<Row>>
  /** Report columns between the result and the details. */
  reportColumns?: { header: string; cell: (row: Row) => ReactNode }[]
  /** The details of a created row; its reference unless given. */
  createdCell?: (created: NonNullable<Row['created']>) => ReactNode
}

export function ImportWizard<F extends string, Row extends ImportReportRowShape>(props: ImportWizardProps<F, Row>) {
  const { t } = useTranslation()
  const k = (name: ImportWizardText) => props.keys?.[name] ?? `${props.prefix}.${name}`
  const [step, setStep] = useState(0)
  const [file, setFile] = useState<File | null>(null)
  const [base64, setBase64] = useState('')
  const [preview, setPreview] = useState<ImportPreviewShape<F> | null>(null)
  const [mapping, setMapping] = useState<Partial<Record<F, number>>>({})
  const [mode, setMode] = useState<ImportMode>('all_or_nothing')
  const [report, setReport] = useState<ImportReportShape<Row> | null>(null)

  const read = useMutation({
    mutationFn: async (f: File) => {
      const b = await props.encode(f)
      return { b, p: await props.preview(b) }
    },
    onSuccess: ({ b, p }) => {
      setBase64(b)
      setPreview(p)
      setMapping(p.suggestedMapping)
      setStep(1)
    },
  })
  const run = useMutation({
    mutationFn: () => props.run({ file: base64, mapping, mode }),
    onSuccess: (r) => {
      setReport(r)
      setStep(2)
    },
  })
  const errorText = (e: unknown) =>
    e instanceof ApiError
      ? e.fieldErrors.length > 0
        ? e.fieldErrors.map((f) => props.codeText(f.code, f.message)).join(' ')
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
    label: c.header || t(k('columnN'), { n: c.index + 1 }),
  }))
  const scroll = (table: ReactNode, minWidth: number | undefined) =>
    minWidth === undefined ? table : <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>
  const tooLarge = file && file.size > importMaxBytes ? props.codeText('file_too_large', 'file_too_large') : undefined
  const readError = read.error ? errorText(read.error) : undefined

  return (
    <>
      <PageHeader title={t(k('title'))} description={t(k('description'))} above={props.above} />
      <Stepper
        active={step}
        onStepClick={(s) => s < step && s < 2 && setStep(s)}
        allowNextStepsSelect={false}
        size={props.stepperSize}
      >
        <Stepper.Step label={t(k('stepFile'))}>
          <Stack maw={560} mt="md">
            <FileInput
              label={t(k('file'))}
              description={t(k('fileHint'))}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              value={file}
              onChange={setFile}
              error={props.readErrorOnField ? (readError ?? tooLarge) : tooLarge}
              leftSection={<IconFileImport size={16} aria-hidden />}
            />
            {readError && !props.readErrorOnField ? <Alert color="red">{readError}</Alert> : null}
            <Group>
              <Button
                disabled={!file || file.size > importMaxBytes}
                loading={read.isPending}
                onClick={() => file && read.mutate(file)}
              >
                {t(k('readFile'))}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t(k('stepMapping'))}>
          {preview ? (
            <Stack mt="md">
              <Text>{t(k('rowsFound'), { count: preview.rowCount })}</Text>
              {props.fieldHelp ? (
                <Text size="sm" c="dimmed" id={props.fieldHelp.id}>
                  {props.fieldHelp.text}
                </Text>
              ) : null}
              {scroll(
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t(k('field'))}</Table.Th>
                      <Table.Th scope="col">{t(k('column'))}</Table.Th>
                      <Table.Th scope="col">{t(k('samples'))}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.fields.map(({ field, required }) => {
                      const col = mapping[field]
                      const samples = col === undefined ? [] : (preview.columns[col]?.samples ?? [])
                      return (
                        <Table.Tr key={field}>
                          <Table.Th scope="row">
                            {props.fieldLabel(field)}
                            {required ? (
                              <Badge ml="xs" size="xs" variant="light">
                                {t(k('required'))}
                              </Badge>
                            ) : null}
                          </Table.Th>
                          <Table.Td miw={props.tableMinWidth ? 180 : undefined}>
                            <Select
                              aria-label={props.fieldLabel(field)}
                              aria-describedby={props.fieldHelp?.field === field ? props.fieldHelp.id : undefined}
                              placeholder={t(k('notMapped'))}
                              data={columnOptions}
                              value={col === undefined ? null : String(col)}
                              clearable
                              onChange={(v) =>
                                setMapping((m) => {
                                  const next = { ...m }
                                  if (v === null) delete next[field]
                                  else next[field] = Number(v)
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
                </Table>,
                props.tableMinWidth?.mapping,
              )}
              <Radio.Group label={t(k('mode'))} value={mode} onChange={(v) => setMode(v as ImportMode)}>
                <Stack gap="xs" mt="xs">
                  <Radio value="all_or_nothing" label={t(k('modeAll'))} />
                  <Radio value="valid_rows" label={t(k('modeValid'))} />
                </Stack>
              </Radio.Group>
              <Text size="sm" c="dimmed">
                {t(k('note'))}
              </Text>
              {run.error ? <Alert color="red">{errorText(run.error)}</Alert> : null}
              <Group>
                <Button variant="default" onClick={restart}>
                  {t(k('back'))}
                </Button>
                <Button loading={run.isPending} onClick={() => run.mutate()}>
                  {t(k('run'))}
                </Button>
              </Group>
            </Stack>
          ) : null}
        </Stepper.Step>

        <Stepper.Step label={t(k('stepReport'))}>
          {report ? <ImportReportView {...props} report={report} text={k} scroll={scroll} onRestart={restart} /> : null}
        </Stepper.Step>
      </Stepper>
    </>
  )
}

function ImportReportView<F extends string, Row extends ImportReportRowShape>(
  props: ImportWizardProps<F, Row> & {
    report: ImportReportShape<Row>
    text: (name: ImportWizardText) => string
    scroll: (table: ReactNode, minWidth: number | undefined) => ReactNode
    onRestart: () => void
  },
) {
  const { t } = useTranslation()
  const { report, text: k } = props
  const describe = (e: ImportError) =>
    `${props.fieldLabel(e.field)}: ${props.codeText(e.code, e.code)}${e.value ? ` (${e.value})` : ''}${
      props.showCandidates && e.candidates?.length
        ? ` — ${t(k('writeOneOf'), { candidates: e.candidates.join(', ') })}`
        : ''
    }`
  return (
    <Stack mt="md">
      <Alert
        color={report.written ? 'green' : report.invalid > 0 || report.mappingErrors.length > 0 ? 'orange' : 'blue'}
        role="status"
      >
        {report.written ? t(k('written'), { count: report.created }) : t(k('nothingWritten'))}{' '}
        {t(k('summary'), { valid: report.valid, invalid: report.invalid })}
      </Alert>
      {report.mappingErrors.length > 0 ? (
        <Alert color="red" title={t(k('mappingErrors'))}>
          {report.mappingErrors.map(describe).join(' · ')}
        </Alert>
      ) : null}
      {report.rows.length > 0
        ? props.scroll(
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t(k('row'))}</Table.Th>
                  <Table.Th scope="col">{t(k('result'))}</Table.Th>
                  {props.reportColumns?.map((c) => (
                    <Table.Th key={c.header} scope="col">
                      {c.header}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t(k('details'))}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Th scope="row">{r.row}</Table.Th>
                    <Table.Td>
                      <Badge color={r.ok ? 'green' : 'red'} variant="light">
                        {r.ok ? t(k('ok')) : t(k('invalid'))}
                      </Badge>
                    </Table.Td>
                    {props.reportColumns?.map((c) => (
                      <Table.Td key={c.header}>{c.cell(r)}</Table.Td>
                    ))}
                    <Table.Td>
                      {r.created
                        ? props.createdCell
                          ? props.createdCell(r.created)
                          : r.created.reference
                        : r.errors.map(describe).join(' · ')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>,
            props.tableMinWidth?.report,
          )
        : null}
      <Group>
        <Button onClick={props.onRestart}>{t(k('another'))}</Button>
      </Group>
    </Stack>
  )
}
