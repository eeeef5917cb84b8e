export { checkAnswers, complete, effectiveTrl, evaluate, evidenceProblems, fitsWindow, levelOf } from './evaluate.ts'
export { allCriterionIds, questionnaireFor, questionnaires, questionnaireVersion } from './questionnaires.ts'
export { defaultTrlWindow } from './window.ts'
