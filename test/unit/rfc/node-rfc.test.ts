import { strict as assert } from 'assert';
import { RfcUnavailableError } from '../../../src/core/rfc/client';
import { loadNodeRfc, nodeRfcConnection, openNodeRfcClient } from '../../../src/core/rfc/node-rfc-client';

const HOW_TO = /SAP NetWeaver RFC SDK.*SAPNWRFC_HOME.*LD_LIBRARY_PATH=\$SAPNWRFC_HOME\/lib.*npm install node-rfc.*Every other feature works without it/;

describe('rfc: node-rfc adapter', () => {
  it('on this machine (no SDK) says node-rfc cannot be loaded and how to install the SDK', () => {
    assert.throws(() => loadNodeRfc(), (error: unknown) => {
      assert.ok(error instanceof RfcUnavailableError);
      assert.match(error.message, HOW_TO);
      return true;
    });
  });

  it('names the missing SAP NW RFC library when node-rfc is installed without the SDK', () => {
    const dlopenFailure = () => {
      throw new Error('libsapnwrfc.so: cannot open shared object file: No such file or directory');
    };
    assert.throws(() => loadNodeRfc(dlopenFailure), (error: unknown) => {
      assert.ok(error instanceof RfcUnavailableError);
      assert.match(error.message, /^node-rfc could not load the SAP NW RFC library: libsapnwrfc\.so: cannot open shared object file/);
      assert.match(error.message, HOW_TO);
      return true;
    });
  });

  it('does not connect at all when node-rfc is missing', async () => {
    const parameters = { sid: 'PRD', client: '100', target: { kind: 'application-server' as const, host: 'prd', instance: '00' } };
    await assert.rejects(openNodeRfcClient(parameters, { user: 'U', password: 'secret' }), RfcUnavailableError);
  });

  it('maps landscape parameters to the RFC SDK names', () => {
    const credentials = { user: 'RFCUSER', password: 'p' };
    assert.deepEqual(nodeRfcConnection({ sid: 'PRD', client: '100', target: { kind: 'application-server', host: 'prd-ci', instance: '00' }, saprouter: '/H/router/S/3299' }, credentials), {
      CLIENT: '100', USER: 'RFCUSER', PASSWD: 'p', LANG: 'EN', ASHOST: 'prd-ci', SYSNR: '00', SAPROUTER: '/H/router/S/3299',
    });
    assert.deepEqual(nodeRfcConnection({ sid: 'PRD', client: '100', target: { kind: 'message-server', host: 'prd-ascs', group: 'PUBLIC' }, language: 'DE' }, credentials), {
      CLIENT: '100', USER: 'RFCUSER', PASSWD: 'p', LANG: 'DE', MSHOST: 'prd-ascs', R3NAME: 'PRD', GROUP: 'PUBLIC',
    });
  });
});
