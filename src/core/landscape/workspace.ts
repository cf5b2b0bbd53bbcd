import type { LandscapeFile } from './file';
import type { SystemDeclaration, UserDeclaration } from './model';

export interface Declared<T> {
  file: LandscapeFile;
  declaration: T;
}

/** What a reference (`solman: SM1`, `communicationUser`) resolves to, seen from one landscape. */
export interface Resolution<T> {
  /** The declaration the reference means, when there is exactly one candidate. */
  declared?: Declared<T>;
  /** Several other landscapes declare it and the referring one does not: the reference is ambiguous. */
  ambiguous?: Declared<T>[];
}

/**
 * Declarations of all files checked together, indexed once, so references and duplicates
 * resolve in constant time. The files that share a `landscape:` name form one landscape:
 * references resolve within it first, duplicates and `partner` count within it only. A
 * reference its own landscape does not declare resolves to the single declaration in the other
 * landscapes of the run, as format v1 resolved across all files, so a landscape split into
 * files under different names keeps its meaning.
 */
export class WorkspaceIndex {
  readonly systems = new Map<string, Declared<SystemDeclaration>[]>();
  readonly users = new Map<string, Declared<UserDeclaration>[]>();
  /** Systems by `installationNumber/systemNumber`, SAP's identity of a system, across landscapes. */
  readonly identities = new Map<string, Declared<SystemDeclaration>[]>();
  private readonly partnerLandscapes = new Set<string>();
  /** Host names (upper case) of the systems of each landscape: its own hosts, as opposed to SAP's. */
  private readonly landscapeHosts = new Map<string, Set<string>>();

  constructor(readonly files: readonly LandscapeFile[]) {
    for (const file of files) {
      if (!file.model) continue;
      if (file.model.partner?.value === true) this.partnerLandscapes.add(landscapeKey(file));
      const key = landscapeKey(file);
      let hosts = this.landscapeHosts.get(key);
      if (!hosts) this.landscapeHosts.set(key, (hosts = new Set()));
      for (const system of file.model.systems) {
        for (const host of [system.host, system.messageServer]) if (host) hosts.add(host.value.trim().toUpperCase());
        append(this.systems, system.sid, { file, declaration: system });
        const identity = systemIdentity(system);
        if (identity) append(this.identities, identity, { file, declaration: system });
      }
      for (const user of file.model.users) append(this.users, user.id, { file, declaration: user });
    }
  }

  /** The system `sid` as seen from `from` (see Resolution); any landscape's when `from` is not given. */
  system(sid: string, from?: LandscapeFile): Declared<SystemDeclaration> | undefined {
    return from ? this.resolveSystem(sid, from).declared : this.systems.get(sid)?.[0];
  }

  user(id: string, from?: LandscapeFile): Declared<UserDeclaration> | undefined {
    return from ? this.resolveUser(id, from).declared : this.users.get(id)?.[0];
  }

  resolveSystem(sid: string, from: LandscapeFile): Resolution<SystemDeclaration> {
    return resolve(this.systems.get(sid), landscapeKey(from));
  }

  resolveUser(id: string, from: LandscapeFile): Resolution<UserDeclaration> {
    return resolve(this.users.get(id), landscapeKey(from));
  }

  /** Whether the landscape `file` belongs to is an SAP partner's: any of its files says `partner: true`. */
  partnerOf(file: LandscapeFile): boolean {
    return this.partnerLandscapes.has(landscapeKey(file));
  }

  /** Whether `host` is the host or message server of a system of `file`'s landscape. */
  isOwnHost(host: string, file: LandscapeFile): boolean {
    return this.landscapeHosts.get(landscapeKey(file))?.has(host.trim().toUpperCase()) ?? false;
  }

  /** The landscapes that are an SAP partner's, for signatures of what rules depend on. */
  get partnerLandscapeNames(): readonly string[] {
    return [...this.partnerLandscapes].sort();
  }
}

/**
 * Which landscape a file belongs to: its `landscape:` name, trimmed (a missing name, which the
 * schema reports, puts the file with the other unnamed ones).
 */
export function landscapeKey(file: Pick<LandscapeFile, 'model'>): string {
  return file.model?.name?.value.trim() ?? '';
}

/** `installationNumber/systemNumber` when both are declared: how SAP identifies a system. */
export function systemIdentity(system: SystemDeclaration): string | undefined {
  const installation = system.installationNumber?.value.trim();
  const number = system.systemNumber?.value.trim();
  if (!installation || !number) return undefined;
  // SAP shows system numbers with leading zeros or without; both name the same system.
  return `${installation}/${number.replace(/^0+(?=\d)/, '')}`;
}

/**
 * For a message about an ambiguous reference: "landscapes A (a.landscape.yaml) and B
 * (b.landscape.yaml)".
 */
export function landscapesNamed(declared: readonly Declared<unknown>[]): string {
  const named = [...new Map(declared.map((entry) => [landscapeKey(entry.file), entry.file.path])).entries()].map(([name, path]) => `${JSON.stringify(name)} (${path})`);
  return `landscapes ${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}

function resolve<T>(declared: Declared<T>[] | undefined, landscape: string): Resolution<T> {
  if (!declared) return {};
  const own = declared.find((entry) => landscapeKey(entry.file) === landscape);
  if (own) return { declared: own };
  const others = new Set(declared.map((entry) => landscapeKey(entry.file)));
  return others.size === 1 ? { declared: declared[0] } : { ambiguous: declared };
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
