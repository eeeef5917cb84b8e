/**
 * Every stable error code the API returns, with its HTTP status. The UI translates `errors.<code>`;
 * the server maps a DomainError to a problem+json response through this table. Add codes here only.
 */
export const errorCodes = {
  validation_failed: 400,
  bad_request: 400,
  not_signed_in: 401,
  invalid_token: 401,
  forbidden: 403,
  csrf_rejected: 403,
  two_factor_required: 403,
  email_not_verified: 403,
  not_found: 404,
  organisation_not_found: 404,
  invitation_not_found: 404,
  grant_not_found: 404,
  cluster_not_found: 404,
  user_not_found: 404,
  member_not_found: 404,
  use_case_not_found: 404,
  taxonomy_not_found: 404,
  workshop_not_found: 404,
  workshop_registration_not_found: 404,
  conflict: 409,
  registration_number_taken: 409,
  already_member: 409,
  invitation_pending: 409,
  last_owner: 409,
  role_already_granted: 409,
  last_operator: 409,
  self_change_refused: 409,
  use_case_revision_conflict: 409,
  use_case_transition_refused: 409,
  use_case_incomplete: 400,
  organisation_not_eligible: 403,
  workshop_not_open: 409,
  workshop_transition_refused: 409,
  already_registered: 409,
  attendance_before_start: 409,
  vote_closed: 409,
  ballot_over_budget: 400,
  invitation_expired: 410,
  invitation_used: 410,
  invitation_email_mismatch: 403,
  payload_too_large: 413,
  sign_in_throttled: 429,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const

export type ErrorCode = keyof typeof errorCodes

/** Why a capability was refused; the UI translates `reasons.<reason>`. */
export const denialReasons = [
  'not_signed_in',
  'missing_role',
  'not_a_member',
  'organisation_role_too_low',
  'two_factor_required',
  'token_scope_missing',
  'account_disabled',
  'email_not_verified',
  'last_owner',
  'wrong_status',
  'not_the_author',
] as const
export type DenialReason = (typeof denialReasons)[number]
