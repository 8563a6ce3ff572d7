import type { OutboundMessageInput } from '../../../../src/engine/messages';
import { outboundMessageSchema } from '../../../../src/engine/messages';
import { escapeMrkdwn, renderHomeView, renderMessage, renderModal } from '../../../../adapters/slack/render';

const render = (m: OutboundMessageInput) => renderMessage(outboundMessageSchema.parse(m));
const json = (v: unknown) => JSON.stringify(v);

describe('Block Kit rendering', () => {
  it('escapes everything user-supplied for mrkdwn', () => {
    expect(escapeMrkdwn('<!channel> & <http://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;http://x|y&gt;');
    const out = render({
      body: { type: 'card', title: 'C-1 <b>', fields: [{ label: 'Email', value: 'a&b@<x>.com' }], text: '<!here>' },
    });
    expect(json(out)).not.toMatch(/<!here>|<b>|<x>/);
    expect(out.text).toContain('&lt;!here&gt;');
  });

  it('keeps every field of a long card: past 10, the fields go on in another section', () => {
    const fields = Array.from({ length: 12 }, (_, i) => ({ label: `Field ${i + 1}`, value: `value ${i + 1}` }));
    const out = render({ body: { type: 'card', title: 'C-1 Jane', fields } });
    const sections = out.blocks.filter((b): b is { type: 'section'; fields: { text: string }[] } => 'fields' in b);
    expect(sections.map((b) => b.fields.length)).toEqual([10, 2]);
    expect(sections[1]?.fields[1]?.text).toContain('Field 12');
  });

  it('renders a few choices as buttons with unique action ids and many as one static_select', () => {
    const few = render({
      body: {
        type: 'choices',
        text: 'Pick',
        choices: [
          { actionId: 'wiz:yes', label: 'Yes', style: 'primary' },
          { actionId: 'wiz:no', label: 'No' },
        ],
      },
    });
    const actions = few.blocks[1] as { elements: { type: string; action_id: string; style?: string }[] };
    expect(actions.elements.map((e) => e.type)).toEqual(['button', 'button']);
    expect(new Set(actions.elements.map((e) => e.action_id)).size).toBe(2);
    expect(actions.elements[0]?.style).toBe('primary');
    const many = render({
      body: {
        type: 'choices',
        text: 'Which campaign?',
        choices: Array.from({ length: 8 }, (_, i) => ({ actionId: 'wiz:campaign', value: `c${i}`, label: `Campaign ${i}` })),
      },
    });
    const select = (many.blocks[1] as { elements: { type: string; options: unknown[] }[] }).elements[0];
    expect(select?.type).toBe('static_select');
    expect(select?.options).toHaveLength(8);
  });

  it('renders a paged list with its page label, items and paging buttons, within 50 blocks', () => {
    const items = Array.from({ length: 80 }, (_, i) => ({ title: `Person ${i}`, subtitle: 'Campaign', actionId: `open:C-${i}` }));
    const out = render({
      body: {
        type: 'list',
        title: 'My Candidates',
        summary: 'Added 3',
        items,
        page: 1,
        pageCount: 8,
        emptyText: 'None',
        choices: [{ actionId: 'page', value: '2', label: 'Next ▶' }],
      },
    });
    expect(out.blocks.length).toBeLessThanOrEqual(50);
    expect(json(out.blocks[0])).toContain('(1/8)');
    expect(json(out.blocks.at(-1))).toContain('Next ▶');
  });

  it('names a row button that does more than open its row (a Dispute) by its own label', () => {
    const out = render({
      body: {
        type: 'list',
        title: 'My Candidates',
        items: [{ title: 'S-1a2b3c4d Jane Cruz', actionId: 'dispute:S-1a2b3c4d', actionLabel: '⚖️ Dispute' }],
        page: 1,
        pageCount: 1,
        emptyText: 'None',
      },
      labels: { open: 'Open' },
    });
    expect(json(out.blocks[1])).toContain('⚖️ Dispute');
    expect(json(out.blocks[1])).not.toContain('"Open"');
  });

  it('renders a form without a trigger as a button that opens it', () => {
    const out = render({
      body: {
        type: 'form',
        formId: 'submission',
        title: 'Submit',
        fields: [{ name: 'a', label: 'A', kind: 'text' }],
        submitLabel: 'Send',
        fallbackText: 'A?',
      },
    });
    expect(json(out.blocks)).toContain('"action_id":"submit#100"');
  });

  it('renders the submission form as a modal with typed inputs and the DM in its metadata', () => {
    const view = renderModal(
      {
        type: 'form',
        formId: 'submission',
        title: 'Submit a candidate to the employer',
        fields: [
          { name: 'email', label: 'Email', kind: 'email', required: true },
          {
            name: 'campaign',
            label: 'Campaign',
            kind: 'select',
            required: true,
            value: 'c2',
            options: [
              { value: 'c1', label: 'One' },
              { value: 'c2', label: 'Two' },
            ],
          },
          { name: 'resume', label: 'Resume', kind: 'file', required: false },
        ],
        submitLabel: 'Submit',
        fallbackText: '',
      },
      'D42',
    ) as {
      callback_id: string;
      private_metadata: string;
      title: { text: string };
      blocks: { block_id: string; optional: boolean; element: { type: string; initial_option?: { value: string } } }[];
    };
    expect(view.callback_id).toBe('form:submission');
    expect(JSON.parse(view.private_metadata)).toEqual({ c: 'D42' });
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks.map((b) => b.element.type)).toEqual(['email_text_input', 'static_select', 'file_input']);
    expect(view.blocks[1]?.element.initial_option?.value).toBe('c2');
    expect(view.blocks[2]?.optional).toBe(true);
  });

  it('renders what the engine answered to the Home tab as the Home view', () => {
    const home = renderHomeView({
      body: {
        type: 'card',
        title: 'Endorse — hello Ana <x>',
        fields: [
          { label: '✅ Added', value: '3' },
          { label: '↩️ Previously submitted', value: '1' },
          { label: '⛔ Duplicate', value: '2' },
        ],
        choices: [{ actionId: 'submit', label: 'Submit a candidate', style: 'primary' }],
      },
    });
    expect(home.type).toBe('home');
    expect(json(home)).toMatch(/Added\*\\n3.*Previously submitted\*\\n1.*Duplicate\*\\n2/);
    expect(json(home)).toContain('Ana &lt;x&gt;');
    expect(json(renderHomeView({ body: { type: 'text', text: 'Endorse is by invitation only.' } }))).toContain('invitation');
  });
});
