import type { Condition, Option } from '../../engine/types';

// Shorthands for the data files: the common option sets and condition builders.

export const YES_NO: Option[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
export const YES_NO_UNSURE: Option[] = [...YES_NO, { value: 'not_sure', label: 'Not sure' }];

/** The question is answered with one of `values` (a multi question: includes one of them). */
export const is = (question: string, ...values: string[]): Condition => ({ question, anyOf: values });
export const all = (...conditions: Condition[]): Condition => ({ all: conditions });
export const any = (...conditions: Condition[]): Condition => ({ any: conditions });
