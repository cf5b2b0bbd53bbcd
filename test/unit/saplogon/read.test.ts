import { strict as assert } from 'assert';
import { decodeSapLogonBytes, includedPath, readSapLogonText, resolveLandscape, SapLogonFormatError } from '../../../src/core/saplogon';
import { escapeAttribute } from '../../../src/core/saplogon/export';
import { splitServer } from '../../../src/core/saplogon/resolve';

describe('SAP Logon files: reading', () => {
  it('decodes UTF-16 with either byte order, UTF-8 with and without a mark, and ANSI', () => {
    const text = '[Description]\r\nItem1=Zürich\r\n';
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = Buffer.from(utf16le);
    for (let at = 0; at + 1 < utf16be.length; at += 2) [utf16be[at], utf16be[at + 1]] = [utf16le[at + 1], utf16le[at]];
    assert.equal(decodeSapLogonBytes(utf16le), text);
    assert.equal(decodeSapLogonBytes(utf16be), text);
    assert.equal(decodeSapLogonBytes(Buffer.from(text, 'utf16le')), text, 'UTF-16 without a mark');
    assert.equal(decodeSapLogonBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])), text);
    assert.equal(decodeSapLogonBytes(Buffer.from(text, 'latin1')), text, 'Windows-1252');
  });

  it('splits servers: host names with dots and dashes, IPv4, IPv6 in brackets and without', () => {
    assert.deepEqual(splitServer('prd-ci.sap-prod.acme.example:3200'), { host: 'prd-ci.sap-prod.acme.example', port: '3200' });
    assert.deepEqual(splitServer('10.1.2.3:3201'), { host: '10.1.2.3', port: '3201' });
    assert.deepEqual(splitServer('[fd00::21]:3210'), { host: 'fd00::21', port: '3210' });
    assert.deepEqual(splitServer('fd00::21:3210'), { host: 'fd00::21', port: '3210' });
    assert.deepEqual(splitServer('fd00::21'), { host: 'fd00::21' });
    assert.deepEqual(splitServer('prd'), { host: 'prd' });
  });

  it('turns include URLs into local paths, and leaves HTTP ones alone', () => {
    assert.equal(includedPath('file:///C:/Users/x/AppData/Roaming/SAP/Common/SAPUILandscapeGlobal.xml', 'win32'), 'C:\\Users\\x\\AppData\\Roaming\\SAP\\Common\\SAPUILandscapeGlobal.xml');
    assert.equal(includedPath('file:///home/x/.SAPGUI/SAPUILandscapeGlobal.xml', 'linux'), '/home/x/.SAPGUI/SAPUILandscapeGlobal.xml');
    assert.equal(includedPath('file://fileserver/sap/Landscape%20Global.xml', 'win32'), '//fileserver/sap/Landscape Global.xml');
    assert.equal(includedPath('https://intranet.acme.example/SAPUILandscapeGlobal.xml'), undefined);
  });

  it('reports the position of XML problems and of a wrong root element', () => {
    const failure = (text: string) => {
      try {
        readSapLogonText(text, 'x.xml');
      } catch (error) {
        assert.ok(error instanceof SapLogonFormatError);
        return error.message;
      }
      assert.fail('no error');
    };
    assert.equal(failure('<Landscape>\n  <Services>\n</Landscape>'), 'x.xml:3:13: not well-formed XML: unexpected close tag.');
    assert.equal(failure('<?xml version="1.0"?>\n<html><body/></html>'), 'x.xml:2:7: The root element is <html>; a SAP UI landscape file starts with <Landscape>.');
    assert.match(failure('<Landscape><Services><Service name="a & b"/></Services></Landscape>'), /^x\.xml:1:\d+: not well-formed XML: /);
  });

  it('keeps user text as written and treats text inside values as data', () => {
    const content = readSapLogonText('<Landscape><Services><Service type="SAPGUI" uuid="1" name="  PRD  " systemid=" prd " server="prd:3200" description=" # sapready-disable schema &#10;next line"/></Services></Landscape>', 'x.xml');
    const { systems } = resolveLandscape([content]);
    assert.equal(systems[0].sid, 'PRD');
    assert.equal(systems[0].description, ' # sapready-disable schema \nnext line');
  });

  it('escapes every attribute so that user text cannot end the attribute or the element', () => {
    assert.equal(escapeAttribute(`a"b'c<d>e&f\tg\nh\ri`), 'a&quot;b&apos;c&lt;d&gt;e&amp;f&#9;g&#10;h&#13;i');
    assert.equal(escapeAttribute('bell\u0007 lone\ud800 pair😀'), 'bell\ufffd lone\ufffd pair😀');
  });
});
