import { outboundMessageSchema, type OutboundMessageInput } from '../../../../src/engine/messages';
import { renderMessage, WEB_MAX_TEXT_CHARS } from '../../../../adapters/web/render';

const render = (input: OutboundMessageInput) => renderMessage(outboundMessageSchema.parse(input));

describe('web chat renderer', () => {
  it('keeps text as data: markup stays a string for textContent', () => {
    const view = render({ body: { type: 'text', text: '<img src=x onerror=alert(1)> & "quotes"' } });
    expect(view).toEqual({ kind: 'text', text: '<img src=x onerror=alert(1)> & "quotes"' });
  });

  it('caps runaway text', () => {
    const view = render({ body: { type: 'text', text: 'x'.repeat(WEB_MAX_TEXT_CHARS + 50) } });
    expect(view.kind === 'text' && view.text.length).toBe(WEB_MAX_TEXT_CHARS);
  });

  it('renders choices as buttons with their action ids, values and styles', () => {
    const view = render({
      body: {
        type: 'choices',
        text: 'Which campaign?',
        choices: [
          { actionId: 'wiz:campaign', label: 'Customer Support', value: 'c1', style: 'primary' },
          { actionId: 'wiz:cancel', label: 'Cancel' },
        ],
      },
    });
    expect(view).toEqual({
      kind: 'choices',
      text: 'Which campaign?',
      buttons: [
        { actionId: 'wiz:campaign', label: 'Customer Support', value: 'c1', style: 'primary' },
        { actionId: 'wiz:cancel', label: 'Cancel', style: 'default' },
      ],
    });
  });

  it('renders a form with HTML input types, required flags, options and an accept list for files', () => {
    const view = render({
      body: {
        type: 'form',
        formId: 'submit',
        title: 'New candidate',
        submitLabel: 'Review',
        fallbackText: 'First name?',
        fields: [
          { name: 'firstName', label: 'First name', kind: 'text', required: true },
          { name: 'phone', label: 'Phone', kind: 'phone', hint: '+63 917 123 4567' },
          { name: 'email', label: 'Email', kind: 'email' },
          { name: 'notes', label: 'Notes', kind: 'multiline' },
          { name: 'campaign', label: 'Campaign', kind: 'select', options: [{ value: 'c1', label: 'Support' }] },
          { name: 'resume', label: 'Resume', kind: 'file' },
        ],
      },
    });
    if (view.kind !== 'form') throw new Error(view.kind);
    expect(view.fields.map((f) => f.input)).toEqual(['text', 'tel', 'email', 'textarea', 'select', 'file']);
    expect(view.fields[0]?.required).toBe(true);
    expect(view.fields[1]?.hint).toBe('+63 917 123 4567');
    expect(view.fields[4]?.options).toEqual([{ value: 'c1', label: 'Support' }]);
    expect(view.fields[5]?.accept).toContain('application/pdf');
    expect(view.submitLabel).toBe('Review');
  });

  it('renders a card with fields and buttons', () => {
    const view = render({
      body: {
        type: 'card',
        title: 'Check the candidate',
        fields: [{ label: 'Phone', value: '+639171234567' }],
        choices: [{ actionId: 'wiz:confirm', label: 'Confirm', style: 'primary' }],
      },
    });
    expect(view).toEqual({
      kind: 'card',
      title: 'Check the candidate',
      fields: [{ label: 'Phone', value: '+639171234567' }],
      buttons: [{ actionId: 'wiz:confirm', label: 'Confirm', style: 'primary' }],
    });
  });

  it('renders a paged list with a page label, item buttons and paging buttons', () => {
    const view = render({
      body: {
        type: 'list',
        title: 'My Candidates',
        summary: 'Added 2 · Previously Submitted 0 · Duplicate 1',
        items: [{ title: 'C-1 Jane Cruz', subtitle: 'New', actionId: 'profile:1' }, { title: 'C-2 Ben Ong' }],
        page: 2,
        pageCount: 3,
        emptyText: 'Nothing yet.',
        choices: [
          { actionId: 'page:1', label: '‹ Previous' },
          { actionId: 'page:3', label: 'Next ›' },
        ],
      },
    });
    if (view.kind !== 'list') throw new Error(view.kind);
    expect(view).toMatchObject({ page: 2, pageCount: 3 });
    expect(view.items[0]?.button).toEqual({ actionId: 'profile:1', label: 'Open', style: 'default' });
    expect(view.items[1]?.button).toBeUndefined();
    expect(view.buttons.map((b) => b.label)).toEqual(['‹ Previous', 'Next ›']);
  });

  it('names a row button that does more than open its row (a Dispute) by its own label', () => {
    const view = render({
      body: {
        type: 'list',
        title: 'My Candidates',
        items: [{ title: 'S-1a2b3c4d Jane Cruz', actionId: 'dispute:S-1a2b3c4d', actionLabel: '⚖️ Dispute' }],
        page: 1,
        pageCount: 1,
        emptyText: 'Nothing yet.',
      },
      labels: { open: 'Open' },
    });
    if (view.kind !== 'list') throw new Error(view.kind);
    expect(view.items[0]).toMatchObject({
      actionLabel: '⚖️ Dispute',
      button: { actionId: 'dispute:S-1a2b3c4d', label: '⚖️ Dispute', style: 'default' },
    });
  });

  it('renders a file request with an accept list, a readable type label and its choices', () => {
    const view = render({
      body: {
        type: 'file_request',
        text: 'Attach the resume, or skip.',
        accept: ['pdf', 'docx', 'image'],
        maxBytes: 10 * 1024 * 1024,
        choices: [{ actionId: 'wiz:skip', label: 'Skip' }],
      },
    });
    if (view.kind !== 'file_request') throw new Error(view.kind);
    expect(view.accept.split(',')).toEqual(
      expect.arrayContaining(['.pdf', 'application/pdf', '.docx', '.jpg', 'image/jpeg', '.png', 'image/png']),
    );
    // Kinds, not words: the page names them in its reader's language (web.accept.*).
    expect(view.acceptKinds).toEqual(['pdf', 'docx', 'image']);
    expect(view.buttons).toHaveLength(1);
  });
});
