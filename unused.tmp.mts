import { Project, Node } from 'ts-morph';
const project = new Project({ tsConfigFilePath: 'tsconfig.json' });
for (const sf of project.getSourceFiles()) {
  const fp = sf.getFilePath();
  if (!fp.includes('/generator/')) continue;
  for (const [name, decls] of sf.getExportedDeclarations()) {
    for (const d of decls) {
      if (d.getSourceFile() !== sf) continue;
      const id = (d as any).getNameNode?.();
      if (!id || !id.findReferencesAsNodes) continue;
      const refs = id.findReferencesAsNodes();
      const outside = refs.filter((r: any) => r.getSourceFile() !== sf && r.getParent()?.getKindName() !== 'ExportSpecifier');
      if (outside.length > 0) continue;
      const reexported = refs.some((r: any) => r.getSourceFile() !== sf);
      const inside = refs.filter((r: any) => r.getSourceFile() === sf && r !== id);
      const kind = d.getKindName();
      console.log(`${fp.replace(process.cwd() + '/', '')}\t${name}\t${kind}\t${inside.length === 0 ? 'DEAD' : 'IN-FILE'}\t${reexported ? 'reexported' : ''}`);
    }
  }
}
