import { describe, expect, it } from 'vitest';
import { placeholdersOf, renderMessage } from '../../generator/validate/message-template.ts';

describe('rule message templates', () => {
  it.each([
    [
      'fills a placeholder from data',
      'Scope "{scope}" is unknown.',
      { scope: 'read' },
      'Scope "read" is unknown.',
    ],
    ['renders numbers', 'repeat.limit {value} is too low.', { value: 0 }, 'repeat.limit 0 is too low.'],
    [
      'keeps IML braces even when data has a key of that name',
      'add "{{statusCode}}" for {component}',
      { statusCode: 'x', component: 'base' },
      'add "{{statusCode}}" for base',
    ],
    ['keeps a placeholder whose key is not in data', 'use {words}', {}, 'use {words}'],
    [
      'does not interpolate again inside a value',
      '{path} is empty',
      { path: '{other}', other: 'no' },
      '{other} is empty',
    ],
    ['ignores inherited keys', '{toString}', {}, '{toString}'],
  ])('%s', (_, template, data, want) => {
    expect(renderMessage(template, data)).toBe(want);
  });

  it('lists the placeholders of a template, not the IML in it', () => {
    expect(placeholdersOf('`{root}.{name}` in {{body.items}} and { "id": "{{item.id}}" }')).toEqual([
      'root',
      'name',
    ]);
  });
});
