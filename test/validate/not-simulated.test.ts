import { expect, it } from 'vitest';
import { NOT_SIMULATED_DIRECTIVES } from '../../generator/model/not-simulated.ts';
import { lintApp } from '../../generator/validate/index.ts';
import { genericApp } from '../../generator/validate/rules/shared-cases.ts';
import { structureNotSimulated } from '../../generator/validate/rules/structure-not-simulated.ts';
import { loadCase } from './case-app.ts';

const VALUES: Record<string, string> = { aws: '{ "key": "k", "secret": "s" }', endpoint: '"movies"' };

// every directive the simulator skips (the shared list, plus aws Version 2) is a lint finding too
it.each([...Object.keys(NOT_SIMULATED_DIRECTIVES), 'aws'])(
  'lint reports "%s" as not simulated',
  (directive) => {
    const app = loadCase(
      genericApp(
        `"communication": { "url": "/items", "${directive}": ${VALUES[directive] ?? 'true'}, "response": { "iterate": "{{body}}", "limit": 5 } }`,
      ),
    );
    const found = lintApp(app, {}, { rules: [structureNotSimulated], skipSchemas: true }).diagnostics;
    expect(
      found.map((d) => [d.ruleId, d.severity, d.message.startsWith(`"${directive}" is not simulated`)]),
    ).toEqual([['structure/not-simulated', 'info', true]]);
  },
);
