/**
 * Open call 2 in the demonstration: the bids the experts gave on titles and abstracts before the
 * assignment (yes / maybe / no), which the optimiser weighs with the text affinity. The demo expert
 * (Elena Rossi, industrial control systems) asked for the applications on networks and utilities.
 */
import { DEMO_EXPERT_EMAIL } from './experts.ts'

export type Bid = 'yes' | 'maybe' | 'no'

export const oc2Bids: Record<string, Record<string, Bid>> = {
  [DEMO_EXPERT_EMAIL]: {
    'oc2-cascadeview': 'yes',
    'oc2-cableguard': 'yes',
    'oc2-provenance': 'yes',
    'oc2-dronedome': 'maybe',
    'oc2-voisins': 'no',
  },
  'marc.lefevre@experts.securit.demo': { 'oc2-mcitrack': 'yes', 'oc2-voisins': 'maybe' },
  'pieter.devries@experts.securit.demo': { 'oc2-voisins': 'yes', 'oc2-cascadeview': 'maybe' },
  'laura.garcia@experts.securit.demo': { 'oc2-mcitrack': 'yes', 'oc2-eventbrief': 'maybe' },
  'mette.sorensen@experts.securit.demo': { 'oc2-dronedome': 'yes' },
  'jan.vermeulen@experts.securit.demo': { 'oc2-eventbrief': 'yes', 'oc2-crowdpulse': 'yes' },
  'claire.moreau@experts.securit.demo': { 'oc2-crowdpulse': 'yes', 'oc2-dronedome': 'maybe' },
  'mikko.virtanen@experts.securit.demo': { 'oc2-cascadeview': 'yes', 'oc2-provenance': 'maybe' },
  'katrin.schneider@experts.securit.demo': { 'oc2-cascadeview': 'maybe', 'oc2-voisins': 'no' },
}
