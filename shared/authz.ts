/**
 * The capability matrix: which role may do what, written as data. The server's policy functions read
 * it (server/platform/authz), every route names one capability, and a test proves that no route lets a
 * role do what this table forbids. The UI reads the same table only to explain; the server decides.
 *
 * Roles:
 *  - anonymous: nobody signed in
 *  - user: any signed-in person
 *  - expert, cluster_staff, operator: programme roles (granted by an operator)
 *  - org_member, org_admin, org_owner: a person's role in the organisation the request is about
 */
export const programmeRoles = ['operator', 'cluster_staff', 'expert'] as const
export type ProgrammeRole = (typeof programmeRoles)[number]
export const organisationRoles = ['owner', 'admin', 'member'] as const
export type OrganisationRole = (typeof organisationRoles)[number]

export const roles = [
  'anonymous',
  'user',
  'expert',
  'cluster_staff',
  'operator',
  'org_member',
  'org_admin',
  'org_owner',
] as const
export type Role = (typeof roles)[number]

/** Token scopes: an API token may use a capability only when it holds that capability's scope. */
export const tokenScopes = [
  'profile:read',
  'profile:write',
  'organisations:read',
  'organisations:write',
  'admin:read',
  'admin:write',
  'use_cases:read',
  'use_cases:write',
  'workshops:read',
  'workshops:write',
  'solutions:read',
  'solutions:write',
  'calls:read',
  'calls:write',
  'applications:read',
  'applications:write',
  'matchmaking:read',
  'matchmaking:write',
  'evaluation:read',
  'evaluation:write',
] as const
export type TokenScope = (typeof tokenScopes)[number]

interface CapabilityRule {
  /** Roles that hold the capability. Organisation roles count only for the organisation in question. */
  roles: readonly Role[]
  /** The scope an API token needs; `null` for capabilities a token may never use. */
  scope: TokenScope | null
  /** The kind of object the capability is about (the route says which parameter names it). */
  subject?: 'organisation'
}

const signedIn = ['user', 'expert', 'cluster_staff', 'operator', 'org_member', 'org_admin', 'org_owner'] as const
const everyone = ['anonymous', ...signedIn] as const

export const capabilityMatrix = {
  'programme.view': { roles: everyone, scope: null },
  'programme.manage': { roles: ['operator'], scope: 'admin:write' },
  'challenge.manage': { roles: ['operator'], scope: 'admin:write' },
  'account.view': { roles: signedIn, scope: 'profile:read' },
  'account.update': { roles: signedIn, scope: 'profile:write' },
  'account.tokens.manage': { roles: signedIn, scope: null },
  'invitation.accept': { roles: signedIn, scope: null },
  'organisation.create': { roles: signedIn, scope: 'organisations:write' },
  'organisation.list': { roles: ['operator', 'cluster_staff'], scope: 'organisations:read' },
  'organisation.view': {
    roles: ['operator', 'cluster_staff', 'org_member', 'org_admin', 'org_owner'],
    scope: 'organisations:read',
    subject: 'organisation',
  },
  'organisation.update': {
    roles: ['operator', 'org_admin', 'org_owner'],
    scope: 'organisations:write',
    subject: 'organisation',
  },
  'organisation.members.view': {
    roles: ['operator', 'cluster_staff', 'org_member', 'org_admin', 'org_owner'],
    scope: 'organisations:read',
    subject: 'organisation',
  },
  'organisation.members.manage': {
    roles: ['operator', 'org_admin', 'org_owner'],
    scope: 'organisations:write',
    subject: 'organisation',
  },
  'organisation.ownership.transfer': {
    roles: ['operator', 'org_owner'],
    scope: 'organisations:write',
    subject: 'organisation',
  },
  'organisation.leave': {
    roles: ['org_member', 'org_admin', 'org_owner'],
    scope: 'organisations:write',
    subject: 'organisation',
  },
  'admin.users.view': { roles: ['operator'], scope: 'admin:read' },
  'admin.users.manage': { roles: ['operator'], scope: 'admin:write' },
  'admin.roles.view': { roles: ['operator'], scope: 'admin:read' },
  'admin.roles.manage': { roles: ['operator'], scope: 'admin:write' },
  'admin.audit.view': { roles: ['operator'], scope: 'admin:read' },
  'admin.mailbox.view': { roles: ['operator'], scope: 'admin:read' },
  // Use cases: the route gate checks role and token scope only; the commands check the use case itself
  // (its organisation, status and confidentiality), and an invisible one answers 404 to everyone.
  'use_case.view': { roles: signedIn, scope: 'use_cases:read' },
  'use_case.create': { roles: signedIn, scope: 'use_cases:write' },
  'use_case.update': { roles: signedIn, scope: 'use_cases:write' },
  'use_case.comment': { roles: signedIn, scope: 'use_cases:write' },
  'use_case.review': { roles: ['cluster_staff', 'operator'], scope: 'use_cases:write' },
  // Export answers exactly what the list answers (same visibility rule); import is an operator's tool.
  'use_case.export': { roles: signedIn, scope: 'use_cases:read' },
  'use_case.import': { roles: ['operator'], scope: 'use_cases:write' },
  // Workshops: the route gate checks role and scope; the commands check the workshop itself (cluster
  // staff manage only their own cluster's workshops; drafts are invisible to non-organisers: 404).
  'workshop.view': { roles: signedIn, scope: 'workshops:read' },
  'workshop.manage': { roles: ['cluster_staff', 'operator'], scope: 'workshops:write' },
  'workshop.register': { roles: signedIn, scope: 'workshops:write' },
  'workshop.vote': { roles: signedIn, scope: 'workshops:write' },
  // Cluster membership of organisations: the staff of that cluster (checked on the cluster) and operators.
  'cluster.members.view': { roles: ['cluster_staff', 'operator'], scope: 'organisations:read' },
  'cluster.members.manage': { roles: ['cluster_staff', 'operator'], scope: 'organisations:write' },
  // Notifications: each person's own (the queries never read another's); a token acts for its owner.
  'notification.view': { roles: signedIn, scope: 'profile:read' },
  'notification.manage': { roles: signedIn, scope: 'profile:write' },
  // Supply side. The public and member views of profiles and solutions are one capability: what each
  // caller sees (identity of anonymous profiles above all) is decided per object by the disclosure rule.
  'organisation.profile.view': { roles: everyone, scope: 'organisations:read' },
  'organisation.import': { roles: ['operator', 'cluster_staff'], scope: 'organisations:write' },
  'organisation.export': { roles: ['operator', 'cluster_staff'], scope: 'organisations:read' },
  'solution.view': { roles: everyone, scope: 'solutions:read' },
  // Creating and editing a solution, its media and its TRL self-assessment: members of the owning
  // organisation (checked on the object); the route gate only asks for a signed-in person.
  'solution.manage': { roles: signedIn, scope: 'solutions:write' },
  'solution.review_trl': { roles: ['cluster_staff', 'operator', 'expert'], scope: 'solutions:write' },
  'solution.export': { roles: signedIn, scope: 'solutions:read' },
  'solution.import': { roles: ['operator', 'cluster_staff'], scope: 'solutions:write' },
  // Calls: published calls are public (drafts are 404 to all but operators); operators set them up,
  // answer questions and review eligibility; programme staff follow the dashboard.
  'call.view': { roles: everyone, scope: 'calls:read' },
  'call.manage': { roles: ['operator'], scope: 'calls:write' },
  'call.ask': { roles: signedIn, scope: 'calls:write' },
  'call.dashboard': { roles: ['operator', 'cluster_staff'], scope: 'calls:read' },
  'call.screen': { roles: ['operator'], scope: 'calls:write' },
  // Applications: the route gate asks for a signed-in person; each command checks that the caller
  // belongs to the consortium (lead or accepted partner) or is an operator; an application the caller
  // may not see is a 404. Only the lead's members submit and withdraw.
  'application.view': { roles: signedIn, scope: 'applications:read' },
  'application.manage': { roles: signedIn, scope: 'applications:write' },
  'application.submit': { roles: signedIn, scope: 'applications:write' },
  // Partner search (matchmaking): the marketplace is for people signed in; posts are written by members of
  // their organisation, interests are expressed and decided by members of the organisations concerned,
  // and a thread is read and written by the members of its two organisations (all checked on the object).
  'partnering.view': { roles: signedIn, scope: 'matchmaking:read' },
  'partnering.manage': { roles: signedIn, scope: 'matchmaking:write' },
  'partnering.interest': { roles: signedIn, scope: 'matchmaking:write' },
  'partnering.message': { roles: signedIn, scope: 'matchmaking:write' },
  // Recommendations (matchmaking): for people signed in; each use case checks the object — a challenge
  // the caller sees, their own organisation or solution (brokers: any), an application they lead.
  'matchmaking.recommend': { roles: signedIn, scope: 'matchmaking:read' },
  // Brokerage events (matchmaking): published events are for people signed in, drafts for their organisers;
  // operators and the organising cluster's staff manage an event (checked on the object); people register for
  // their organisation, and requests are sent and decided by the participants concerned (checked on the object).
  'brokerage.view': { roles: signedIn, scope: 'matchmaking:read' },
  'brokerage.manage': { roles: ['cluster_staff', 'operator'], scope: 'matchmaking:write' },
  'brokerage.participate': { roles: signedIn, scope: 'matchmaking:write' },
  // Consortia (matchmaking): for people signed in; each use case checks the object — the lead's members
  // manage it, an invited organisation's members answer, brokers read; turning one into an application
  // also writes an application.
  'consortium.view': { roles: signedIn, scope: 'matchmaking:read' },
  'consortium.manage': { roles: signedIn, scope: 'matchmaking:write' },
  'consortium.convert': { roles: signedIn, scope: 'applications:write' },
  // Experts (evaluation): a signed-in person keeps their own expert profile and applies to the public call for
  // experts of a listed call; operators of the call's programme invite, approve and follow conflicts (checked
  // on the call); an approved expert declares their own conflicts on the call's applications.
  'expert.profile.view': { roles: signedIn, scope: 'profile:read' },
  'expert.profile.manage': { roles: signedIn, scope: 'profile:write' },
  'expert.apply': { roles: signedIn, scope: 'profile:write' },
  'expert.pool.view': { roles: ['operator'], scope: 'calls:read' },
  'expert.pool.manage': { roles: ['operator'], scope: 'calls:write' },
  'expert.conflict.declare': { roles: ['expert', 'operator'], scope: 'calls:write' },
  // Evaluation and selection (issue 7 §3–12). Operators of the call's programme set up the evaluation
  // (settings, phases), run the assignment, moderate (reopen, consensus), rank, select, decide and handle
  // redress; an approved expert bids, confirms "no conflict" or recuses, evaluates what is assigned to them
  // and joins the consensus thread of those applications; an applicant's members read the decision and the
  // evaluation summary, answer a grant offer and file redress (each use case checks the object).
  'evaluation.manage': { roles: ['operator'], scope: 'evaluation:write' },
  'evaluation.view': { roles: ['operator'], scope: 'evaluation:read' },
  'evaluation.expert': { roles: ['expert', 'operator'], scope: 'evaluation:write' },
  'evaluation.moderate': { roles: ['operator'], scope: 'evaluation:write' },
  'evaluation.select': { roles: ['operator'], scope: 'evaluation:write' },
  'evaluation.decide': { roles: ['operator'], scope: 'evaluation:write' },
  'evaluation.result.view': { roles: signedIn, scope: 'applications:read' },
  'evaluation.result.respond': { roles: signedIn, scope: 'applications:write' },
  'evaluation.redress.handle': { roles: ['operator'], scope: 'evaluation:write' },
} as const satisfies Record<string, CapabilityRule>

export type Capability = keyof typeof capabilityMatrix
export const capabilities = Object.keys(capabilityMatrix) as Capability[]

export function capabilityRule(c: Capability): CapabilityRule {
  return capabilityMatrix[c]
}
