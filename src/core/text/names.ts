/** SM59 names, SIDs and hosts are upper or lower case by habit only: they match ignoring case. */
export function sameName(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

export function includesName(list: readonly string[], value: string): boolean {
  return list.some((entry) => sameName(entry, value));
}
