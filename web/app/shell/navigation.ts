import {
  IconAffiliate,
  IconArrowsExchange,
  IconBuilding,
  IconBuildingCommunity,
  IconBuildingStore,
  IconBulb,
  IconCalendarEvent,
  IconCertificate,
  IconChecklist,
  IconClipboardCheck,
  IconFileImport,
  IconFileText,
  IconHistory,
  IconHome,
  IconKey,
  IconLayoutDashboard,
  IconMail,
  IconMessages,
  IconRocket,
  IconSettings,
  IconShieldLock,
  IconSpeakerphone,
  IconTargetArrow,
  IconUser,
  IconUserShield,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react'
import type { ComponentType } from 'react'
import type { Capability } from '../../../shared/authz.ts'

export interface NavItem {
  /** Translation key of the label. */
  label: string
  to: string
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>
  /** Shown only when `me.abilities[capability].allowed`. */
  capability?: Capability
  /** Shown only to signed-in people (`true`) or only to visitors (`false`); both when undefined. */
  signedIn?: boolean
  /** Shown only to members of at least one organisation (pages about "your organisation's" things). */
  member?: boolean
  /** Match the path exactly (the dashboard) rather than as a prefix. */
  exact?: boolean
}

export interface NavSection {
  label: string
  items: NavItem[]
}

/** The role-aware navigation, as data: each item names the capability that shows it. */
export const navigation: NavSection[] = [
  {
    label: 'nav.sections.programme',
    items: [
      { label: 'nav.dashboard', to: '/app', icon: IconLayoutDashboard, signedIn: true, exact: true },
      { label: 'nav.programme', to: '/app/programme', icon: IconHome },
      { label: 'nav.myOrganisations', to: '/app/organisations', icon: IconBuilding, signedIn: true },
      { label: 'nav.useCases', to: '/app/use-cases', icon: IconBulb, capability: 'use_case.view' },
      { label: 'nav.workshops', to: '/app/workshops', icon: IconCalendarEvent, capability: 'workshop.view' },
      { label: 'solutions.nav', to: '/app/solutions', icon: IconRocket, capability: 'solution.manage', member: true },
      {
        label: 'applications.nav',
        to: '/app/applications',
        icon: IconFileText,
        capability: 'application.view',
        member: true,
      },
      { label: 'nav.solutionCatalogue', to: '/app/catalogue', icon: IconBuildingStore, signedIn: true },
      {
        label: 'nav.partnering',
        to: '/app/partnering',
        icon: IconUsersGroup,
        capability: 'partnering.view',
        member: true,
      },
      { label: 'nav.messages', to: '/app/messages', icon: IconMessages, capability: 'partnering.view', member: true },
      { label: 'nav.brokerage', to: '/app/brokerage', icon: IconArrowsExchange, capability: 'brokerage.view' },
      {
        label: 'nav.consortia',
        to: '/app/consortia',
        icon: IconUsers,
        capability: 'consortium.view',
        member: true,
      },
      {
        label: 'nav.myEvaluations',
        to: '/app/evaluations',
        icon: IconClipboardCheck,
        capability: 'evaluation.expert',
      },
    ],
  },
  {
    label: 'nav.sections.account',
    items: [
      { label: 'nav.profile', to: '/app/profile', icon: IconUser, signedIn: true, exact: true },
      { label: 'nav.security', to: '/app/profile/security', icon: IconShieldLock, signedIn: true },
      { label: 'nav.tokens', to: '/app/profile/tokens', icon: IconKey, capability: 'account.tokens.manage' },
      { label: 'nav.expert', to: '/app/expert', icon: IconCertificate, capability: 'expert.profile.view' },
    ],
  },
  {
    label: 'nav.sections.admin',
    items: [
      { label: 'nav.adminUsers', to: '/app/admin/users', icon: IconUsers, capability: 'admin.users.view' },
      { label: 'nav.adminRoles', to: '/app/admin/roles', icon: IconUserShield, capability: 'admin.roles.view' },
      {
        label: 'nav.adminOrganisations',
        to: '/app/admin/organisations',
        icon: IconBuildingCommunity,
        capability: 'organisation.list',
      },
      {
        label: 'nav.clusterMembers',
        to: '/app/cluster-members',
        icon: IconAffiliate,
        capability: 'cluster.members.view',
      },
      { label: 'calls.list.title', to: '/app/calls', icon: IconSpeakerphone, capability: 'call.dashboard' },
      { label: 'nav.expertPool', to: '/app/experts', icon: IconCertificate, capability: 'expert.pool.view' },
      { label: 'nav.evaluation', to: '/app/evaluation', icon: IconChecklist, capability: 'evaluation.view' },
      {
        label: 'nav.challengesAdmin',
        to: '/app/admin/challenges',
        icon: IconTargetArrow,
        capability: 'challenge.manage',
      },
      {
        label: 'nav.solutionImport',
        to: '/app/admin/solutions/import',
        icon: IconFileImport,
        capability: 'solution.import',
      },
      {
        label: 'nav.useCaseImport',
        to: '/app/admin/use-cases/import',
        icon: IconFileImport,
        capability: 'use_case.import',
      },
      { label: 'nav.activity', to: '/app/admin/activity', icon: IconHistory, capability: 'admin.audit.view' },
      { label: 'nav.mailbox', to: '/app/admin/mailbox', icon: IconMail, capability: 'admin.mailbox.view' },
      {
        label: 'nav.programmeSettings',
        to: '/app/admin/programme',
        icon: IconSettings,
        capability: 'programme.manage',
      },
    ],
  },
]
