export type DecodedText = { ok: true; text: string } | { ok: false; message: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Landscape files are UTF-8 text. A file with NUL bytes or invalid UTF-8 is declined with a
 * message rather than parsed into nonsense; a byte-order mark is dropped, as editors do.
 */
export function decodeLandscapeBytes(bytes: Uint8Array): DecodedText {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { ok: false, message: `This is not a text file (a NUL byte at byte ${nul}); a landscape file is UTF-8 YAML.` };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { ok: false, message: 'This file is not valid UTF-8; save it as UTF-8 YAML.' };
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
