import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { importApp } from '../../generator/compile/index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'make-app-import-tsc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const abs = path.join(dir, n);
    return statSync(abs).isDirectory() ? tsFiles(abs) : abs.endsWith('.ts') ? [abs] : [];
  });
}

describe('imported TypeScript reads as hand-written code', { timeout: 120_000 }, () => {
  it('the imported reference app type-checks against the authoring API', () => {
    const out = path.join(work, 'reference');
    const result = importApp('dist-app', { out });
    expect(result.files).toContain('app-src/app.ts');
    expect(result.files).toContain('app-src/modules/search-movies.ts');
    const { options } = ts.convertCompilerOptionsFromJson(
      JSON.parse(readFileSync(path.resolve('tsconfig.json'), 'utf8')).compilerOptions,
      process.cwd(),
    );
    const files = tsFiles(out);
    const program = ts.createProgram(files, {
      ...options,
      noEmit: true,
      typeRoots: [path.resolve('node_modules/@types')],
    });
    const problems = files.flatMap((f) =>
      [
        ...program.getSemanticDiagnostics(program.getSourceFile(f)),
        ...program.getSyntacticDiagnostics(program.getSourceFile(f)),
      ].map((d) => `${path.relative(out, f)}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`),
    );
    expect(problems).toEqual([]);
  });

  it('uses the authoring API with links between components, one file per component', () => {
    const out = path.join(work, 'shape');
    importApp('dist-app', { out });
    const module = readFileSync(path.join(out, 'app-src/modules/get-movie.ts'), 'utf8');
    expect(module).toContain("import { academy } from '../connections/academy.ts';");
    expect(module).toMatch(
      /export const getMovie = defineModule\(\{\n {2}name: 'getMovie',\n {2}type: 'action',\n {2}crud: 'read',/,
    );
    expect(module).toContain('connection: academy,');
    // Plain IML paths come back as typed references inside a builder.
    expect(module).toContain(
      "communication: ({ parameters }) => ({ url: `/movies/${parameters.movieId}`, method: 'GET' }),",
    );
    const connection = readFileSync(path.join(out, 'app-src/connections/academy.ts'), 'utf8');
    expect(connection).toContain("stores: ['accessToken', 'expires', 'refreshExpires', 'refreshToken'],");
    const app = readFileSync(path.join(out, 'app-src/app.ts'), 'utf8');
    expect(app).toContain("{ label: 'Files', modules: [listFiles, downloadFile, uploadFile] },");
  });
});
