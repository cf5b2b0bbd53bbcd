import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * Every operation that reaches the operating system when a launch plan runs. The extension uses
 * the real one; host tests swap in a recorder (SapReadinessApi.remote.testHooks) so that no
 * browser, terminal program or file handler starts during a test.
 */
export interface SystemOpener {
  /** Opens a URL, a custom URI (vnc://) or a file with the OS handler. */
  openExternal(uri: vscode.Uri): Promise<boolean>;
  /** Writes a file into a folder only this user can read, and returns it. */
  writeTempFile(fileName: string, contents: string): Promise<vscode.Uri>;
  /** Starts `command` with exactly these arguments in a VS Code terminal; no shell parses them. */
  createTerminal(name: string, command: string, args: readonly string[]): void;
  writeClipboard(text: string): Promise<void>;
}

/** The questions and messages of the remote-support flows, so host tests can answer them. */
export interface Prompts {
  /** Modal confirmation; true when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
  /** A message with optional buttons; resolves with the button chosen. */
  info(message: string, ...buttons: string[]): Promise<string | undefined>;
  error(message: string, ...buttons: string[]): Promise<string | undefined>;
}

export class VsCodeSystemOpener implements SystemOpener, vscode.Disposable {
  private folder: string | undefined;

  openExternal(uri: vscode.Uri): Promise<boolean> {
    return Promise.resolve(vscode.env.openExternal(uri));
  }

  async writeTempFile(fileName: string, contents: string): Promise<vscode.Uri> {
    // On POSIX mkdtemp creates the folder with mode 0700; on Windows it inherits the ACL of the
    // user's own %TEMP%. Either way other users on the machine cannot read it.
    this.folder ??= mkdtempSync(path.join(tmpdir(), 'sapready-connect-'));
    const file = path.join(this.folder, path.basename(fileName));
    await writeFile(file, contents, { encoding: 'utf8', mode: 0o600 });
    return vscode.Uri.file(file);
  }

  createTerminal(name: string, command: string, args: readonly string[]): void {
    // shellPath + shellArgs start the program directly with an argument array.
    vscode.window.createTerminal({ name, shellPath: command, shellArgs: [...args] }).show();
  }

  async writeClipboard(text: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
  }

  dispose(): void {
    // Synchronous: VS Code does not wait for promises at shutdown, so an async removal could leave shortcuts behind.
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }
}

export const vsCodePrompts: Prompts = {
  async confirm(message, detail, action) {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  },
  input: (options) => Promise.resolve(vscode.window.showInputBox(options)),
  pick: (items, options) => Promise.resolve(vscode.window.showQuickPick(items, options)),
  info: (message, ...buttons) => Promise.resolve(vscode.window.showInformationMessage(message, ...buttons)),
  error: (message, ...buttons) => Promise.resolve(vscode.window.showErrorMessage(message, ...buttons)),
};
