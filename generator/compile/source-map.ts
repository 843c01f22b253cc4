/**
 * Maps a JSON pointer inside a generated code file back to the TypeScript that produced it: the
 * `define*` call recorded for the component, then the property path inside its object literal
 * (through builder arrow functions, `as const`, and identifiers bound to literals elsewhere).
 * When the path leaves literal code (a helper call), the nearest enclosing expression is used.
 */
import path from 'node:path';
import { type Node, Project, SyntaxKind } from 'ts-morph';
import { fromPointer } from '../model/index.ts';
import type { DefinitionOrigin } from './authoring/origin.ts';

export interface TsLocation {
  file: string;
  line: number;
  column: number;
}

export class SourceMapper {
  private project: Project | undefined;

  constructor(private readonly cwd: string) {}

  /** Location of `sectionKey` + `pointer` inside the definition call at `origin`. */
  locate(origin: DefinitionOrigin, sectionKey: string | undefined, pointer: string): TsLocation {
    const fallback = this.format(origin.file, origin.line, origin.column);
    try {
      const call = this.findDefineCall(origin);
      if (!call) return fallback;
      let node: Node = call;
      const args = call.asKind(SyntaxKind.CallExpression)?.getArguments() ?? [];
      if (args[0]) node = args[0];
      const segments = [...(sectionKey ? sectionKey.split('.') : []), ...fromPointer(pointer)];
      for (const seg of segments) {
        const next = this.step(node, seg);
        if (!next) break;
        node = next;
      }
      const sf = node.getSourceFile();
      const { line, column } = sf.getLineAndColumnAtPos(node.getStart());
      return this.format(sf.getFilePath(), line, column);
    } catch {
      return fallback;
    }
  }

  private format(file: string, line: number, column: number): TsLocation {
    return { file: path.relative(this.cwd, file).split(path.sep).join('/'), line, column };
  }

  private getProject(): Project {
    this.project ??= new Project({
      compilerOptions: {
        allowJs: false,
        allowImportingTsExtensions: true,
        noEmit: true,
        module: 199,
        moduleResolution: 99,
      },
      skipAddingFilesFromTsConfig: true,
    });
    return this.project;
  }

  private findDefineCall(origin: DefinitionOrigin): Node | undefined {
    const project = this.getProject();
    const sf = project.getSourceFile(origin.file) ?? project.addSourceFileAtPath(origin.file);
    let best: Node | undefined;
    sf.forEachDescendant((n) => {
      if (n.getKind() !== SyntaxKind.CallExpression) return;
      const callee = n.asKindOrThrow(SyntaxKind.CallExpression).getExpression().getText();
      if (!/^define[A-Z]/.test(callee)) return;
      const start = n.getStartLineNumber();
      const end = n.getEndLineNumber();
      if (origin.line >= start && origin.line <= end && (!best || start >= best.getStartLineNumber()))
        best = n;
    });
    return best;
  }

  /** One pointer segment deeper, or undefined when the code is not a literal there. */
  private step(node: Node, seg: string, depth = 0): Node | undefined {
    if (depth > 20) return undefined;
    const unwrapped = this.unwrap(node, depth);
    if (!unwrapped) return undefined;
    node = unwrapped;
    if (node.getKind() === SyntaxKind.ObjectLiteralExpression) {
      for (const prop of node.asKindOrThrow(SyntaxKind.ObjectLiteralExpression).getProperties()) {
        if (prop.getKind() === SyntaxKind.PropertyAssignment) {
          const pa = prop.asKindOrThrow(SyntaxKind.PropertyAssignment);
          if (propName(pa.getNameNode().getText()) === seg) return pa.getInitializer() ?? pa;
        } else if (prop.getKind() === SyntaxKind.ShorthandPropertyAssignment) {
          const sp = prop.asKindOrThrow(SyntaxKind.ShorthandPropertyAssignment);
          if (sp.getName() === seg) return sp.getNameNode();
        }
      }
      return undefined;
    }
    if (node.getKind() === SyntaxKind.ArrayLiteralExpression) {
      const elements = node.asKindOrThrow(SyntaxKind.ArrayLiteralExpression).getElements();
      const index = Number(seg);
      if (!Number.isInteger(index)) return undefined;
      let i = 0;
      for (const el of elements) {
        if (el.getKind() === SyntaxKind.SpreadElement) return undefined;
        if (i === index) return el;
        i++;
      }
    }
    return undefined;
  }

  /** Looks through wrappers to the literal a value comes from. */
  private unwrap(node: Node, depth: number): Node | undefined {
    for (let i = 0; i < 20; i++) {
      switch (node.getKind()) {
        case SyntaxKind.ParenthesizedExpression:
        case SyntaxKind.AsExpression:
        case SyntaxKind.SatisfiesExpression:
          node = (node as Node & { getExpression(): Node }).getExpression();
          continue;
        case SyntaxKind.ArrowFunction:
        case SyntaxKind.FunctionExpression: {
          const body = (node as Node & { getBody(): Node }).getBody();
          if (body.getKind() === SyntaxKind.Block) {
            const ret = body.getDescendantsOfKind(SyntaxKind.ReturnStatement)[0]?.getExpression();
            if (!ret) return undefined;
            node = ret;
          } else node = body;
          continue;
        }
        case SyntaxKind.Identifier: {
          if (depth > 10) return node;
          const decl = node
            .asKindOrThrow(SyntaxKind.Identifier)
            .getDefinitionNodes()
            .find((d) => d.getKind() === SyntaxKind.VariableDeclaration);
          const init = decl?.asKind(SyntaxKind.VariableDeclaration)?.getInitializer();
          if (!init) return node;
          node = init;
          continue;
        }
        default:
          return node;
      }
    }
    return node;
  }
}

function propName(text: string): string {
  return /^['"`]/.test(text) ? text.slice(1, -1) : text;
}
