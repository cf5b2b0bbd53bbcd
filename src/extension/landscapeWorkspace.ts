import * as path from 'node:path';
import * as vscode from 'vscode';
import { BULK_SUPPRESSIONS_FILE_NAME, parseBulkSuppressions, type BulkSuppressions } from '../core/config/bulk-suppressions';
import { OPTIONS_FILE_MAX_BYTES, parseOptionsFile } from '../core/config/load';
import { OptionsError, resolveOptions, type OptionsFile, type ResolvedOptions } from '../core/config/options';
import type { Finding } from '../core/findings';
import { decodeLandscapeBytes } from '../core/landscape/decode';
import { oversizeMessage, type LandscapeFile } from '../core/landscape/file';
import type { SystemReadiness } from '../core/readiness';
import { RULES } from '../core/rules/registry';
import { toDiagnostic, optionsFileDiagnostic } from './diagnostics';
import { LazyLandscapeFile } from './lazyLandscapeFile';
import { mergeRuleSettings, readSettings, SECTION, type ExtensionSettings } from './settings';
import { CheckClient } from './worker/checkClient';

/** The check worker's bundle, next to the extension's (scripts/bundle.mjs). */
const CHECK_WORKER = path.join(__dirname, 'checkWorker.js');

/** The result of one check of the whole workspace: what every face of the extension shows. */
export interface CheckSnapshot {
  files: readonly LandscapeFile[];
  findings: readonly Finding[];
  findingsByUri: ReadonlyMap<string, readonly Finding[]>;
  readiness: readonly SystemReadiness[];
  options: ResolvedOptions;
  /** Findings hidden by sapready-suppressions.json, as `sapready check` hides them. */
  bulkSuppressed: number;
}

/**
 * Keeps the text of every landscape file of the workspace (open documents from their unsaved
 * text, the others from disk) and has the check worker parse and check them all together, so a
 * reference to a SID in another file resolves as in the CLI. The extension host's thread only
 * sends texts and shows findings; it parses a file only when a face reads its model.
 */
export class LandscapeWorkspace implements vscode.Disposable {
  private readonly files = new Map<string, LazyLandscapeFile>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly checked = new vscode.EventEmitter<CheckSnapshot>();
  readonly onDidCheck = this.checked.event;
  private settings: ExtensionSettings = readSettings();
  private optionsFile: OptionsFile | undefined;
  private optionsUri: vscode.Uri | undefined;
  private options: ResolvedOptions = resolveOptions(RULES);
  private current: CheckSnapshot | undefined;
  /** Files whose diagnostics are shown; the worker says which look different after a check. */
  private readonly published = new Set<string>();
  private readonly checker: CheckClient;
  private timer: NodeJS.Timeout | undefined;
  /** Work started but not yet reflected in a snapshot (scans, debounced edits). */
  private pendingWork = 0;
  private disposed = false;
  /** How many option loads have started; only the latest applies its result (see loadOptions). */
  private optionsLoads = 0;
  private markOptionsLoaded: () => void = () => undefined;
  /**
   * Settles when the workspace's options (options file, settings) have been applied for the first
   * time. A document opened during start-up asks for a check before that, and a check under the
   * defaults would show findings for the real date and no options file, then take them back.
   */
  private readonly optionsLoaded = new Promise<void>((resolve) => (this.markOptionsLoaded = resolve));
  /** The refused setting patterns last shown as a warning, so a rescan does not show them again. */
  private shownRefusedPatterns = '';
  /** A watcher per file the landscape files name (a saprouttab), by path: a change checks again. */
  private readonly companionWatchers = new Map<string, vscode.Disposable>();

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly diagnostics: vscode.DiagnosticCollection,
    checkWorkerScript = CHECK_WORKER,
  ) {
    this.checker = new CheckClient(checkWorkerScript, (error) => this.log.error(`The check worker failed: ${error.message}`));
    this.checker.setOptions(this.options);
  }

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
      this.reportRefusedPatterns();
      // Refresh and Check Workspace read everything again, also a table whose change no watcher reported.
      for (const file of this.companionWatchers.keys()) this.checker.companionChanged(file);
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
    void this.checkNow();
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
    const reloadOptions = (): void => void this.track(this.loadOptions()).then(() => this.scheduleCheck(0));
    for (const pattern of [`**/${this.settings.optionsFile}`, `**/${BULK_SUPPRESSIONS_FILE_NAME}`]) {
      const optionsWatcher = vscode.workspace.createFileSystemWatcher(pattern);
      this.disposables.push(optionsWatcher, optionsWatcher.onDidCreate(reloadOptions), optionsWatcher.onDidChange(reloadOptions), optionsWatcher.onDidDelete(reloadOptions));
    }
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
    let bytes: Uint8Array;
    try {
      // Stat first: reading a FIFO or device found by a pattern could block or never end.
      const stat = await vscode.workspace.fs.stat(uri);
      if ((stat.type & vscode.FileType.File) === 0) {
        this.setText(uri, '', 'File not checked: it is not a regular file.');
        return;
      }
      if (stat.size > this.options.limits.maxFileBytes) {
        this.setText(uri, '', oversizeMessage(stat.size, this.options.limits.maxFileBytes));
        return;
      }
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      this.log.warn(`Cannot read ${uri.fsPath}: ${String(error)}`);
      this.forget(uri);
      return;
    }
    const decoded = decodeLandscapeBytes(bytes);
    if (decoded.ok) this.setText(uri, decoded.text);
    else this.setText(uri, '', decoded.message);
  }

  private setText(uri: vscode.Uri, text: string, unreadable?: string): void {
    const key = uri.toString();
    const previous = this.files.get(key);
    if (previous?.text === text && previous.unreadable === unreadable) return;
    this.files.set(key, new LazyLandscapeFile(key, text, this.options.limits, unreadable, previous));
    this.checker.setText(key, text, unreadable);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.files.delete(key);
    this.published.delete(key);
    this.checker.forget(key);
    this.diagnostics.delete(uri);
  }

  private async loadOptions(): Promise<void> {
    // Loads overlap (a rescan, a settings change and the options file's watcher at start-up): the
    // file is read into locals, and only the load started last applies what it read.
    const load = ++this.optionsLoads;
    try {
      await this.readAndApplyOptions(load);
    } finally {
      if (load === this.optionsLoads) this.markOptionsLoaded();
    }
  }

  private async readAndApplyOptions(load: number): Promise<void> {
    let optionsFile: OptionsFile | undefined;
    let optionsUri: vscode.Uri | undefined;
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
      } catch (error) {
        if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) this.log.warn(`Cannot read options file ${uri.fsPath}: ${String(error)}`);
        continue;
      }
      optionsUri = uri;
      const loaded = parseOptionsFile(new TextDecoder().decode(bytes));
      if (loaded.ok) optionsFile = loaded.options;
      else {
        this.log.warn(`Options file ${uri.fsPath} is invalid; using defaults. ${loaded.problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`).join('; ')}`);
        if (load === this.optionsLoads) this.diagnostics.set(uri, loaded.problems.map(optionsFileDiagnostic));
      }
      break;
    }
    if (load !== this.optionsLoads) return;
    if (this.optionsUri && this.optionsUri.toString() !== optionsUri?.toString()) this.diagnostics.delete(this.optionsUri);
    if (optionsUri && optionsFile) this.diagnostics.delete(optionsUri);
    this.optionsFile = optionsFile;
    this.optionsUri = optionsUri;
    this.log.info(`Options: ${optionsUri ? optionsUri.fsPath : 'none found, defaults'}${this.settings.now ? `; sapReadiness.now ${this.settings.now}` : ''}.`);
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
    this.checker.setOptions(this.options);
    await this.loadBulkSuppressions();
    if (JSON.stringify(this.options.limits) !== previousLimits) {
      // Files parsed under the old limits may have been declined, or accepted, wrongly now (the worker parses its own again).
      for (const [key, file] of this.files) this.files.set(key, new LazyLandscapeFile(key, file.text, this.options.limits, file.unreadable, undefined));
    }
  }

  /** Patterns refused in sapReadiness.rules: in the output channel, and once as a warning. */
  private reportRefusedPatterns(): void {
    const refused = this.settings.refusedPatterns;
    for (const message of refused) this.log.warn(message);
    const shown = refused.join('\n');
    if (shown === this.shownRefusedPatterns) return;
    this.shownRefusedPatterns = shown;
    if (refused.length > 0) void vscode.window.showWarningMessage(refused.length === 1 ? refused[0] : `${refused[0]} (and ${refused.length - 1} more in the output channel)`);
  }

  private async loadBulkSuppressions(): Promise<void> {
    const recorded = await this.readBulkSuppressions();
    this.checker.setBulkSuppressions(recorded);
  }

  /** sapready-suppressions.json beside the options file (or in the first workspace folder), if it is there and valid. */
  private async readBulkSuppressions(): Promise<{ folderPath: string; counts: BulkSuppressions } | undefined> {
    const folder = this.optionsUri ? vscode.Uri.joinPath(this.optionsUri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, BULK_SUPPRESSIONS_FILE_NAME));
    } catch {
      return undefined;
    }
    const parsed = parseBulkSuppressions(new TextDecoder().decode(bytes));
    if (parsed.ok) return { folderPath: folder.path, counts: parsed.suppressions };
    this.log.warn(`${BULK_SUPPRESSIONS_FILE_NAME} in ${folder.fsPath} is not used: ${parsed.message}.`);
    return undefined;
  }


  private scheduleCheck(delay = this.settings.checkDelayMs): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.checkNow();
    }, delay);
  }

  /** Checks every file as it stands now, in the worker; resolves with the snapshot that shows it. */
  async checkNow(): Promise<CheckSnapshot | undefined> {
    this.pendingWork++;
    try {
      await this.optionsLoaded;
      const started = Date.now();
      // The files as sent before this check: texts that change meanwhile belong to the next one.
      const files = [...this.files.values()];
      const options = this.options;
      const { findingsByKey, diagnosticsChanged, readiness, bulkSuppressed, companions } = await this.checker.check();
      // Nobody shows it any more, and watchers made now would outlive the workspace.
      if (this.disposed) return undefined;
      this.watchCompanions(companions);
      const findings: Finding[] = [];
      const findingsByUri = new Map<string, readonly Finding[]>();
      // In the engine's order (compareFindings): by path, then by place in the file.
      for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        const own = findingsByKey.get(file.path) ?? [];
        findingsByUri.set(file.path, own);
        for (const finding of own) findings.push(finding);
        // A keystroke changes one file's findings: the others keep what the editor already shows.
        if ((this.published.has(file.path) && !diagnosticsChanged.has(file.path)) || !this.files.has(file.path)) continue;
        this.published.add(file.path);
        this.diagnostics.set(vscode.Uri.parse(file.path), own.map(toDiagnostic));
      }
      this.current = { files, findings, findingsByUri, readiness, options, bulkSuppressed };
      this.log.debug(`Checked ${files.length} file(s): ${findings.length} finding(s) in ${Date.now() - started} ms.`);
    } catch (error) {
      // A check that was running when the workspace went (the extension stops) fails quietly: its log is closed.
      if (!this.disposed) this.log.error(`Checking the landscape files failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    } finally {
      this.pendingWork--;
    }
    this.checked.fire(this.current);
    return this.current;
  }

  /**
   * Watches the files the last check read beside the landscape files (a saprouttab), and only
   * those: the worker keeps what it read until told here that the file changed, then checks again.
   */
  private watchCompanions(files: readonly string[]): void {
    const wanted = new Set(files);
    for (const [file, watcher] of this.companionWatchers) {
      if (wanted.has(file)) continue;
      watcher.dispose();
      this.companionWatchers.delete(file);
    }
    for (const file of wanted) {
      if (this.companionWatchers.has(file)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
      const recheck = (): void => {
        this.checker.companionChanged(file);
        this.scheduleCheck();
      };
      this.companionWatchers.set(file, vscode.Disposable.from(watcher, watcher.onDidCreate(recheck), watcher.onDidChange(recheck), watcher.onDidDelete(recheck)));
    }
  }

  /** File keys are URIs; the suppressions file names files relative to its folder, as the CLI writes it. */
  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const watcher of this.companionWatchers.values()) watcher.dispose();
    this.companionWatchers.clear();
    this.disposables.forEach((disposable) => disposable.dispose());
    this.checked.dispose();
    void this.checker.dispose();
  }
}

