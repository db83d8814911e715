// The --format option of list commands: a table of text for people, or JSON ({"rows": [...]}) for programs.
import { fail } from '../core/errors.ts';

export type ListFormat = 'text' | 'json';

export function parseListFormat(text: string): ListFormat {
  if (text !== 'text' && text !== 'json') {
    fail('FP_CLI_BAD_OPTION', '--format must be text or json.', {
      where: { parameter: '--format' },
      received: text,
      accepted: 'text, json',
    });
  }
  return text;
}
