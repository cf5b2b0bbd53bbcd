import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';

export const ADT_FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'adt');

export interface KeyPair {
  key: string;
  cert: string;
}

/** Certificates made at test time with openssl: a CA, a server certificate it signed for 127.0.0.1, and two the client must refuse. */
export interface TestPki {
  ca: string;
  server: KeyPair;
  /** Self-signed for 127.0.0.1: no CA vouches for it. */
  selfSigned: KeyPair;
  /** Signed by the CA, but for another host name. */
  otherHost: KeyPair;
}

export function makeTestPki(): TestPki {
  const folder = mkdtempSync(join(tmpdir(), 'sapready-pki-'));
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: folder, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const read = (name: string): string => readFileSync(join(folder, name), 'utf8');
  try {
    openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=sapready test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    const signed = (name: string, subjectAltName: string): KeyPair => {
      writeFileSync(join(folder, `${name}.ext`), `subjectAltName=${subjectAltName}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
      openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
      openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', `${name}.ext`);
      return { key: read(`${name}.key`), cert: read(`${name}.crt`) };
    };
    const server = signed('server', 'IP:127.0.0.1');
    const otherHost = signed('other', 'DNS:other.example');
    openssl('req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.crt', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1');
    return { ca: read('ca.crt'), server, selfSigned: { key: read('self.key'), cert: read('self.crt') }, otherHost };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** One recorded answer (test/fixtures/adt/exchanges.json): status line, headers and body, framed as recorded. */
export interface RecordedAnswer {
  status: number;
  reason: string;
  headers: Array<[string, string]>;
  /** A file under test/fixtures/adt, or the body itself in `text`. */
  body?: string;
  text?: string;
  transfer: 'chunked' | 'length';
  chunks?: number;
  /** Close the connection after this many chunks, without the last chunk: a cut-off answer. */
  closeAfterChunks?: number;
  /** Wait this long before answering: a slow system. */
  delayMs?: number;
}

export function recorded(name: string, changes: Partial<RecordedAnswer> = {}): RecordedAnswer {
  const all = JSON.parse(readFileSync(join(ADT_FIXTURES, 'exchanges.json'), 'utf8')) as Record<string, RecordedAnswer>;
  if (!all[name]) throw new Error(`no recorded answer ${name}`);
  return { ...all[name], ...changes };
}

export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
}

/**
 * An HTTPS server on 127.0.0.1 (port 0) that answers as an ABAP system's ICM would: it writes
 * the recorded status line, headers and chunked or length-delimited body byte for byte on the
 * TLS socket. `answer` picks the recording per request; every request is kept.
 */
export class AdtTestServer {
  readonly received: ReceivedRequest[] = [];
  private readonly sockets = new Set<tls.TLSSocket>();
  private constructor(
    private readonly server: tls.Server,
    readonly url: string,
  ) {}

  static async start(pair: KeyPair, answer: (request: ReceivedRequest, index: number) => RecordedAnswer): Promise<AdtTestServer> {
    // eslint-disable-next-line prefer-const -- assigned once listening, read by the callbacks declared before that
    let instance: AdtTestServer | undefined;
    const server = tls.createServer({ key: pair.key, cert: pair.cert }, (socket) => {
      instance!.sockets.add(socket);
      socket.on('close', () => instance!.sockets.delete(socket));
      socket.on('error', () => undefined);
      let head = '';
      const onData = (chunk: Buffer): void => {
        head += chunk.toString('latin1');
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        const [requestLine, ...headerLines] = head.slice(0, end).split('\r\n');
        const [method, target] = requestLine.split(' ');
        const url = new URL(target, 'https://127.0.0.1');
        const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).trim().toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
        const request = { method, path: url.pathname, query: url.searchParams, headers };
        instance!.received.push(request);
        void replay(socket, answer(request, instance!.received.length - 1));
      };
      socket.on('data', onData);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    instance = new AdtTestServer(server, `https://127.0.0.1:${(server.address() as net.AddressInfo).port}`);
    return instance;
  }

  /** Resolves once every connection a client opened has been closed (the client hung up, e.g. on cancel). */
  async whenNoConnectionsOpen(): Promise<void> {
    await Promise.all([...this.sockets].map((socket) => new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())))));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function replay(socket: tls.TLSSocket, answer: RecordedAnswer): Promise<void> {
  if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
  if (socket.destroyed) return;
  const body = Buffer.from(answer.body ? readFileSync(join(ADT_FIXTURES, answer.body), 'utf8') : (answer.text ?? ''), 'utf8');
  const framing: Array<[string, string]> = answer.transfer === 'chunked' ? [['transfer-encoding', 'chunked']] : [['content-length', String(body.length)]];
  const head = [`HTTP/1.1 ${answer.status} ${answer.reason}`, ...[...answer.headers, ...framing].map(([name, value]) => `${name}: ${value}`), '', ''].join('\r\n');
  socket.write(head, 'latin1');
  if (answer.transfer === 'length') {
    socket.end(body);
    return;
  }
  const count = Math.max(1, answer.chunks ?? 1);
  const size = Math.ceil(body.length / count);
  for (let index = 0; index < count; index++) {
    if (answer.closeAfterChunks !== undefined && index === answer.closeAfterChunks) return void socket.destroy();
    const part = body.subarray(index * size, (index + 1) * size);
    socket.write(`${part.length.toString(16)}\r\n`);
    socket.write(part);
    socket.write('\r\n');
    // Separate TLS records, so the client really reads the body in pieces.
    await new Promise((resolve) => setImmediate(resolve));
  }
  socket.end('0\r\n\r\n');
}

/** A CONNECT proxy on 127.0.0.1 that tunnels to loopback only and keeps what it was asked. */
export class ConnectProxy {
  readonly requests: Array<{ target: string; authorization?: string }> = [];
  /** Tunnels are detached from the HTTP server, so close() ends them itself. */
  private readonly tunnels = new Set<net.Socket>();
  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(options: { requireAuthorization?: string } = {}): Promise<ConnectProxy> {
    // eslint-disable-next-line prefer-const -- assigned once listening, read by the callbacks declared before that
    let instance: ConnectProxy | undefined;
    const server = http.createServer((_request, response) => response.writeHead(405).end());
    server.on('connect', (request: http.IncomingMessage, client: net.Socket) => {
      const target = request.url ?? '';
      instance!.requests.push({ target, authorization: request.headers['proxy-authorization'] });
      instance!.tunnels.add(client);
      client.on('error', () => undefined);
      if (options.requireAuthorization && request.headers['proxy-authorization'] !== options.requireAuthorization) {
        client.end('HTTP/1.1 407 Proxy Authentication Required\r\nproxy-authenticate: Basic realm="proxy"\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      const [host, port] = target.split(':');
      if (host !== '127.0.0.1') return void client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      const upstream = net.connect(Number(port), host, () => {
        instance!.tunnels.add(upstream);
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    instance = new ConnectProxy(server, `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`);
    return instance;
  }

  async close(): Promise<void> {
    for (const socket of this.tunnels) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
