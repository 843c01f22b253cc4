import type { AppInfo, ComponentCodeType, ComponentKind, GeneralCodeType } from './app.ts';

/**
 * The single-file bundle: one JSON document holding a whole app. The compiler emits it next to the
 * local-development layout (`app.bundle.json`) and the loader reads it back.
 */
export interface AppBundle {
  bundleVersion: 1;
  app: AppInfo;
  general: Partial<Record<GeneralCodeType, unknown>>;
  components: Record<ComponentKind, Record<string, BundleComponent>>;
}

export interface BundleComponent {
  label?: string;
  description?: string;
  moduleType?: string;
  connectionType?: string;
  webhookType?: string;
  actionCrud?: string | null;
  connection?: string | null;
  altConnection?: string | null;
  webhook?: string | null;
  codes: Partial<Record<ComponentCodeType, unknown>>;
  [key: string]: unknown;
}

export function isBundle(value: unknown): value is AppBundle {
  return (
    typeof value === 'object' && value !== null && (value as { bundleVersion?: unknown }).bundleVersion === 1
  );
}
