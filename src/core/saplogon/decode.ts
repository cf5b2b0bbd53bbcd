const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF16LE = new TextDecoder('utf-16le');
const WINDOWS_1252 = new TextDecoder('windows-1252');

/**
 * SAP Logon's files come in the encodings Windows programs write: saplogon.ini is usually UTF-16
 * little endian with a byte-order mark, older ones are ANSI (Windows-1252), SAPUILandscape.xml is
 * UTF-8. Byte-order marks decide; without one, valid UTF-8 is UTF-8 and anything else is read as
 * Windows-1252, which never fails, so no byte is lost.
 */
export function decodeSapLogonBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return UTF16LE.decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return UTF16LE.decode(swapBytePairs(bytes.subarray(2)));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8OrAnsi(bytes.subarray(3));
  // UTF-16 without a mark shows itself by a NUL after the first ASCII character ("<" or "[").
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return UTF16LE.decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) return UTF16LE.decode(swapBytePairs(bytes));
  return decodeUtf8OrAnsi(bytes);
}

function decodeUtf8OrAnsi(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return WINDOWS_1252.decode(bytes);
  }
}

function swapBytePairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let at = 0; at + 1 < bytes.length; at += 2) {
    swapped[at] = bytes[at + 1];
    swapped[at + 1] = bytes[at];
  }
  return swapped;
}
