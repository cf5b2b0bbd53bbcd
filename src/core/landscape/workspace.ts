import type { LandscapeFile } from './file';
import type { SystemDeclaration, UserDeclaration } from './model';

export interface Declared<T> {
  file: LandscapeFile;
  declaration: T;
}

/**
 * Declarations of all files checked together, indexed once, so cross-file references
 * (`solman: SM1`, `communicationUser`) and duplicates resolve in constant time.
 */
export class WorkspaceIndex {
  readonly systems = new Map<string, Declared<SystemDeclaration>[]>();
  readonly users = new Map<string, Declared<UserDeclaration>[]>();

  constructor(readonly files: readonly LandscapeFile[]) {
    for (const file of files) {
      if (!file.model) continue;
      for (const system of file.model.systems) append(this.systems, system.sid, { file, declaration: system });
      for (const user of file.model.users) append(this.users, user.id, { file, declaration: user });
    }
  }

  system(sid: string): Declared<SystemDeclaration> | undefined {
    return this.systems.get(sid)?.[0];
  }

  user(id: string): Declared<UserDeclaration> | undefined {
    return this.users.get(id)?.[0];
  }

  /** The landscape is for an SAP partner when any file says so. */
  get partner(): boolean {
    return this.files.some((file) => file.model?.partner?.value === true);
  }
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
