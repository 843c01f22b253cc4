import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { loadScenarios, parseScenario, ScenarioError } from '../../generator/simulate/index.ts';

const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/scenario.schema.json'), 'utf8'));

describe('schemas/scenario.schema.json', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  const examples: [number, unknown][] = schema.examples.map((e: unknown, i: number) => [i, e]);
  const anti: [string, unknown][] = schema['x-antiExamples'].map((a: { value: unknown; reason: string }) => [
    a.reason,
    a.value,
  ]);
  it.each(examples)('example %i is valid', (_i, e) => {
    expect(validate(e)).toBe(true);
  });
  it.each(anti)('anti-example fails: %s', (_r, data) => {
    expect(validate(data)).toBe(false);
  });
});

describe('parseScenario reports problems with file:line:column', () => {
  it.each([
    [
      'YAML syntax (duplicate key)',
      'name: x\nsteps:\n  - advance: 1m\nname: y\n',
      'x.yaml',
      /YAML syntax: Map keys must be unique/,
      4,
    ],
    ['YAML syntax (unclosed flow map)', 'name: x\nsteps:\n  - run: {module: a\n', 'x.yaml', /YAML syntax/, 4],
    [
      'unknown step kind',
      'name: x\nsteps:\n  - run: { module: a }\n  - sleep: 5m\n',
      'x.yaml',
      /must NOT have additional properties "sleep"/,
      4,
    ],
    [
      'missing module',
      'name: x\nsteps:\n  - run:\n      parameters: {}\n',
      'x.yaml',
      /must have required property 'module'/,
      3,
    ],
    ['bad duration', 'name: x\nsteps:\n  - advance: soon\n', 'x.yaml', /advance/, 3],
    ['no steps', 'name: x\nsteps: []\n', 'x.yaml', /steps/, 2],
    [
      'unknown setting',
      'name: x\nsettings:\n  equality: strict\n  paginationTwice: true\nsteps:\n  - advance: 1m\n',
      'x.yaml',
      /settings\.paginationTwice: unknown setting/,
      4,
    ],
    [
      'unknown expectation',
      'name: x\nsteps:\n  - run:\n      module: a\n      expect:\n        outputs: []\n',
      'x.yaml',
      /"outputs"/,
      6,
    ],
  ])('%s', (_name, text, file, message, line) => {
    let err: unknown;
    try {
      parseScenario(text, file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScenarioError);
    const se = err as ScenarioError;
    expect(se.message).toMatch(message);
    expect(se.file).toBe(file);
    expect(se.line).toBe(line);
    expect(se.column).toBeGreaterThan(0);
  });

  it('refuses a billion-laughs alias bomb without hanging', () => {
    const bomb = `name: x\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\nsteps:\n  - advance: 1m\n`;
    expect(() => parseScenario(bomb, 'bomb.yaml')).toThrow(ScenarioError);
  });
});

describe('the reference scenarios', () => {
  const dir = join(__dirname, '../../app-src/scenarios');
  it('all parse and validate', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(8);
    const scenarios = loadScenarios(dir);
    expect(scenarios.map((s) => s.name)).toHaveLength(files.length);
  });
});
