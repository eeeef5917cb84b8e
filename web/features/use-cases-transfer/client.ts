import type { z } from 'zod'
import {
  type importInput,
  importPreview,
  importReport,
  type useCaseExportQuery,
} from '../../../shared/contracts/transfer.ts'
import { request } from '../../app/api.ts'

/** The typed client of the use-case import endpoints; exports are plain downloads (see `exportUrl`). */
const v1 = '/api/v1'

export type UseCaseExportQuery = Partial<z.input<typeof useCaseExportQuery>>

export const transferApi = {
  preview: (file: string) =>
    request('POST', `${v1}/use-cases/import/preview`, { body: { file }, schema: importPreview }),
  importUseCases: (body: z.input<typeof importInput>) =>
    request('POST', `${v1}/use-cases/import`, { body, schema: importReport }),
}

/** The download URL of the filtered list; paging parameters are dropped (an export has every row). */
export function exportUrl(format: 'csv' | 'xlsx', query: UseCaseExportQuery & { page?: unknown; pageSize?: unknown }) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (k === 'page' || k === 'pageSize' || v === undefined || v === null || v === '') continue
    params.set(k, String(v))
  }
  const qs = params.toString()
  return `${v1}/use-cases/export.${format}${qs ? `?${qs}` : ''}`
}

/** A File's bytes as base64 (without the data-URL prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(file)
  })
}
