import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** A company CA bundle is a few hundred kB at most. */
const MAX_CA_BUNDLE_BYTES = 1024 * 1024;

/**
 * The company's CA bundle (PEM) for verifying SAP systems' certificates: a regular file, read
 * with the size limit enforced while reading. Throws an Error whose message says what is wrong.
 */
export function readCaBundle(path: string): string {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    if (!fstatSync(descriptor).isFile()) throw new Error('not a regular file');
    const buffer = Buffer.alloc(MAX_CA_BUNDLE_BYTES + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length <= MAX_CA_BUNDLE_BYTES; length += read) read = readSync(descriptor, buffer, length, buffer.length - length, null);
    if (length > MAX_CA_BUNDLE_BYTES) throw new Error(`larger than ${MAX_CA_BUNDLE_BYTES} bytes, which no CA bundle is`);
    const text = buffer.subarray(0, length).toString('utf8');
    if (!text.includes('-----BEGIN CERTIFICATE-----')) throw new Error('holds no PEM certificate (-----BEGIN CERTIFICATE-----)');
    return text;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw code ? new Error(`cannot be read (${code})`) : error;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
