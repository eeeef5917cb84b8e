export { sendDownload } from './download.ts'
export { type InputFormat, type ReadTable, readTable, UnreadableFile } from './read.ts'
export {
  attachmentHeader,
  type CellValue,
  type Column,
  datedFilename,
  mediaTypes,
  renderTable,
  type Table,
  type TabularFormat,
  toCsv,
  toXlsx,
} from './tabular.ts'
