import { Project } from 'ts-morph';
import { readFileSync } from 'node:fs';
const skip = /\/(simulate|lsp|model)\//;
const want = readFileSync('/tmp/unused2.txt', 'utf8').split('\n').filter((l) => l.includes('IN-FILE') && !l.includes('reexported') && !/InterfaceDeclaration|TypeAliasDeclaration/.test(l)).map((l) => l.split('\t'));
const project = new Project({ tsConfigFilePath: 'tsconfig.json' });
let n = 0;
for (const [file, name] of want) {
  if (skip.test(file)) continue;
  const sf = project.getSourceFileOrThrow(file);
  const decl = sf.getFunction(name) ?? sf.getClass(name) ?? sf.getVariableStatement(name);
  if (!decl) { console.log('not found', file, name); continue; }
  decl.setIsExported(false);
  n++;
}
await project.save();
console.log('unexported', n);
