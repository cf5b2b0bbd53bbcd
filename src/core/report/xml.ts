/** Escapes text for XML and HTML element content and attribute values. */
export function escapeMarkup(text: string): string {
  // Characters XML forbids (C0 controls, U+FFFE, U+FFFF, lone surrogates) are dropped: a strict parser rejects the file otherwise.
  return text
    .replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}
