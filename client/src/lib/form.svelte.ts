// Form submission state: a busy flag, a general error, and the server's 400 details mapped onto
// the form's own fields so each message appears next to the input it is about.
import { tick } from 'svelte';
import { ApiError } from './api';

export class FormState {
  submitting = $state(false);
  errors = $state<Record<string, string>>({});
  message = $state<string | null>(null);
  /** The server's error code of the last failure, e.g. `invalid_token`. */
  code = $state<string | null>(null);

  /** `fields` are the names this form shows; details about other fields go to the general message. */
  constructor(private readonly fields: readonly string[]) {}

  async submit<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (this.submitting) return undefined;
    this.submitting = true;
    this.errors = {};
    this.message = null;
    this.code = null;
    try {
      return await action();
    } catch (error) {
      this.fail(error);
      return undefined;
    } finally {
      this.submitting = false;
    }
  }

  fail(error: unknown): void {
    this.code = error instanceof ApiError ? error.code : null;
    if (!(error instanceof ApiError)) {
      this.message = error instanceof Error ? error.message : String(error);
      return;
    }
    const errors: Record<string, string> = {};
    let unplaced = false;
    for (const detail of rankDetails(error)) {
      const field = detail.field.split('.')[0] ?? '';
      if (!this.fields.includes(field)) unplaced = true;
      else errors[field] ??= detail.message ? sentence(humanize(detail.message)) : error.message;
    }
    this.errors = errors;
    const placed = Object.keys(errors).length;
    this.message = placed > 0 && !unplaced ? `Please correct the ${placed === 1 ? 'field' : `${placed} fields`} marked below.` : error.message;
    void tick().then(() => focusFirstInvalid());
  }

  clear(field: string): void {
    if (this.errors[field]) this.errors = Object.fromEntries(Object.entries(this.errors).filter(([name]) => name !== field));
  }
}

/** A union's generic complaints ("must match a schema in anyOf") come last: the specific one is more useful. */
function rankDetails(error: ApiError) {
  const generic = /equal to constant|schema in anyOf|must be null/;
  return [...error.fields].sort((a, b) => Number(generic.test(a.message ?? '')) - Number(generic.test(b.message ?? '')));
}

const PHRASES: [RegExp, (...groups: string[]) => string][] = [
  [/^must NOT have fewer than (\d+) characters$/, (n) => `must be at least ${n} characters long`],
  [/^must NOT have more than (\d+) characters$/, (n) => `must be at most ${n} characters long`],
  [/^must match format "email"$/, () => 'must be an e-mail address, like name@example.org'],
  [/^must match format "uri"$/, () => 'must be a full web address, like https://example.org'],
  [/^must have required property .*$/, () => 'this is required'],
  [/^must be integer$/, () => 'must be a whole number'],
  [/^must be >= (\S+)$/, (n) => `must be ${n} or more`],
  [/^must be <= (\S+)$/, (n) => `must be ${n} or less`],
  [/^must match pattern .*$/, () => 'is not in the expected format'],
];

/** Turns the validator's wording into plain English. */
export function humanize(message: string): string {
  for (const [pattern, phrase] of PHRASES) {
    const match = pattern.exec(message);
    if (match) return phrase(...match.slice(1));
  }
  return message;
}

/** "must be …" → "Must be …." so it reads as a sentence under the field's label. */
function sentence(fragment: string): string {
  const text = fragment.charAt(0).toUpperCase() + fragment.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function focusFirstInvalid(): void {
  document.querySelector<HTMLElement>('[aria-invalid="true"], .invalid input')?.focus();
}
