export { SapLogonFormatError, type ImportWarning, type LogonFileContent } from './entries';
export { decodeSapLogonBytes } from './decode';
export { includedPath, readSapLogonText } from './read';
export { resolveLandscape, type LogonSystem, type ResolvedLandscape } from './resolve';
export { landscapeYaml, mergeIntoLandscape, MergeError, type ConnectionDifference, type MergeResult } from './yaml';
export { exportedSystems, sapUiLandscapeXml, type ExportedLandscape } from './export';
