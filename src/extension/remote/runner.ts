import * as vscode from 'vscode';
import { closedSincePlanned, isRefusal, type LaunchPlan, type Refusal } from '../../core/connect';
import type { Prompts, SystemOpener } from './opener';

export type RunOutcome = { ran: true; plan: LaunchPlan } | { ran: false; reason: string };

/** Executes launch plans; the only place that turns a plan into an effect. */
export interface PlanRunner {
  run(plan: LaunchPlan | Refusal): Promise<RunOutcome>;
}

export interface RunnerDeps {
  opener(): SystemOpener;
  prompts(): Prompts;
  /** Milliseconds since the epoch; the real clock outside tests. */
  clock(): number;
}

function windowText(plan: LaunchPlan): string {
  return `Open window: ${plan.window.from} - ${plan.window.until}.`;
}

/** What the confirmation shows: exactly what will happen, with every value that will be used. */
function describePlan(plan: LaunchPlan): { message: string; detail: string; action: string } {
  const window = windowText(plan);
  switch (plan.kind) {
    case 'shortcut-file':
      return { message: `Open ${plan.title} with SAP GUI?`, detail: `Writes the shortcut ${plan.fileName} (no password) to a private temporary folder and opens it.\n\n${plan.contents.replace(/\r\n/g, '\n')}\n${window}`, action: 'Open in SAP GUI' };
    case 'rdp-file':
      return { message: `Open ${plan.title} with Remote Desktop?`, detail: `Writes ${plan.fileName} (no password) to a private temporary folder and opens it.\n\n${plan.contents.replace(/\r\n/g, '\n')}\n${window}`, action: 'Open Remote Desktop' };
    case 'url':
      return { message: `Open ${plan.title} in the browser?`, detail: `${plan.url}\n${window}`, action: 'Open URL' };
    case 'uri':
      return { message: `Open ${plan.title}?`, detail: `${plan.uri}\n${window}`, action: 'Open' };
    case 'terminal':
      return { message: `Run ${plan.title} in a terminal?`, detail: `Program: ${plan.command}\nArguments (each passed as is, no shell): ${plan.args.map((arg) => JSON.stringify(arg)).join(' ')}\n${window}`, action: 'Run' };
    case 'clipboard':
      return { message: `Copy the ${plan.what} of ${plan.title}?`, detail: `${plan.text}\n${window}`, action: 'Copy' };
    case 'note-and-details':
      return { message: `${plan.title}: no client to start from VS Code`, detail: plan.details.join('\n'), action: 'Open SAP Note' };
  }
}

export class VsCodePlanRunner implements PlanRunner {
  constructor(private readonly deps: RunnerDeps) {}

  async run(plan: LaunchPlan | Refusal): Promise<RunOutcome> {
    const prompts = this.deps.prompts();
    if (isRefusal(plan)) {
      void prompts.error(`Not opened: ${plan.reason}`);
      return { ran: false, reason: plan.reason };
    }
    const opener = this.deps.opener();
    const { message, detail, action } = describePlan(plan);
    switch (plan.kind) {
      case 'clipboard':
        await opener.writeClipboard(plan.text);
        void prompts.info(`Copied the ${plan.what} of ${plan.title}: ${plan.text}`);
        return { ran: true, plan };
      case 'note-and-details': {
        const chosen = await prompts.info(`${message}. ${plan.details.join(' · ')}`, ...(plan.noteUrls.length ? [action] : []), 'Copy Details');
        if (chosen === action) for (const url of plan.noteUrls) await opener.openExternal(vscode.Uri.parse(url));
        if (chosen === 'Copy Details') await opener.writeClipboard(plan.details.join('\n'));
        return { ran: true, plan };
      }
    }
    if (!(await prompts.confirm(message, detail, action))) return { ran: false, reason: 'Cancelled.' };
    const closed = closedSincePlanned(plan, this.deps.clock());
    if (closed) {
      void prompts.error(`Not opened: ${closed.reason}`);
      return { ran: false, reason: closed.reason };
    }
    switch (plan.kind) {
      case 'shortcut-file':
      case 'rdp-file':
        await opener.openExternal(await opener.writeTempFile(plan.fileName, plan.contents));
        break;
      case 'url':
        await opener.openExternal(vscode.Uri.parse(plan.url, true));
        break;
      case 'uri':
        await opener.openExternal(vscode.Uri.parse(plan.uri, true));
        break;
      case 'terminal':
        opener.createTerminal(plan.title, plan.command, plan.args);
        break;
    }
    return { ran: true, plan };
  }
}
