/**
 * Rule messages are templates with `{name}` placeholders filled from the report's `data`.
 * A single brace is used because messages quote IML, whose `{{...}}` must stay as written:
 * a placeholder is a `{name}` not touching another brace, and only names present in `data`
 * are replaced (anything else is left as text).
 */
export type MessageData = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})/g;

export function renderMessage(template: string, data: MessageData = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(data, name) ? String(data[name]) : whole,
  );
}

/** The placeholder names a template uses (for checks that every one is given). */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}
