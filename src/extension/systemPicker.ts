import * as vscode from 'vscode';
import type { LandscapeFile } from '../core/landscape/file';
import type { SystemDeclaration } from '../core/landscape/model';
import type { CheckSnapshot } from './landscapeWorkspace';
import type { Prompts } from './remote/opener';

/** A declared system with the file that declares it. */
export type SystemRef = { file: LandscapeFile; system: SystemDeclaration };

export function declaredSystems(snapshot: CheckSnapshot | undefined): SystemRef[] {
  return (snapshot?.files ?? []).flatMap((file) => (file.model?.systems ?? []).map((system) => ({ file, system })));
}

/**
 * The quick pick of systems both the remote-support and the live-verification commands show, so
 * a system reads the same in both; `empty` is said instead when there is nothing to pick.
 */
export async function pickSystem(prompts: Prompts, candidates: readonly SystemRef[], options: { title: string; empty: string; placeHolder?: string }): Promise<SystemRef | undefined> {
  if (candidates.length === 0) {
    void prompts.info(`${options.title}: ${options.empty}`);
    return undefined;
  }
  const picked = await prompts.pick(
    candidates.map((ref) => ({
      label: ref.system.sid,
      description: [ref.system.product?.value, ref.system.messageServer?.value ?? ref.system.host?.value, ref.system.client ? `client ${ref.system.client.value}` : undefined].filter(Boolean).join(' · '),
      detail: vscode.workspace.asRelativePath(vscode.Uri.parse(ref.file.path)),
      ref,
    })),
    { title: options.title, placeHolder: options.placeHolder, matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.ref;
}
