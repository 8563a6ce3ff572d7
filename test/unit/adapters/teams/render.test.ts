import { escapeCardText, escapeText, renderActivity, renderCard, type AdaptiveCard } from '../../../../adapters/teams/render';
import { outboundMessageSchema, type OutboundMessageInput } from '../../../../src/engine/messages';

const render = (input: OutboundMessageInput) => renderActivity(outboundMessageSchema.parse(input));
const cardOf = (input: OutboundMessageInput): AdaptiveCard => {
  const card = render(input).attachments?.[0]?.content;
  if (!card) throw new Error('no card');
  return card;
};
const json = (value: unknown) => JSON.stringify(value);

describe('Teams render', () => {
  it('sends text as escaped markdown, keeping line breaks', () => {
    expect(render({ body: { type: 'text', text: 'Hi <b>Ann</b> & *all*\nnext' } })).toEqual({
      type: 'message',
      text: 'Hi &lt;b&gt;Ann&lt;/b&gt; &amp; \\*all\\*\n\nnext',
      textFormat: 'markdown',
    });
  });

  it('escapes markdown markers but leaves ordinary punctuation alone', () => {
    expect(escapeCardText('My Candidates (1/2) C-9 [x](y) _u_ `c`')).toBe('My Candidates (1/2) C-9 \\[x\\](y) \\_u\\_ \\`c\\`');
    expect(escapeText('- item\n1. one\n# head\n> quote')).toBe('\\- item\n\n1\\. one\n\n\\# head\n\n&gt; quote');
  });

  it('renders choices as Action.Submit buttons carrying {actionId, value}, schema 1.5', () => {
    const card = cardOf({
      body: {
        type: 'choices',
        text: 'Which campaign?',
        choices: [
          { actionId: 'wiz', value: 'c1', label: 'Call Center', style: 'primary' },
          { actionId: 'cancel', label: 'Cancel', style: 'danger' },
        ],
      },
    });
    expect(card.version).toBe('1.5');
    expect(card.body[1]).toEqual({
      type: 'ActionSet',
      actions: [
        { type: 'Action.Submit', title: 'Call Center', data: { actionId: 'wiz', value: 'c1' }, style: 'positive' },
        { type: 'Action.Submit', title: 'Cancel', data: { actionId: 'cancel' }, style: 'destructive' },
      ],
    });
  });

  it('wraps more than five buttons into several action sets', () => {
    const choices = Array.from({ length: 7 }, (_, i) => ({ actionId: `a${i}`, label: `L${i}` }));
    const sets = cardOf({ body: { type: 'choices', text: 'pick', choices } }).body.filter((e) => e.type === 'ActionSet');
    expect(sets.map((s) => (s.actions as unknown[]).length)).toEqual([5, 2]);
  });

  it('renders the submission form as one card with inputs and a campaign Input.ChoiceSet', () => {
    const card = cardOf({
      body: {
        type: 'form',
        formId: 'submission',
        title: 'New candidate',
        fields: [
          { name: 'firstName', label: 'First name', kind: 'text', required: true, value: 'Jane' },
          { name: 'email', label: 'Email', kind: 'email', required: true },
          { name: 'phone', label: 'Phone', kind: 'phone', placeholder: '+63 917 123 4567' },
          { name: 'campaign', label: 'Campaign', kind: 'select', required: true, options: [{ value: 'c1', label: 'Manila' }] },
          { name: 'resume', label: 'Resume', kind: 'file', hint: 'send it in this chat' },
        ],
        submitLabel: 'Submit',
        fallbackText: 'Name?',
      },
    });
    expect(card.body.slice(1)).toEqual([
      {
        type: 'Input.Text',
        id: 'firstName',
        label: 'First name',
        isRequired: true,
        style: 'Text',
        value: 'Jane',
        errorMessage: 'First name?',
      },
      { type: 'Input.Text', id: 'email', label: 'Email', isRequired: true, style: 'Email', errorMessage: 'Email?' },
      { type: 'Input.Text', id: 'phone', label: 'Phone', isRequired: false, style: 'Tel', placeholder: '+63 917 123 4567' },
      {
        type: 'Input.ChoiceSet',
        id: 'campaign',
        label: 'Campaign',
        isRequired: true,
        style: 'compact',
        choices: [{ title: 'Manila', value: 'c1' }],
        errorMessage: 'Campaign?',
      },
      { type: 'TextBlock', text: 'Resume: send it in this chat', wrap: true, isSubtle: true, size: 'Small' },
    ]);
    expect(card.actions).toEqual([{ type: 'Action.Submit', title: 'Submit', data: { formId: 'submission' }, style: 'positive' }]);
  });

  it('renders a profile card as a FactSet with escaped values', () => {
    const card = renderCard(
      outboundMessageSchema.parse({
        body: { type: 'card', title: 'C-1042 Jane', fields: [{ label: 'Email', value: 'jane_doe@example.com' }], text: '*note*' },
      }).body,
    );
    expect(card.body).toContainEqual({ type: 'FactSet', facts: [{ title: 'Email', value: 'jane\\_doe@example.com' }] });
    expect(json(card.body)).toContain('\\\\*note\\\\*');
  });

  it('renders a paged list with row actions and paging buttons', () => {
    const card = cardOf({
      body: {
        type: 'list',
        title: 'My Candidates',
        items: [{ title: 'C-1 Ann', subtitle: 'NEW', actionId: 'open:C-1' }],
        page: 1,
        pageCount: 3,
        emptyText: 'none',
        choices: [{ actionId: 'page', value: '2', label: 'Next' }],
      },
    });
    expect(card.body[0]).toMatchObject({ text: 'My Candidates (1/3)' });
    expect(card.body[1]).toMatchObject({
      type: 'Container',
      selectAction: { type: 'Action.Submit', data: { actionId: 'open:C-1' } },
    });
    expect(card.body.at(-1)).toMatchObject({ type: 'ActionSet', actions: [{ data: { actionId: 'page', value: '2' } }] });
  });

  it('keeps a huge text inside Teams’ 40 KB message limit', () => {
    const activity = render({ body: { type: 'text', text: 'x'.repeat(100_000) } });
    expect(Buffer.byteLength(json(activity))).toBeLessThan(40_000);
  });
});
