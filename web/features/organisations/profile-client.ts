import type { z } from 'zod'
import {
  type organisationImportInput,
  organisationImportPreview,
  organisationImportReport,
} from '../../../shared/contracts/organisation-transfer.ts'
import {
  applicantProfile,
  type applicantProfileInput,
  type relationsInput,
} from '../../../shared/contracts/profiles.ts'
import { request } from '../../app/api.ts'

/** The typed client of the applicant profile, logo and organisation import endpoints. */
const v1 = '/api/v1'
const enc = encodeURIComponent

export const profileApi = {
  get: (id: string) => request('GET', `${v1}/organisations/${enc(id)}/applicant-profile`, { schema: applicantProfile }),
  save: (id: string, body: z.input<typeof applicantProfileInput>) =>
    request('PUT', `${v1}/organisations/${enc(id)}/applicant-profile`, { body, schema: applicantProfile }),
  saveRelations: (id: string, body: z.input<typeof relationsInput>) =>
    request('PUT', `${v1}/organisations/${enc(id)}/relations`, { body, schema: applicantProfile }),
  uploadLogo: (id: string, filename: string, data: string) =>
    request('PUT', `${v1}/organisations/${enc(id)}/applicant-profile/logo`, {
      body: { filename, data },
      schema: applicantProfile,
    }),
  removeLogo: (id: string) =>
    request('DELETE', `${v1}/organisations/${enc(id)}/applicant-profile/logo`, { schema: null }),
  importPreview: (file: string) =>
    request('POST', `${v1}/organisations/import/preview`, { body: { file }, schema: organisationImportPreview }),
  importOrganisations: (body: z.input<typeof organisationImportInput>) =>
    request('POST', `${v1}/organisations/import`, { body, schema: organisationImportReport }),
}

export const profileKeys = {
  profile: (id: string) => ['organisation', id, 'applicant-profile'] as const,
}

/** The download URL of the filtered organisation list (paging dropped: an export has every row). */
export function organisationExportUrl(format: 'csv' | 'xlsx', query: Record<string, unknown>) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (k === 'page' || k === 'pageSize' || v === undefined || v === null || v === '') continue
    params.set(k, String(v))
  }
  const qs = params.toString()
  return `${v1}/organisations/export.${format}${qs ? `?${qs}` : ''}`
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
