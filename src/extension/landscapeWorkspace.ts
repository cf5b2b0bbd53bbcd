import * as vscode from 'vscode';
import { OPTIONS_FILE_MAX_BYTES, parseOptionsFile } from '../core/config/load';
import { OptionsError, resolveOptions, type OptionsFile, type ResolvedOptions } from '../core/config/options';
import { RuleCache, runRules } from '../core/engine';
import type { Finding } from '../core/findings';
import { decodeLandscapeBytes } from '../core/landscape/decode';
import { loadLandscapeFile, oversizeMessage, type LandscapeFile } from '../core/landscape/file';
import { reparseLandscapeFile } from '../core/landscape/reparse';
import { systemReadiness, type SystemReadiness } from '../core/readiness';
import { RULES } from '../core/rules/registry';
import { toDiagnostic, optionsFileDiagnostic } from './diagnostics';
import { mergeRuleSettings, readSettings, SECTION, type ExtensionSettings } from './settings';

/** The result of one check of the whole workspace: what every face of the extension shows. */
export interface CheckSnapshot {
  files: readonly LandscapeFile[];
  findings: readonly Finding[];
  findingsByUri: ReadonlyMap<string, readonly Finding[]>;
  readiness: readonly SystemReadiness[];
  options: ResolvedOptions;
}

/**
 * Keeps every landscape file of the workspace parsed (open documents from their unsaved text,
 * the others from disk), re-parses only the file that changed, and re-runs the rules over all
 * of them, so a reference to a SID in another file resolves as in the CLI.
 */
export class LandscapeWorkspace implements vscode.Disposable {
  private readonly files = new Map<string, LandscapeFile>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly checked = new vscode.EventEmitter<CheckSnapshot>();
  readonly onDidCheck = this.checked.event;
  private settings: ExtensionSettings = readSettings();
  private optionsFile: OptionsFile | undefined;
  private optionsUri: vscode.Uri | undefined;
  private options: ResolvedOptions = resolveOptions(RULES);
  private current: CheckSnapshot | undefined;
  /** Per file, what its diagnostics show now (see diagnosticIdentity), to send only what changed. */
  private readonly published = new Map<string, string>();
  /** Findings of systems that did not change since the last check (see RuleCache). */
  private readonly ruleCache = new RuleCache();
  private timer: NodeJS.Timeout | undefined;
  /** Work started but not yet reflected in a snapshot (scans, debounced edits). */
  private pendingWork = 0;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly diagnostics: vscode.DiagnosticCollection,
  ) {}

  get snapshot(): CheckSnapshot | undefined {
    return this.current;
  }

  file(uri: vscode.Uri): LandscapeFile | undefined {
    return this.files.get(uri.toString());
  }

  /** Resolves with a snapshot that includes every change made so far. */
  whenChecked(): Promise<CheckSnapshot> {
    if (this.current && this.pendingWork === 0 && !this.timer) return Promise.resolve(this.current);
    return new Promise((resolve) => {
      const subscription = this.onDidCheck((snapshot) => {
        if (this.pendingWork === 0 && !this.timer) {
          subscription.dispose();
          resolve(snapshot);
        }
      });
    });
  }

  async start(): Promise<void> {
    this.listen();
    await this.rescan();
  }

  /** Reads settings, the options file and every landscape file again, then checks. */
  async rescan(): Promise<void> {
    this.pendingWork++;
    try {
      this.settings = readSettings();
      await this.loadOptions();
      const uris = await this.findLandscapeUris();
      const wanted = new Set(uris.map((uri) => uri.toString()));
      for (const key of [...this.files.keys()]) {
        if (!wanted.has(key) && !this.isOpen(key)) this.forget(vscode.Uri.parse(key));
      }
      await Promise.all(uris.map((uri) => this.readFromDiskOrEditor(uri)));
      for (const document of vscode.workspace.textDocuments) if (this.isLandscapeDocument(document)) this.setText(document.uri, document.getText());
      this.log.info(`Scanned ${uris.length} landscape file(s).`);
    } finally {
      this.pendingWork--;
    }
    this.checkNow();
  }

  isLandscapeDocument(document: vscode.TextDocument): boolean {
    if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled' && document.uri.scheme !== 'vscode-remote') return false;
    const included = vscode.languages.match(this.settings.include.map((pattern) => ({ pattern })), document) > 0;
    return included && !(this.settings.exclude && vscode.languages.match({ pattern: this.settings.exclude }, document) > 0);
  }

  private listen(): void {
    const onDocument = (document: vscode.TextDocument): void => {
      if (!this.isLandscapeDocument(document)) return;
      this.setText(document.uri, document.getText());
      this.scheduleCheck();
    };
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument(onDocument),
      vscode.workspace.onDidChangeTextDocument((event) => onDocument(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (!this.files.has(document.uri.toString())) return;
        // Unsaved edits are gone with the editor: the file on disk is what counts again.
        if (document.uri.scheme === 'untitled') this.forget(document.uri);
        else void this.track(this.readFromDiskOrEditor(document.uri));
        this.scheduleCheck();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SECTION)) void this.rescan();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
    );
    for (const pattern of this.settings.include) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const reread = (uri: vscode.Uri): void => {
        if (this.isOpen(uri.toString())) return; // the editor's text wins over the disk
        void this.track(this.readFromDiskOrEditor(uri)).then(() => this.scheduleCheck());
      };
      this.disposables.push(
        watcher,
        watcher.onDidCreate(reread),
        watcher.onDidChange(reread),
        watcher.onDidDelete((uri) => {
          this.forget(uri);
          this.scheduleCheck();
        }),
      );
    }
    const optionsWatcher = vscode.workspace.createFileSystemWatcher(`**/${this.settings.optionsFile}`);
    const reloadOptions = (): void => void this.track(this.loadOptions()).then(() => this.scheduleCheck(0));
    this.disposables.push(optionsWatcher, optionsWatcher.onDidCreate(reloadOptions), optionsWatcher.onDidChange(reloadOptions), optionsWatcher.onDidDelete(reloadOptions));
  }

  private async track<T>(work: Promise<T>): Promise<T> {
    this.pendingWork++;
    try {
      return await work;
    } finally {
      this.pendingWork--;
    }
  }

  private async findLandscapeUris(): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    for (const pattern of this.settings.include) {
      for (const uri of await vscode.workspace.findFiles(pattern, this.settings.exclude || undefined)) found.set(uri.toString(), uri);
    }
    return [...found.values()];
  }

  private isOpen(key: string): boolean {
    return vscode.workspace.textDocuments.some((document) => document.uri.toString() === key);
  }

  private async readFromDiskOrEditor(uri: vscode.Uri): Promise<void> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open) {
      this.setText(uri, open.getText());
      return;
    }
    const key = uri.toString();
    let bytes: Uint8Array;
    try {
      // Stat first: reading a FIFO or device found by a pattern could block or never end.
      const stat = await vscode.workspace.fs.stat(uri);
      if ((stat.type & vscode.FileType.File) === 0) {
        this.files.set(key, loadLandscapeFile(key, '', this.options.limits, 'File not checked: it is not a regular file.'));
        return;
      }
      if (stat.size > this.options.limits.maxFileBytes) {
        this.files.set(key, loadLandscapeFile(key, '', this.options.limits, oversizeMessage(stat.size, this.options.limits.maxFileBytes)));
        return;
      }
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      this.log.warn(`Cannot read ${uri.fsPath}: ${String(error)}`);
      this.forget(uri);
      return;
    }
    const decoded = decodeLandscapeBytes(bytes);
    this.files.set(key, decoded.ok ? loadLandscapeFile(key, decoded.text, this.options.limits) : loadLandscapeFile(key, '', this.options.limits, decoded.message));
  }

  private setText(uri: vscode.Uri, text: string): void {
    const key = uri.toString();
    const previous = this.files.get(key);
    if (previous?.text === text) return;
    // While typing, only the edited system is parsed again (see reparseLandscapeFile).
    this.files.set(key, previous ? reparseLandscapeFile(previous, text, this.options.limits) : loadLandscapeFile(key, text, this.options.limits));
  }

  private forget(uri: vscode.Uri): void {
    this.files.delete(uri.toString());
    this.published.delete(uri.toString());
    this.diagnostics.delete(uri);
  }

  private async loadOptions(): Promise<void> {
    if (this.optionsUri) this.diagnostics.delete(this.optionsUri);
    this.optionsFile = undefined;
    this.optionsUri = undefined;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const uri = vscode.Uri.joinPath(folder.uri, this.settings.optionsFile);
      let bytes: Uint8Array;
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if ((stat.type & vscode.FileType.File) === 0 || stat.size > OPTIONS_FILE_MAX_BYTES) {
          this.log.warn(`Options file ${uri.fsPath} is not a regular file of at most ${OPTIONS_FILE_MAX_BYTES} bytes; using defaults.`);
          continue;
        }
        bytes = await vscode.workspace.fs.readFile(uri);
      } catch {
        continue;
      }
      this.optionsUri = uri;
      const loaded = parseOptionsFile(new TextDecoder().decode(bytes));
      if (loaded.ok) this.optionsFile = loaded.options;
      else {
        this.log.warn(`Options file ${uri.fsPath} is invalid; using defaults. ${loaded.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`).join('; ')}`);
        this.diagnostics.set(uri, loaded.problems.map(optionsFileDiagnostic));
      }
      break;
    }
    const previousLimits = JSON.stringify(this.options.limits);
    try {
      this.options = resolveOptions(RULES, {
        file: mergeRuleSettings(this.optionsFile, this.settings),
        sourcePath: this.optionsUri?.fsPath,
        now: this.settings.now,
      });
    } catch (error) {
      if (!(error instanceof OptionsError)) throw error;
      this.log.warn(`Setting sapReadiness.now: ${error.message} Using today.`);
      this.options = resolveOptions(RULES, { file: mergeRuleSettings(this.optionsFile, this.settings), sourcePath: this.optionsUri?.fsPath });
    }
    if (JSON.stringify(this.options.limits) !== previousLimits) {
      // Files parsed under the old limits may have been declined, or accepted, wrongly now.
      for (const [key, file] of this.files) this.files.set(key, loadLandscapeFile(key, file.text, this.options.limits));
    }
  }

  private scheduleCheck(delay = this.settings.checkDelayMs): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.checkNow();
    }, delay);
  }

  checkNow(): CheckSnapshot {
    const started = Date.now();
    const files = [...this.files.values()];
    const findings = runRules(files, this.options, RULES, this.ruleCache);
    const findingsByUri = new Map<string, Finding[]>();
    for (const file of files) findingsByUri.set(file.path, []);
    for (const finding of findings) findingsByUri.get(finding.path)?.push(finding);
    for (const [key, fileFindings] of findingsByUri) {
      // A keystroke changes one file's findings: the others keep what the editor already shows.
      const shown = fileFindings.map(diagnosticIdentity).join('\n');
      if (this.published.get(key) === shown) continue;
      this.published.set(key, shown);
      this.diagnostics.set(vscode.Uri.parse(key), fileFindings.map(toDiagnostic));
    }
    this.current = { files, findings, findingsByUri, readiness: systemReadiness(files, findings), options: this.options };
    this.log.debug(`Checked ${files.length} file(s): ${findings.length} finding(s) in ${Date.now() - started} ms.`);
    this.checked.fire(this.current);
    return this.current;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((disposable) => disposable.dispose());
    this.checked.dispose();
  }
}

/** Everything of a finding that its diagnostic shows; equal identities mean an equal diagnostic. */
function diagnosticIdentity(finding: Finding): string {
  const at = (range: Finding['range']): string => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
  const related = finding.related.map((entry) => `${entry.path}@${at(entry.range)}:${entry.message}`).join(';');
  return `${finding.ruleId}|${finding.severity}|${at(finding.range)}|${finding.notes.join(',')}|${finding.message}|${related}`;
}

