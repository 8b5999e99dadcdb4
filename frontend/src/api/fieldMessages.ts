import type { TFunction } from 'i18next';
import type { FieldProblem } from './problem';

type Code = FieldProblem['code'];

function num(p: FieldProblem, name: string): number | undefined {
  const v = p.params?.[name];
  return typeof v === 'number' ? v : undefined;
}

// Every field code the server can send, with its plain Dutch (B1) or
// English words. The Record type makes TypeScript refuse a new code in the
// API document that has no words here.
const words: Record<Code, (t: TFunction, p: FieldProblem) => string> = {
  required: (t) => t('fieldErrors.required'),
  too_short: (t, p) => t('fieldErrors.minLength', { count: num(p, 'min') ?? 1 }),
  too_long: (t, p) => t('fieldErrors.maxLength', { count: num(p, 'max') ?? 1 }),
  out_of_range: (t, p) => t('fieldErrors.range', { min: num(p, 'min'), max: num(p, 'max') }),
  one_of: (t) => t('fieldErrors.choose'),
  format: (t, p) => {
    switch (p.params?.format) {
      case 'email':
        return t('fieldErrors.email');
      case 'date_time':
        return t('fieldErrors.dateTime');
      default:
        return t('fieldErrors.format');
    }
  },
  in_use: (t) => t('fieldErrors.inUse'),
  stale_version: (t) => t('errors.conflict'),
  wrong_password: (t) => t('fieldErrors.currentPassword'),
  common_password: (t) => t('fieldErrors.common'),
  unknown_field: (t) => t('fieldErrors.unknown'),
  wrong_type: (t) => t('fieldErrors.wrongType'),
  invalid_body: (t) => t('fieldErrors.invalidBody'),
  not_in_workplace: (t) => t('fieldErrors.organisation'),
  member_already: (t) => t('fieldErrors.memberAlready'),
  own_account: (t) => t('fieldErrors.ownAdmin'),
  not_allowed: (t) => t('fieldErrors.notAllowed'),
  last_facilitator: (t) => t('fieldErrors.lastFacilitator'),
  mixed_scripts: (t) => t('fieldErrors.mixedScripts'),
  duplicate: (t) => t('fieldErrors.duplicate'),
  too_many: (t, p) => t('fieldErrors.tooMany', { count: num(p, 'max') ?? 1 }),
  before_start: (t) => t('fieldErrors.beforeStart'),
  in_future: (t) => t('fieldErrors.inFuture'),
};

/** fieldMessage gives the words for one field error from its code; an unknown code shows the server's message. */
export function fieldMessage(t: TFunction, problem: FieldProblem): string {
  const say = words[problem.code];
  return say ? say(t, problem) : problem.message;
}

/** fieldMessages joins the words for all errors of one field. */
export function fieldMessages(t: TFunction, problems: FieldProblem[]): string {
  return problems.map((p) => fieldMessage(t, p)).join(' ');
}
