import { CallbackDataCodec, CALLBACK_DATA_MAX_BYTES } from '../../../../adapters/telegram/callback-data';
import { escapeHtml, renderMessage, TEXT_MAX_CHARS } from '../../../../adapters/telegram/render';
import type { OutboundMessage } from '../../../../src/engine/messages';

const codec = new CallbackDataCodec();
const render = (message: OutboundMessage) => renderMessage(message, (a) => codec.encode(a));
const buttons = (m: ReturnType<typeof render>) => m.reply_markup?.inline_keyboard ?? [];

describe('renderMessage', () => {
  it('escapes everything user-supplied for HTML parse mode', () => {
    expect(escapeHtml('<b>Tom & "Jerry"</b>')).toBe('&lt;b&gt;Tom &amp; "Jerry"&lt;/b&gt;');
    const m = render({ body: { type: 'text', text: 'Hi <script> & you' } });
    expect(m).toMatchObject({ text: 'Hi &lt;script&gt; &amp; you', parse_mode: 'HTML' });
    expect(m.reply_markup).toBeUndefined();
  });

  it('renders choices as an inline keyboard, short labels sharing a row', () => {
    const m = render({
      body: {
        type: 'choices',
        text: 'Check',
        choices: [
          { actionId: 'wiz:confirm', label: 'Confirm', style: 'primary' },
          { actionId: 'wiz:edit', label: 'Edit', style: 'default' },
          {
            actionId: 'wiz:campaign',
            value: '7d0c1c4e-1f5e-4a4e-9a57-2b0f6a1e9c11',
            label: 'A rather long campaign name here',
            style: 'default',
          },
        ],
      },
    });
    expect(buttons(m)).toEqual([
      [
        { text: 'Confirm', callback_data: 'wiz:confirm' },
        { text: 'Edit', callback_data: 'wiz:edit' },
      ],
      [{ text: 'A rather long campaign name here', callback_data: 'wiz:campaign 7d0c1c4e-1f5e-4a4e-9a57-2b0f6a1e9c11' }],
    ]);
  });

  it('renders a card with bold labels and escaped values', () => {
    const m = render({ body: { type: 'card', title: 'C-1 <x>', fields: [{ label: 'Email', value: 'a<b>@c.d' }], choices: [] } });
    expect(m.text).toBe('<b>C-1 &lt;x&gt;</b>\n\n<b>Email:</b> a&lt;b&gt;@c.d');
  });

  it('renders a paged list with one button per openable item and the paging row', () => {
    const m = render({
      body: {
        type: 'list',
        title: 'My Candidates',
        summary: 'Added 3',
        items: [{ title: 'C-1 Jane <Doe>', subtitle: 'New', actionId: 'open:C-1' }, { title: 'C-2 Ann' }],
        page: 1,
        pageCount: 2,
        emptyText: 'None',
        choices: [{ actionId: 'page', value: '2', label: 'Next ▶', style: 'default' }],
      },
    });
    expect(m.text).toContain('<b>My Candidates</b> (1/2)');
    expect(m.text).toContain('<b>C-1 Jane &lt;Doe&gt;</b>');
    expect(buttons(m)).toEqual([
      [{ text: 'C-1 Jane <Doe>', callback_data: 'open:C-1' }],
      [{ text: 'Next ▶', callback_data: 'page 2' }],
    ]);
  });

  it('names a row button that does more than open its row (a Dispute) before the row', () => {
    const m = render({
      body: {
        type: 'list',
        title: 'My Candidates',
        items: [{ title: 'S-1a2b3c4d Jane Cruz', actionId: 'dispute:S-1a2b3c4d', actionLabel: '⚖️ Dispute' }],
        page: 1,
        pageCount: 1,
        emptyText: 'None',
        choices: [],
      },
    });
    expect(buttons(m)).toEqual([[{ text: '⚖️ Dispute: S-1a2b3c4d Jane Cruz', callback_data: 'dispute:S-1a2b3c4d' }]]);
  });

  it('stays inside Telegram limits: text ≤ 4096 characters, callback_data ≤ 64 bytes', () => {
    const long = render({ body: { type: 'text', text: 'x'.repeat(10_000) } });
    expect(long.text.length).toBeLessThanOrEqual(TEXT_MAX_CHARS);
    const big = render({
      body: {
        type: 'choices',
        text: 't',
        choices: [{ actionId: 'a'.repeat(48), value: 'é'.repeat(40), label: 'Big', style: 'default' }],
      },
    });
    const data = buttons(big)[0]?.[0]?.callback_data ?? '';
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
    expect(codec.decode(data)).toEqual({ actionId: 'a'.repeat(48), value: 'é'.repeat(40) });
  });

  it('shows the fallback text of a form (forms are asked one by one on Telegram)', () => {
    const m = render({
      body: {
        type: 'form',
        formId: 'f',
        title: 'New <candidate>',
        fields: [{ name: 'n', label: 'Name', kind: 'text', required: true }],
        submitLabel: 'Go',
        fallbackText: 'Name?',
      },
    });
    expect(m.text).toBe('<b>New &lt;candidate&gt;</b>\n\nName?');
  });
});
