export { describeWarning, SapLogonFormatError, type ImportWarning, type LogonFileContent } from './entries';
export { decodeSapLogonBytes } from './decode';
export { includedPath, readSapLogonText } from './read';
export { resolveLandscape, type LogonSystem, type ResolvedLandscape } from './resolve';
export { describeDifference, landscapeYaml, mergeIntoLandscape, MergeError, type ConnectionDifference, type MergeResult } from './yaml';
export { exportedSystems, sapUiLandscapeXml, type ExportedLandscape } from './export';
export { collectSapLogonFiles, SapLogonReadError, type SapLogonFileAccess } from './collect';
