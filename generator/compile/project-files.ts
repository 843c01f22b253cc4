/**
 * The files of an app project that uses this package (what `make-app init` scaffolds and
 * `make-app import` writes beside the sources): the TypeScript sources import the authoring API by
 * the package's name, so the project builds wherever the package is installed.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../model/package-files.ts';

interface OwnPackage {
  name: string;
  version: string;
  devDependencies?: Record<string, string>;
}

const own = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as OwnPackage;

export const PACKAGE_NAME = own.name;
/** How app sources import the typed `define*` API. */
export const AUTHORING_SPECIFIER = `${own.name}/authoring`;
/** The folder of a project that holds the TypeScript sources of the app. */
export const SOURCES_FOLDER = 'app-src';

/** `package.json` of a new app project: ES modules, this package as a dependency, the usual scripts. */
export function projectPackageJson(name: string): string {
  const src = SOURCES_FOLDER;
  const pkg = {
    name: npmName(name),
    version: '0.1.0',
    private: true,
    type: 'module',
    scripts: {
      build: `make-app build --src ${src} --out dist-app`,
      lint: 'make-app lint dist-app',
      simulate: `make-app simulate dist-app --scenario ${src}/scenarios`,
      start: `make-app start --src ${src} --out dist-app --scenario ${src}/scenarios`,
      typecheck: 'tsc --noEmit -p .',
    },
    dependencies: { [own.name]: `^${own.version}` },
    devDependencies: { typescript: own.devDependencies?.typescript ?? '5.9.3' },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** `tsconfig.json` that type-checks the sources against the package's shipped declarations. */
export function projectTsconfig(): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      allowImportingTsExtensions: true,
      noEmit: true,
      skipLibCheck: true,
    },
    include: [SOURCES_FOLDER],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** A valid npm package name from a folder or app name. */
function npmName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return cleaned || 'make-app-project';
}
