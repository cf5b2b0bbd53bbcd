/** SM59 names, SIDs and hosts are upper or lower case by habit only: they match ignoring case. */
export function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** Upper-cased copies of option lists; options are resolved once per check, so this stays small. */
const upperCaseLists = new WeakMap<readonly string[], Set<string>>();

export function includesName(list: readonly string[], value: string): boolean {
  let upper = upperCaseLists.get(list);
  if (!upper) {
    upper = new Set(list.map((entry) => entry.toUpperCase()));
    upperCaseLists.set(list, upper);
  }
  return upper.has(value.toUpperCase());
}
