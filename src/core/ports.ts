/**
 * The one reader of port numbers in a landscape: the schema's `port` format, the model (and so
 * the rules and the launch plans) all ask it, so they cannot disagree about a port.
 *
 * A port is a whole number 1-65535 as YAML reads it (`port: 3300`, also `0x50` unquoted, which
 * YAML reads as 80). Text is never a port, however it looks: JavaScript's Number() would read
 * `"0x50"` as 80, `"8e3"` as 8000 and `" 80 "` as 80, and the schema refuses text here anyway.
 */
export function portNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535 ? value : undefined;
}
