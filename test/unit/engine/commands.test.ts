import { layoutArgs } from '../../../src/engine/args';
import { allowedFor, commands, outcomeFromWord, parseArgs, parseCommandText, stageFromWord } from '../../../src/engine/commands';
import { en } from '../../../src/i18n/en';

describe('parseCommandText', () => {
  test.each([
    ['submit', 'submit', '', false],
    ['Submit', 'submit', '', false],
    ['/submit', 'submit', '', true],
    ['/start@EndorseBot abc123', 'start', 'abc123', true],
    ['link abc123', 'start', 'abc123', false],
    ['endorse submit', 'submit', '', true],
    ['candidates jane outcome:duplicate', 'candidates', 'jane outcome:duplicate', false],
    ['  help  ', 'help', '', false],
  ])('%s → %s', (input, name, args, explicit) => {
    expect(parseCommandText(input)).toEqual({ name, args, explicit });
  });

  test('ordinary text is not a command', () => {
    expect(parseCommandText('Jane Dela Cruz')).toBeNull();
    expect(parseCommandText('')).toBeNull();
  });
});

describe('arguments', () => {
  test('options with quotes, the rest as search words', () => {
    expect(
      layoutArgs('jane  dela outcome:dup stage:new agency:"Bright Staffing"', {
        positional: ['search*'],
        options: ['outcome', 'stage', 'agency'],
      }),
    ).toEqual({
      search: 'jane dela',
      outcome: 'dup',
      stage: 'new',
      agency: 'Bright Staffing',
    });
  });

  test('without options the rest is verbatim (a comment keeps its colons and lines)', () => {
    expect(layoutArgs('C-12 note: call\nher later', { positional: ['ref', 'text*'] })).toEqual({
      ref: 'C-12',
      text: 'note: call\nher later',
    });
  });

  test('typed arguments are parsed by the command’s schema', () => {
    // The dashboard checks the outcome and stage words itself, to answer a wrong one with the right ones.
    expect(parseArgs('candidates', 'jane outcome:duplicate stage:New campaign:"Night shift" period:90')).toEqual({
      search: 'jane',
      outcome: 'duplicate',
      stage: 'New',
      campaign: 'Night shift',
      period: '90',
    });
    expect(outcomeFromWord('dup')).toBe('DUPLICATE');
    expect(outcomeFromWord('Blocked')).toBe('BLOCKED');
    expect(outcomeFromWord('maybe')).toBeNull();
    expect(stageFromWord('New')).toBe('NEW');
    expect(stageFromWord('foo')).toBeNull();
    expect(parseArgs('rule', 'campaign:"Night shift" cross:block')).toEqual({ campaign: 'Night shift', cross: 'block' });
    expect(parseArgs('rule', 'Global window:3')).toEqual({ scope: 'global', window: '3' });
    expect(parseArgs('rule', 'everywhere window:3')).toBeNull();
    expect(parseArgs('candidate', 'C-1042')).toEqual({ ref: 1042 });
    expect(parseArgs('candidate', '1042')).toEqual({ ref: 1042 });
    expect(parseArgs('candidate', 'C-1042 extra')).toBeNull();
    expect(parseArgs('candidate', 'jane')).toBeNull();
    expect(parseArgs('stage', 'C-7 offer')).toEqual({ ref: 7, stage: 'OFFER' });
    expect(parseArgs('stage', 'C-7 somewhere')).toBeNull();
    expect(parseArgs('agency', 'disable Bright Staffing')).toEqual({ action: 'disable', name: 'Bright Staffing' });
    expect(parseArgs('invite', 'a@b.co agency_user Bright Staffing')).toEqual({
      email: 'a@b.co',
      role: 'agency_user',
      agency: 'Bright Staffing',
    });
  });
});

describe('the command list', () => {
  test('every command has a help line in the catalog, a usage and at least one role', () => {
    for (const c of commands) {
      expect(en[c.helpKey]).toBe(c.help);
      expect(c.usage.startsWith(c.name) || c.aliases.some((a) => c.usage.startsWith(a))).toBe(true);
      expect(c.roles.length).toBeGreaterThan(0);
    }
  });

  test('names and aliases are unique', () => {
    const words = commands.flatMap((c) => [c.name, ...c.aliases]);
    expect(new Set(words).size).toBe(words.length);
  });

  test('permissions come from the same list', () => {
    expect(allowedFor('submit', 'AGENCY_USER')).toBe(true);
    expect(allowedFor('submit', 'RECRUITER')).toBe(false);
    expect(allowedFor('stage', 'RECRUITER')).toBe(true);
    expect(allowedFor('agencies', 'AGENCY_ADMIN')).toBe(false);
  });
});
