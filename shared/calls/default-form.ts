import type { ApplicationForm, FormSection } from '../contracts/call-form.ts'
import type { LocalizedText } from '../contracts/common.ts'

/**
 * The default application form of a new call, modelled on EU proposal templates (Part B: excellence,
 * impact, implementation) cut down to the size of a cascade-funding call. Labels are programme data
 * (localizedText in en/fr/nl), not interface texts, so they live here and not in the i18n files.
 */

const text = (en: string, fr: string, nl: string): LocalizedText => ({ en, fr, nl })

const base = {
  help: null,
  required: true,
  scope: 'shared' as const,
  semantic: null,
  condition: null,
}

const trlOptions = {
  type: 'number' as const,
  min: 1,
  max: 9,
  integer: true,
}

const core: FormSection = {
  id: 'core',
  title: text('Project', 'Projet', 'Project'),
  description: text(
    'The essentials of your project, as they will appear in the list of applications.',
    'L’essentiel de votre projet, tel qu’il apparaîtra dans la liste des candidatures.',
    'De kern van uw project, zoals die in de lijst van aanvragen verschijnt.',
  ),
  questions: [
    {
      ...base,
      id: 'acronym',
      type: 'short_text',
      label: text('Acronym', 'Acronyme', 'Acroniem'),
      help: text(
        'A short name, at most 20 characters.',
        'Un nom court, 20 caractères au plus.',
        'Een korte naam, hoogstens 20 tekens.',
      ),
      semantic: 'acronym',
      maxLength: 20,
    },
    {
      ...base,
      id: 'title',
      type: 'short_text',
      label: text('Project title', 'Titre du projet', 'Projecttitel'),
      semantic: 'title',
      maxLength: 200,
    },
    {
      ...base,
      id: 'abstract',
      type: 'long_text',
      label: text('Abstract', 'Résumé', 'Samenvatting'),
      help: text(
        'What you will build, for whom, and what will be different at the end. This text may be published if the project is funded.',
        'Ce que vous allez construire, pour qui, et ce qui aura changé à la fin. Ce texte peut être publié si le projet est financé.',
        'Wat u gaat bouwen, voor wie, en wat er aan het einde anders zal zijn. Deze tekst kan worden gepubliceerd als het project wordt gefinancierd.',
      ),
      semantic: 'abstract',
      minLength: 200,
      maxLength: 2000,
    },
    {
      ...base,
      ...trlOptions,
      id: 'trl_start',
      label: text('TRL at the start', 'TRL au début', 'TRL bij de start'),
      help: text(
        'Technology readiness level of your solution today (1 to 9).',
        'Niveau de maturité technologique de votre solution aujourd’hui (1 à 9).',
        'Technologisch gereedheidsniveau van uw oplossing vandaag (1 tot 9).',
      ),
      semantic: 'trl_start',
    },
    {
      ...base,
      ...trlOptions,
      id: 'trl_end',
      label: text('TRL at the end', 'TRL à la fin', 'TRL aan het einde'),
      help: text(
        'The level your solution will reach at the end of the project.',
        'Le niveau que votre solution atteindra à la fin du projet.',
        'Het niveau dat uw oplossing aan het einde van het project bereikt.',
      ),
      semantic: 'trl_end',
    },
    {
      ...base,
      id: 'duration_months',
      type: 'number',
      label: text('Duration (months)', 'Durée (mois)', 'Looptijd (maanden)'),
      semantic: 'duration_months',
      min: 1,
      max: 12,
      integer: true,
    },
  ],
}

const challengeFit: FormSection = {
  id: 'challenge_fit',
  title: text('Fit with the challenge', 'Adéquation avec le défi', 'Aansluiting bij de uitdaging'),
  description: null,
  questions: [
    {
      ...base,
      id: 'challenge_fit',
      type: 'long_text',
      label: text(
        'How does your project answer the challenge?',
        'Comment votre projet répond-il au défi ?',
        'Hoe beantwoordt uw project de uitdaging?',
      ),
      help: text(
        'Refer to the needs stated by the end-users in the challenge.',
        'Référez-vous aux besoins exprimés par les utilisateurs finaux dans le défi.',
        'Verwijs naar de behoeften die de eindgebruikers in de uitdaging hebben beschreven.',
      ),
      minLength: 0,
      maxLength: 3000,
    },
  ],
}

const solution: FormSection = {
  id: 'solution',
  title: text('Solution and innovation', 'Solution et innovation', 'Oplossing en innovatie'),
  description: null,
  questions: [
    {
      ...base,
      id: 'solution_description',
      type: 'long_text',
      label: text('Your solution', 'Votre solution', 'Uw oplossing'),
      minLength: 0,
      maxLength: 4000,
    },
    {
      ...base,
      id: 'innovation',
      type: 'long_text',
      label: text(
        'What is new compared with the state of the art?',
        'Qu’est-ce qui est nouveau par rapport à l’état de l’art ?',
        'Wat is nieuw ten opzichte van de stand van de techniek?',
      ),
      minLength: 0,
      maxLength: 3000,
    },
    {
      ...base,
      id: 'output_type',
      type: 'single_choice',
      label: text('Expected output', 'Résultat attendu', 'Verwacht resultaat'),
      options: [
        { id: 'prototype', label: text('Prototype', 'Prototype', 'Prototype') },
        { id: 'demonstrator', label: text('Demonstrator', 'Démonstrateur', 'Demonstrator') },
        { id: 'product', label: text('Market-ready product', 'Produit prêt pour le marché', 'Marktklaar product') },
      ],
    },
  ],
}

const impact: FormSection = {
  id: 'impact',
  title: text('Impact', 'Impact', 'Impact'),
  description: null,
  questions: [
    {
      ...base,
      id: 'impact',
      type: 'long_text',
      label: text(
        'Expected impact for the end-users and your business',
        'Impact attendu pour les utilisateurs finaux et votre entreprise',
        'Verwachte impact voor de eindgebruikers en uw onderneming',
      ),
      minLength: 0,
      maxLength: 3000,
    },
    {
      ...base,
      id: 'target_markets',
      type: 'multiple_choice',
      label: text('Target markets', 'Marchés visés', 'Doelmarkten'),
      options: [
        { id: 'public_sector', label: text('Public sector', 'Secteur public', 'Publieke sector') },
        {
          id: 'critical_infrastructure',
          label: text('Critical infrastructure', 'Infrastructures critiques', 'Kritieke infrastructuur'),
        },
        { id: 'industry', label: text('Industry', 'Industrie', 'Industrie') },
        { id: 'smes', label: text('SMEs', 'PME', 'Kmo’s') },
        { id: 'citizens', label: text('Citizens', 'Citoyens', 'Burgers') },
      ],
      minSelected: 1,
      maxSelected: 3,
    },
  ],
}

const workPlan: FormSection = {
  id: 'work_plan',
  title: text('Work plan and consortium', 'Plan de travail et consortium', 'Werkplan en consortium'),
  description: null,
  questions: [
    {
      ...base,
      id: 'work_plan',
      type: 'work_plan',
      label: text('Work plan', 'Plan de travail', 'Werkplan'),
      help: text(
        'Milestones and deliverables, each with the month in which it is due.',
        'Jalons et livrables, chacun avec le mois auquel il est attendu.',
        'Mijlpalen en resultaten, elk met de maand waarin ze klaar zijn.',
      ),
      maxMonths: 12,
      minMilestones: 2,
      minDeliverables: 2,
    },
    {
      ...base,
      id: 'partner_expertise',
      type: 'long_text',
      scope: 'partner',
      label: text(
        'Expertise your organisation brings to the project',
        'Expertise que votre organisation apporte au projet',
        'Expertise die uw organisatie in het project inbrengt',
      ),
      minLength: 0,
      maxLength: 1500,
    },
  ],
}

const budget: FormSection = {
  id: 'budget',
  title: text('Budget', 'Budget', 'Begroting'),
  description: null,
  questions: [
    {
      ...base,
      id: 'budget',
      type: 'budget_table',
      label: text('Budget per partner', 'Budget par partenaire', 'Begroting per partner'),
      help: text(
        'Each partner enters its own line in its part of the application.',
        'Chaque partenaire saisit sa propre ligne dans sa partie de la candidature.',
        'Elke partner vult zijn eigen regel in zijn deel van de aanvraag in.',
      ),
    },
    {
      ...base,
      id: 'budget_justification',
      type: 'long_text',
      label: text('Justification of the costs', 'Justification des coûts', 'Verantwoording van de kosten'),
      minLength: 0,
      maxLength: 2000,
    },
  ],
}

const endUser: FormSection = {
  id: 'end_user',
  title: text('End-user validation', 'Validation par les utilisateurs finaux', 'Validatie door eindgebruikers'),
  description: null,
  questions: [
    {
      ...base,
      id: 'end_user_involved',
      type: 'single_choice',
      label: text(
        'Will an end-user validate your solution?',
        'Un utilisateur final validera-t-il votre solution ?',
        'Zal een eindgebruiker uw oplossing valideren?',
      ),
      options: [
        { id: 'yes', label: text('Yes', 'Oui', 'Ja') },
        { id: 'no', label: text('No', 'Non', 'Nee') },
      ],
    },
    {
      ...base,
      id: 'end_user_name',
      type: 'short_text',
      label: text('End-user organisation', 'Organisation utilisatrice finale', 'Eindgebruikersorganisatie'),
      condition: { questionId: 'end_user_involved', anyOf: ['yes'] },
      maxLength: 200,
    },
    {
      ...base,
      id: 'validation_plan',
      type: 'long_text',
      label: text(
        'How will the validation take place?',
        'Comment la validation se déroulera-t-elle ?',
        'Hoe verloopt de validatie?',
      ),
      condition: { questionId: 'end_user_involved', anyOf: ['yes'] },
      minLength: 0,
      maxLength: 2000,
    },
    {
      ...base,
      id: 'end_user_letter',
      type: 'file',
      required: false,
      label: text('Letter of support (PDF)', 'Lettre de soutien (PDF)', 'Steunbrief (pdf)'),
      condition: { questionId: 'end_user_involved', anyOf: ['yes'] },
      accept: ['pdf'],
      maxBytes: 5 * 1024 * 1024,
      maxFiles: 1,
    },
  ],
}

const annexes: FormSection = {
  id: 'annexes',
  title: text('Annexes', 'Annexes', 'Bijlagen'),
  description: null,
  questions: [
    {
      ...base,
      id: 'annexes',
      type: 'file',
      required: false,
      label: text('Other annexes', 'Autres annexes', 'Andere bijlagen'),
      help: text(
        'Optional: diagrams, specifications or letters (PDF, images or spreadsheets).',
        'Facultatif : schémas, spécifications ou lettres (PDF, images ou tableurs).',
        'Facultatief: schema’s, specificaties of brieven (pdf, afbeeldingen of rekenbladen).',
      ),
      accept: ['pdf', 'image', 'spreadsheet'],
      maxBytes: 10 * 1024 * 1024,
      maxFiles: 3,
    },
  ],
}

/** A complete, realistic default form (a fresh copy each call: callers may edit it). */
export function defaultForm(): ApplicationForm {
  const sections = [core, challengeFit, solution, impact, workPlan, budget, endUser, annexes]
  return structuredClone({ sections })
}
