import { strict as assert } from 'assert';
import { DEFAULT_FILE_LIMITS } from '../../../src/core/config/options';
import { isRefusal, planConnection, sapRouterRoute } from '../../../src/core/connect';
import { accessRouteOf } from '../../../src/core/landscape/access-route';
import { loadLandscapeFile } from '../../../src/core/landscape/file';
import type { LandscapeModel } from '../../../src/core/landscape/model';
import { connectionFor } from '../../../src/core/rfc/connection';
import { yaml } from '../../helpers';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const WINDOW = 'window: { from: 2026-11-20T08:00:00Z, until: 2026-11-27T18:00:00Z }';

function model(...lines: string[]): LandscapeModel {
  const file = loadLandscapeFile('a.landscape.yaml', yaml(...lines), DEFAULT_FILE_LIMITS);
  assert.ok(file.model);
  return file.model;
}

/** The same question asked through each face that takes one's own route: verify, shortcut, route copy. */
function routesOf(landscape: LandscapeModel, sid: string): { verify?: string; shortcut?: string; copied?: string } {
  const system = landscape.systems.find((candidate) => candidate.sid === sid)!;
  const connection = connectionFor(landscape, system);
  const plan = planConnection(system, 'r3-support', landscape, {}, NOW);
  const copied = sapRouterRoute(system, landscape);
  return {
    verify: connection.ok ? connection.parameters.saprouter ?? '' : `refused: ${connection.problem}`,
    shortcut: isRefusal(plan) ? `refused: ${plan.reason}` : plan.kind === 'shortcut-file' ? /^GuiParm=(.*)$/m.exec(plan.contents)?.[1] : plan.kind,
    copied: isRefusal(copied) ? `refused: ${copied.reason}` : copied,
  };
}

const SYSTEM = (sid: string, extra = ''): string[] => [`  ${sid}:`, '    product: abap', `    host: ${sid.toLowerCase()}.acme.example`, '    instance: "00"', '    client: "100"', ...(extra ? [`    ${extra}`] : []), `    serviceConnections: { r3-support: { ${WINDOW} } }`];

describe('accessRouteOf: the route of one\'s own connections', () => {
  it('takes the system\'s accessRoute over the file\'s, and the file\'s over saprouter, in every face', () => {
    const landscape = model(
      'landscape: ACME',
      'saprouter: /H/saprouter.acme.example/S/3299',
      'accessRoute: /H/gw.partner.example/S/3299/H/saprouter.acme.example/S/3299',
      'systems:',
      ...SYSTEM('PRD'),
      ...SYSTEM('DEV', 'accessRoute: /H/dev-router.acme.example/S/3298'),
    );
    assert.deepEqual(routesOf(landscape, 'PRD'), {
      verify: '/H/gw.partner.example/S/3299/H/saprouter.acme.example/S/3299',
      shortcut: '/H/gw.partner.example/S/3299/H/saprouter.acme.example/S/3299/H/prd.acme.example/S/3200',
      copied: '/H/gw.partner.example/S/3299/H/saprouter.acme.example/S/3299/H/prd.acme.example/S/3200',
    });
    assert.deepEqual(routesOf(landscape, 'DEV'), {
      verify: '/H/dev-router.acme.example/S/3298',
      shortcut: '/H/dev-router.acme.example/S/3298/H/dev.acme.example/S/3200',
      copied: '/H/dev-router.acme.example/S/3298/H/dev.acme.example/S/3200',
    });
  });

  it('keeps a v1 file\'s meaning: without accessRoute, saprouter is the route of one\'s own connections', () => {
    const landscape = model('landscape: ACME', 'saprouter: /H/saprouter.acme.example/S/3299', 'systems:', ...SYSTEM('PRD'));
    assert.deepEqual(routesOf(landscape, 'PRD'), {
      verify: '/H/saprouter.acme.example/S/3299',
      shortcut: '/H/saprouter.acme.example/S/3299/H/prd.acme.example/S/3200',
      copied: '/H/saprouter.acme.example/S/3299/H/prd.acme.example/S/3200',
    });
    const result = accessRouteOf(landscape, landscape.systems[0]);
    assert.ok(result.ok && result.fieldName === 'saprouter');
  });

  it('connects directly with accessRoute: "" although saprouter is declared', () => {
    const landscape = model('landscape: ACME', 'saprouter: /H/saprouter.acme.example/S/3299', 'systems:', ...SYSTEM('PRD', 'accessRoute: ""'));
    assert.deepEqual(routesOf(landscape, 'PRD'), { verify: '', shortcut: '/H/prd.acme.example/S/3200', copied: '/H/prd.acme.example/S/3200' });
  });

  it('never sends one\'s own connections through SAP\'s router: a saprouter that passes one is refused with the way out', () => {
    const landscape = model('landscape: ACME', 'saprouter: /H/saprouter.acme.example/S/3299/H/SAPSERV2/S/3299', 'systems:', ...SYSTEM('PRD'));
    const routes = routesOf(landscape, 'PRD');
    for (const face of Object.values(routes)) assert.match(face, /^refused: saprouter passes SAP's router SAPSERV2.*Declare accessRoute/);
    const declared = model('landscape: ACME', 'saprouter: /H/saprouter.acme.example/S/3299/H/147.204.2.5/S/3299', 'accessRoute: /H/saprouter.acme.example/S/3299', 'systems:', ...SYSTEM('PRD'));
    assert.equal(routesOf(declared, 'PRD').verify, '/H/saprouter.acme.example/S/3299');
  });

  it('refuses a /P/ password hop as it refuses /W/, without echoing the password', () => {
    const landscape = model('landscape: ACME', 'accessRoute: /H/saprouter.acme.example/P/hunter2/S/3299', 'systems:', ...SYSTEM('PRD'));
    const routes = routesOf(landscape, 'PRD');
    for (const face of Object.values(routes)) {
      assert.match(face, /^refused: .*\/P\/ router password/);
      assert.doesNotMatch(face, /hunter2/);
    }
  });
});
