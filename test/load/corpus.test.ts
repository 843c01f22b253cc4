import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApp } from '../../generator/load/index.ts';
import { CORPUS, corpusAvailable } from '../helpers/shared.ts';

/**
 * Expected layout and counts (modules/connections/rpcs/webhooks/functions) per corpus app, from
 * corpus/INDEX.md. Functions: INDEX counts them from the source repositories, but their `code.js`
 * files were not copied; the local-dev manifests still declare them (so they count there), the
 * older exports have no functions folder at all (so 0 here, noted in the last column).
 */
const APPS: [folder: string, layout: string, counts: [number, number, number, number, number]][] = [
  ['Acetelecom__make-smsenmasse', 'local-dev', [5, 1, 0, 1, 0]],
  ['adamwojs__lorem-ipsum-connect-app', 'imljson-export', [1, 1, 1, 0, 0]],
  ['Alvarixxs__Automated-Blockhain-Workflow-Orchestrator', 'local-dev', [3, 2, 0, 2, 0]],
  ['futuresearch__everyrow-make', 'loose', [7, 1, 1, 0, 0]],
  ['harishrajora__browsercloud-make-integration', 'local-dev', [8, 1, 0, 0, 0]],
  ['HedyAI__make-app-hedy', 'local-dev', [9, 1, 2, 1, 0]],
  ['Ichy77__Open-Source-Make-Apps/bland-ai', 'local-dev', [12, 1, 2, 1, 2]],
  ['Ichy77__Open-Source-Make-Apps/chat-pdf', 'local-dev', [4, 1, 0, 0, 0]],
  ['Ichy77__Open-Source-Make-Apps/copy-ai', 'local-dev', [3, 1, 0, 1, 0]],
  ['Ichy77__Open-Source-Make-Apps/deep-ai', 'local-dev', [3, 1, 0, 0, 0]],
  ['Ichy77__Open-Source-Make-Apps/mistral-ai', 'local-dev', [4, 1, 2, 0, 0]],
  ['Ichy77__Open-Source-Make-Apps/openrouter', 'local-dev', [4, 2, 1, 0, 0]],
  ['Ichy77__Open-Source-Make-Apps/stability-ai', 'local-dev', [8, 1, 1, 0, 1]],
  ['Ichy77__Open-Source-Make-Apps/zep', 'local-dev', [5, 1, 2, 0, 0]],
  ['janknettig__Pipedrive-CRM', 'local-dev', [97, 2, 38, 6, 17]],
  ['joe-irving__ActionNetworkMakeApp', 'imljson-export', [54, 1, 22, 1, 0]], // INDEX: 1 fn (code not copied)
  ['johnson-jnr__integromat-cats-public', 'imljson-export', [6, 1, 1, 0, 0]],
  ['Linked-API__linkedapi-make', 'local-dev', [27, 1, 0, 0, 0]],
  ['Metro18__Domotz', 'local-dev', [30, 1, 0, 0, 0]],
  ['ofair-bizshare__ofair-make-integration', 'loose', [1, 1, 0, 0, 0]],
  ['pablo-albaladejo__make-integration', 'loose', [0, 0, 0, 1, 0]],
  ['Rafin010__airtable-bridge', 'local-dev', [3, 1, 0, 0, 0]],
  ['Rafin010__reddit-ops', 'local-dev', [3, 1, 0, 0, 0]],
  ['reepay__integromat', 'imljson-export', [5, 1, 1, 1, 0]], // INDEX: 1 fn (code not copied)
];

describe.skipIf(!corpusAvailable)('loading every corpus app', () => {
  it('covers every app folder listed in corpus/INDEX.md', () => {
    const index = readFileSync(path.join(CORPUS, 'INDEX.md'), 'utf8');
    const listed = [...index.matchAll(/^\| `([^`]+)\/` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(APPS.map((a) => a[0]).sort());
  });

  it.each(APPS)(
    '%s loads as %s with the expected component counts',
    (folder, layout, [mod, conn, rpc, wh, fn]) => {
      const app = loadApp(path.join(CORPUS, folder));
      expect(app.layout).toBe(layout);
      const c = app.components;
      expect([mod, conn, rpc, wh, fn]).toEqual([
        Object.keys(c.module).length,
        Object.keys(c.connection).length,
        Object.keys(c.rpc).length,
        Object.keys(c.webhook).length,
        Object.keys(c.function).length,
      ]);
      // Every component and code carries a usable location.
      for (const kind of Object.values(c)) {
        for (const comp of Object.values(kind)) {
          for (const code of Object.values(comp.codes)) {
            const loc = code.locate('');
            expect(loc.line).toBeGreaterThanOrEqual(1);
            expect(loc.column).toBeGreaterThanOrEqual(1);
          }
        }
      }
    },
  );

  it('reads local-dev metadata: module type, connection link, label and the app id', () => {
    const app = loadApp(path.join(CORPUS, 'HedyAI__make-app-hedy'));
    expect(app.info).toMatchObject({ name: 'hedy-p0dkfb', version: 1 });
    const triggers = Object.values(app.components.module).filter((m) => m.moduleType === 'instant_trigger');
    expect(triggers.length).toBe(1);
    expect(triggers[0].webhook).toBeTruthy();
    expect(Object.keys(app.general).sort()).toEqual(['base', 'common', 'groups', 'readme']);
    expect(typeof app.general.readme?.value).toBe('string');
  });

  it('maps older export sections onto local-dev code types and metadata', () => {
    const app = loadApp(path.join(CORPUS, 'joe-irving__ActionNetworkMakeApp'));
    expect(app.info).toMatchObject({ name: 'action-network-jmxysg', label: 'Action Network v2', version: 1 });
    const watch = app.components.module.watchPeople;
    expect(watch.moduleType).toBe('trigger');
    expect(Object.keys(watch.codes).sort()).toEqual([
      'communication',
      'epoch',
      'interface',
      'samples',
      'scope',
      'staticParams',
    ]);
    const conn = Object.values(app.components.connection)[0];
    expect(Object.keys(conn.codes).sort()).toEqual(['communication', 'defaultScope', 'params', 'scopeList']);
    const hook = Object.values(app.components.webhook)[0];
    expect(Object.keys(hook.codes).sort()).toEqual([
      'attach',
      'communication',
      'detach',
      'params',
      'requiredScope',
      'update',
    ]);
    expect(hook.webhookType).toBe('web');
  });

  it('reads module type ids (typeId 4) of the older export', () => {
    const app = loadApp(path.join(CORPUS, 'adamwojs__lorem-ipsum-connect-app'));
    expect(app.components.module.genloremhtml.moduleType).toBe('action');
    expect(app.components.module.genloremhtml.codes.mappableParams).toBeDefined();
  });

  it('splits one-document-per-component files into sections pointing into that document', () => {
    const app = loadApp(path.join(CORPUS, 'futuresearch__everyrow-make'));
    const m = app.components.module.getTaskStatus;
    expect(m.label).toBe('Get Task Status');
    expect(m.moduleType).toBe('action');
    expect(m.connection).toBe('everyrow-api');
    const comm = m.codes.communication!;
    expect(comm.file).toBe('modules/getTaskStatus.imljson');
    expect(comm.basePointer).toBe('/communication');
    expect((comm.value as { url: string }).url).toBe('/tasks/{{parameters.taskId}}/status');
    const text = readFileSync(
      path.join(CORPUS, 'futuresearch__everyrow-make/modules/getTaskStatus.imljson'),
      'utf8',
    );
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"/tasks/{{parameters.taskId}}/status"')) + 1;
    expect(comm.locate('/url')).toMatchObject({
      line,
      column: lines[line - 1].indexOf('"/tasks') + 1,
      pointer: '/communication/url',
    });
  });

  it('reads flat files named <kind>-<name>-<section> (layout C) and the manifest-less local-dev folders', () => {
    const ofair = loadApp(path.join(CORPUS, 'ofair-bizshare__ofair-make-integration'));
    expect(Object.keys(ofair.components.module['submit-lead'].codes).sort()).toEqual([
      'communication',
      'interface',
      'staticParams',
    ]);
    expect(Object.keys(ofair.components.connection.connection.codes).sort()).toEqual([
      'communication',
      'params',
    ]);
    const pablo = loadApp(path.join(CORPUS, 'pablo-albaladejo__make-integration'));
    expect(Object.keys(pablo.components.webhook['test-webhook'].codes).sort()).toEqual([
      'communication',
      'interface',
      'params',
    ]);
  });

  it('handles manifests with components as arrays and code files under older section names', () => {
    const app = loadApp(path.join(CORPUS, 'Acetelecom__make-smsenmasse'));
    const send = app.components.module.sendCampaignSms;
    expect(send.moduleType).toBe('action');
    expect(Object.keys(send.codes).sort()).toEqual(['communication', 'interface', 'staticParams']);
    expect(send.extra?.meta).toMatchObject({ typeId: 4 });
    expect(app.components.connection.apiKey.connectionType).toBe('basic');
    // generalCodeFiles is empty: base.json is found where it conventionally sits, with one finding
    expect(app.general.base?.file).toBe('base.json');
    expect(app.diagnostics.filter((d) => d.ruleId === 'load/incomplete-manifest')).toHaveLength(1);
  });

  it('refuses the ../README.md of Linked-API as a path leaving the app folder, at its manifest position', () => {
    const app = loadApp(path.join(CORPUS, 'Linked-API__linkedapi-make'));
    const d = app.diagnostics.find((x) => x.ruleId === 'load/path-outside-app');
    expect(d).toMatchObject({ file: 'makecomapp.json', line: 7, column: 15, severity: 'error' });
    expect(app.general.readme).toBeUndefined();
  });

  it('positions are exact on sample values of a local-dev code file', () => {
    const app = loadApp(path.join(CORPUS, 'Rafin010__airtable-bridge'));
    const code = app.components.module.getResource.codes.communication!;
    const text = readFileSync(path.join(CORPUS, 'Rafin010__airtable-bridge', code.file), 'utf8');
    const value = code.value as { url: string };
    const needle = JSON.stringify(value.url);
    const at = text.indexOf(`"url": ${needle}`) + '"url": '.length;
    const before = text.slice(0, at).split('\n');
    expect(code.locate('/url')).toMatchObject({
      line: before.length,
      column: before[before.length - 1].length + 1,
    });
    const keyAt = text.indexOf('"url"');
    const kb = text.slice(0, keyAt).split('\n');
    expect(code.locate('/url', { key: true })).toMatchObject({
      line: kb.length,
      column: kb[kb.length - 1].length + 1,
    });
  });
});
