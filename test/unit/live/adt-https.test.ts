import { strict as assert } from 'assert';
import * as net from 'node:net';
import { AdtHttpError, proxyFor, readComponentsOverAdt, type AdtProblem, type AdtRequestOptions, type AdtTarget } from '../../../src/core/live/adt-https-client';
import { AdtTestServer, ConnectProxy, makeTestPki, recorded, type RecordedAnswer, type TestPki } from './adt-test-server';

const USER = 'RFCTEST';
const PASSWORD = 'Never-Log-Me-7!';
const CREDENTIALS = { user: USER, password: PASSWORD };
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

/** Components of test/fixtures/adt/components.xml as the live checks see them. */
const RECORDED_COMPONENTS = [
  { name: 'SAP_BASIS', release: '754', sp: 5 },
  { name: 'SAP_ABA', release: '754', sp: 5 },
  { name: 'SAP_GWFND', release: '754', sp: 5 },
  { name: 'ST-PI', release: '740', sp: 22 },
  { name: 'ST-A/PI', release: '01V_731', sp: 3 },
  { name: 'LOCAL', release: '-', sp: 0 },
];

describe('live: ADT over HTTPS against a local server replaying recorded answers', function () {
  let pki: TestPki;
  const servers: Array<{ close(): Promise<void> }> = [];

  before(() => {
    pki = makeTestPki();
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  async function serve(answer: RecordedAnswer | ((index: number) => RecordedAnswer), pair = pki.server): Promise<AdtTestServer> {
    const server = await AdtTestServer.start(pair, (_request, index) => (typeof answer === 'function' ? answer(index) : answer));
    servers.push(server);
    return server;
  }

  const target = (server: AdtTestServer): AdtTarget => ({ sid: 'PRD', url: server.url, client: '100' });

  async function failure(promise: Promise<unknown>, problem: AdtProblem): Promise<AdtHttpError> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof AdtHttpError, `expected an AdtHttpError, got ${String(error)}`);
      assert.equal(error.problem, problem, error.message);
      assert.ok(!error.message.includes(PASSWORD), 'the password must never be in a message');
      return error;
    }
    assert.fail(`expected ${problem}`);
  }

  it('reads the installed components from a chunked Atom feed, with ADT\'s logon parameters and basic authentication', async () => {
    const server = await serve(recorded('components'));
    const components = await readComponentsOverAdt({ ...target(server), language: 'DE' }, CREDENTIALS, { ca: pki.ca });
    assert.deepEqual(components, RECORDED_COMPONENTS);
    assert.equal(server.received.length, 1);
    const [request] = server.received;
    assert.equal(request.method, 'GET');
    assert.equal(request.path, '/sap/bc/adt/system/components');
    assert.deepEqual(Object.fromEntries(request.query), { 'sap-client': '100', 'sap-language': 'DE', saml2: 'disabled' });
    assert.equal(request.headers.accept, 'application/atom+xml;type=feed');
    assert.equal(request.headers.authorization, BASIC);
    assert.equal(request.headers['x-csrf-token'], undefined, 'a GET needs no CSRF token');
  });

  it('reads the same feed sent with a content length', async () => {
    const server = await serve(recorded('components-with-length'));
    assert.deepEqual(await readComponentsOverAdt(target(server), CREDENTIALS, { ca: pki.ca }), RECORDED_COMPONENTS);
  });

  it('401 with SAP\'s logon error page: says to check user, password and SICF; the next try with the right password succeeds', async () => {
    const server = await AdtTestServer.start(pki.server, (request) => (request.headers.authorization === BASIC ? recorded('components') : recorded('unauthorized')));
    servers.push(server);
    const rejected = await failure(readComponentsOverAdt(target(server), { user: USER, password: 'wrong' }, { ca: pki.ca }), 'unauthorized');
    assert.equal(rejected.status, 401);
    assert.match(rejected.message, /PRD \(https:\/\/127\.0\.0\.1:\d+\) did not accept user RFCTEST in client 100 \(HTTP 401\)\. Check user and password .*SU01.*\/sap\/bc\/adt .*SICF/);
    assert.ok(!rejected.message.includes('wrong'));
    assert.deepEqual(await readComponentsOverAdt(target(server), CREDENTIALS, { ca: pki.ca }), RECORDED_COMPONENTS);
    assert.equal(server.received.length, 2);
  });

  it('403 names S_ADT_RES and passes on SAP\'s reason from the ADT exception', async () => {
    const server = await serve(recorded('forbidden'));
    const error = await failure(readComponentsOverAdt(target(server), CREDENTIALS, { ca: pki.ca }), 'forbidden');
    assert.match(error.message, /User RFCTEST may not read \/sap\/bc\/adt\/system\/components .*HTTP 403.*S_ADT_RES.*SAP says: ExceptionResourceNoAccess: No authorization for resource \/sap\/bc\/adt\/system\/components\.$/);
  });

  it('404 says to activate the ICF service /sap/bc/adt in SICF or to set adtUrl', async () => {
    const server = await serve(recorded('not-found'));
    const error = await failure(readComponentsOverAdt(target(server), CREDENTIALS, { ca: pki.ca }), 'not-found');
    assert.match(error.message, /has no ADT service .*HTTP 404.*activate the ICF service \/sap\/bc\/adt in SICF.*adtUrl/);
  });

  it('does not follow a redirect (a SAML logon) and says why', async () => {
    const server = await serve(recorded('saml-redirect'));
    const error = await failure(readComponentsOverAdt(target(server), CREDENTIALS, { ca: pki.ca }), 'redirect');
    assert.match(error.message, /redirect \(HTTP 302 to https:\/\/idp\.acme\.example\/saml2\/idp\/sso\), which sapready does not follow/);
    assert.ok(!error.message.includes('SAMLRequest'), 'the query of the location is not repeated');
    assert.equal(server.received.length, 1);
  });

  it('an HTML page with HTTP 200 is no feed: a logon or error page', async () => {
    const server = await serve(recorded('logon-page'));
    const error = await failure(readComponentsOverAdt(target(server), CREDENTIALS, { ca: pki.ca }), 'not-a-feed');
    assert.match(error.message, /answered with an HTML page \(Content-Type text\/html; charset=utf-8\) instead of ADT's Atom feed/);
  });

  it('malformed XML and a DOCTYPE with entities are refused with a clear message, nothing is expanded', async () => {
    const malformed = await serve(recorded('malformed'));
    assert.match((await failure(readComponentsOverAdt(target(malformed), CREDENTIALS, { ca: pki.ca }), 'not-a-feed')).message, /is not ADT's component feed: it is not well-formed XML/);
    const entities = await serve(recorded('entity-expansion'));
    assert.match((await failure(readComponentsOverAdt(target(entities), CREDENTIALS, { ca: pki.ca }), 'not-a-feed')).message, /DOCTYPE declaration.*refused/);
  });

  it('refuses an answer larger than the limit while reading it', async () => {
    const server = await serve(recorded('components', { chunks: 8 }));
    const error = await failure(readComponentsOverAdt(target(server), CREDENTIALS, { ca: pki.ca, maxBytes: 600 }), 'too-large');
    assert.match(error.message, /sent more than 600 bytes/);
  });

  it('a chunked answer cut off in the middle is an incomplete answer, not a short list', async () => {
    const server = await serve(recorded('components-cut-off'));
    const error = await failure(readComponentsOverAdt(target(server), CREDENTIALS, { ca: pki.ca }), 'connection');
    assert.match(error.message, /closed the connection before the answer was complete/);
  });

  it('a slow system runs into the timeout instead of hanging', async () => {
    // The answer comes after 5 s: a read that waited for it would succeed, not fail with 'timeout'.
    const server = await serve(recorded('components', { delayMs: 5000 }));
    const error = await failure(readComponentsOverAdt(target(server), CREDENTIALS, { ca: pki.ca, timeoutMs: 300 }), 'timeout');
    assert.match(error.message, /No complete answer from https:\/\/127\.0\.0\.1:\d+ within 0\.3 s/);
  });

  it('a host that accepts TCP but never completes TLS (a firewall, the wrong port) fails at the connect timeout, not the whole deadline', async () => {
    // It reads (and drops) the ClientHello, so that it sees the client hang up.
    const silent = net.createServer((socket) => socket.on('error', () => undefined).resume());
    const accepted: net.Socket[] = [];
    silent.on('connection', (socket) => accepted.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    servers.push({ close: () => new Promise<void>((resolve) => (accepted.forEach((socket) => socket.destroy()), silent.close(() => resolve()))) });
    const url = `https://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    const error = await failure(readComponentsOverAdt({ sid: 'PRD', url, client: '100' }, CREDENTIALS, { ca: pki.ca, connectTimeoutMs: 200, timeoutMs: 60_000 }), 'timeout');
    assert.match(error.message, /^No TLS connection to 127\.0\.0\.1:\d+ within 0\.2 s: a firewall may drop the packets, or it is not the system's ICM HTTPS port/);
    await new Promise<void>((resolve) => (accepted[0].destroyed ? resolve() : accepted[0].once('close', () => resolve())));
  });

  it('stops when the caller cancels, and leaves no connection open', async () => {
    const server = await AdtTestServer.start(pki.server, () => recorded('components', { delayMs: 5000 }));
    servers.push(server);
    const controller = new AbortController();
    const reading = readComponentsOverAdt(target(server), CREDENTIALS, { ca: pki.ca, signal: controller.signal });
    // Cancel once the request is on the server, so that a connection is really open.
    while (server.received.length === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await failure(reading, 'cancelled');
    await server.whenNoConnectionsOpen();
  });

  it('refuses a certificate no trusted CA signed, and one for another host, with what to do; never turns verification off', async () => {
    const selfSigned = await serve(recorded('components'), pki.selfSigned);
    const untrusted = await failure(readComponentsOverAdt(target(selfSigned), CREDENTIALS, { ca: pki.ca }), 'certificate');
    assert.match(untrusted.message, /The certificate of 127\.0\.0\.1:\d+ is not trusted \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)/);
    assert.match(untrusted.message, /--ca-file.*NODE_EXTRA_CA_CERTS.*never turned off/);
    assert.equal(selfSigned.received.length, 0, 'no request (and so no password) went to the untrusted server');
    const otherHost = await serve(recorded('components'), pki.otherHost);
    assert.match((await failure(readComponentsOverAdt(target(otherHost), CREDENTIALS, { ca: pki.ca }), 'certificate')).message, /ERR_TLS_CERT_ALTNAME_INVALID/);
    const withoutCa = await serve(recorded('components'));
    assert.match((await failure(readComponentsOverAdt(target(withoutCa), CREDENTIALS), 'certificate')).message, /UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT/);
  });

  it('cannot connect: names the port to check', async () => {
    const server = await serve(recorded('components'));
    const url = server.url;
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const error = await failure(readComponentsOverAdt({ sid: 'PRD', url, client: '100' }, CREDENTIALS, { ca: pki.ca }), 'connection');
    assert.match(error.message, /Cannot connect to 127\.0\.0\.1:\d+ \(ECONNREFUSED\): is it the system's ICM HTTPS port/);
  });

  it('goes through an HTTPS_PROXY with CONNECT, authenticating to the proxy; a refused tunnel masks the proxy password', async () => {
    const server = await serve(recorded('components'));
    const proxyAuthorization = `Basic ${Buffer.from('proxyuser:proxy-secret').toString('base64')}`;
    const proxy = await ConnectProxy.start({ requireAuthorization: proxyAuthorization });
    servers.push(proxy);
    const port = new URL(proxy.url).port;
    const options: AdtRequestOptions = { ca: pki.ca, proxy: `http://proxyuser:proxy-secret@127.0.0.1:${port}` };
    assert.deepEqual(await readComponentsOverAdt(target(server), CREDENTIALS, options), RECORDED_COMPONENTS);
    assert.deepEqual(proxy.requests, [{ target: `127.0.0.1:${new URL(server.url).port}`, authorization: proxyAuthorization }]);
    assert.equal(server.received[0].headers.authorization, BASIC, 'the system still gets its own logon, inside the tunnel');
    const refused = await failure(readComponentsOverAdt(target(server), CREDENTIALS, { ca: pki.ca, proxy: `http://proxyuser:wrong-secret@127.0.0.1:${port}` }), 'proxy');
    assert.match(refused.message, /The proxy http:\/\/proxyuser:\*\*\*@127\.0\.0\.1:\d+ refused the tunnel to 127\.0\.0\.1:\d+ \(HTTP 407\)/);
    assert.ok(!refused.message.includes('wrong-secret'));
  });

  it('names a proxy it cannot use instead of sending the request elsewhere', async () => {
    const server = await serve(recorded('components'));
    assert.match((await failure(readComponentsOverAdt(target(server), CREDENTIALS, { ca: pki.ca, proxy: 'https://u:proxy-secret@proxy.acme.example:3128' }), 'proxy')).message, /^The proxy https:\/\/u:\*\*\*@proxy\.acme\.example:3128 is not an http:\/\/ proxy/);
    assert.match((await failure(readComponentsOverAdt(target(server), CREDENTIALS, { ca: pki.ca, proxy: 'proxy:3128' }), 'proxy')).message, /is not an http:\/\/ proxy|is not a URL/);
    assert.equal(server.received.length, 0);
  });

  it('takes the proxy from HTTPS_PROXY unless NO_PROXY lists the host', () => {
    const url = new URL('https://prd-ci.acme.example:44300');
    assert.equal(proxyFor(url, {}), undefined);
    assert.equal(proxyFor(url, { HTTPS_PROXY: 'http://proxy:3128' }), 'http://proxy:3128');
    assert.equal(proxyFor(url, { https_proxy: 'http://proxy:3128' }), 'http://proxy:3128');
    assert.equal(proxyFor(url, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'localhost,.acme.example' }), undefined);
    assert.equal(proxyFor(url, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'acme.example:443' }), undefined);
    assert.equal(proxyFor(url, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'other.example' }), 'http://proxy:3128');
    assert.equal(proxyFor(url, { HTTPS_PROXY: 'http://proxy:3128', no_proxy: '*' }), undefined);
    assert.equal(proxyFor(new URL('https://notacme.example'), { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'acme.example' }), 'http://proxy:3128');
  });
});
