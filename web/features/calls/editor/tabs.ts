import { fieldTabs } from './validate.ts'

/** The call editor's tabs, in order: the call's fields, then what acts on a saved call. */
export const editorTabs = [...fieldTabs, 'documents', 'qa', 'versions'] as const
export type EditorTab = (typeof editorTabs)[number]
