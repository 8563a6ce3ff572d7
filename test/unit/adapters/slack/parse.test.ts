import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ZodError } from 'zod';
import { decodeActionId, encodeOption, parseFileRef, parseMessageRef, parseSlackBody } from '../../../../adapters/slack/parse';

/** The shared fixtures as Slack sends them (notes dropped), decoded the way the receiver decodes them. */
const FIXTURES = path.resolve(__dirname, '../../../../../shared/fixtures/slack');
function fixture(name: string): Record<string, unknown> {
  const parsed = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
  for (const key of Object.keys(parsed)) if (key.endsWith('NOTE')) delete parsed[key];
  return parsed;
}
const formPayload = (name: string) =>
  JSON.parse(new URLSearchParams(readFileSync(path.join(FIXTURES, name), 'utf8').trim()).get('payload') ?? '') as Record<
    string,
    unknown
  >;

describe('parseSlackBody', () => {
  it('turns a DM (message.im) into a text event of the DM conversation', () => {
    const parsed = parseSlackBody(fixture('events_message_im.json'));
    expect(parsed.needsDm).toBe(false);
    expect(parsed.event).toMatchObject({
      platform: 'SLACK',
      eventId: 'ev:Ev0PV52K21',
      identity: { workspaceId: 'T061EG9R6', platformUserId: 'U2147483697' },
      conversation: { id: 'D024BE91L', address: { teamId: 'T061EG9R6', channel: 'D024BE91L', userId: 'U2147483697' } },
      payload: { type: 'text', text: 'Hello hello can you hear me?' },
    });
  });

  it('makes a thread reply point at the thread parent', () => {
    const body = fixture('events_message_im.json');
    body.event = { ...(body.event as object), ts: '1355517600.000001', thread_ts: '1355517523.000005' };
    expect(parseSlackBody(body).event?.replyTo).toBe('D024BE91L:1355517523.000005');
  });

  it('strips the mention from app_mention and answers it in the DM', () => {
    const parsed = parseSlackBody(fixture('events_app_mention.json'));
    expect(parsed.needsDm).toBe(true);
    expect(parsed.event?.payload).toEqual({ type: 'text', text: 'Hi there!' });
  });

  it('turns a file shared in the DM into a file event with the team-scoped download ref', () => {
    const body = fixture('events_message_file_share_pdf.DERIVED.json');
    body.event = { ...(body.event as object), channel: 'D111', channel_type: 'im' };
    const payload = parseSlackBody(body).event?.payload;
    expect(payload).toMatchObject({ type: 'file', file: { name: 'report.pdf', contentType: 'application/pdf', size: 92582 } });
    const ref = payload?.type === 'file' ? parseFileRef(payload.file.ref) : null;
    expect(ref).toEqual({ teamId: 'T111', url: 'https://files.slack.com/files-pri/T111-F111/download/report.pdf' });
  });

  it('passes a photo shared in the DM like any resume file (the engine reads images by OCR)', () => {
    const body = fixture('events_message_file_share_pdf.DERIVED.json');
    const event = body.event as { files: Record<string, unknown>[] };
    const [pdf] = event.files;
    const photo = {
      ...pdf,
      name: 'resume.jpg',
      title: 'resume.jpg',
      mimetype: 'image/jpeg',
      filetype: 'jpg',
      size: 345_678,
      url_private_download: 'https://files.slack.com/files-pri/T111-F222/download/resume.jpg',
    };
    body.event = { ...(body.event as object), channel: 'D111', channel_type: 'im', files: [photo] };
    const payload = parseSlackBody(body).event?.payload;
    expect(payload).toMatchObject({ type: 'file', file: { name: 'resume.jpg', contentType: 'image/jpeg', size: 345_678 } });
    const ref = payload?.type === 'file' ? parseFileRef(payload.file.ref) : null;
    expect(ref).toEqual({ teamId: 'T111', url: 'https://files.slack.com/files-pri/T111-F222/download/resume.jpg' });
  });

  it('ignores channel messages, bot messages and edits', () => {
    const shared = fixture('events_message_file_share.json');
    expect(parseSlackBody(shared).event).toBeNull();
    const im = fixture('events_message_im.json');
    expect(parseSlackBody({ ...im, event: { ...(im.event as object), bot_id: 'B1' } }).event).toBeNull();
    expect(parseSlackBody({ ...im, event: { ...(im.event as object), subtype: 'message_changed' } }).event).toBeNull();
  });

  it('turns `/endorse <command> [args]` into a command event with its trigger', () => {
    const { fields } = fixture('slash_command.json') as { fields: Record<string, string> };
    const parsed = parseSlackBody({ ...fields, command: '/endorse', text: 'comment C-1042 call me', channel_id: 'D123' });
    expect(parsed).toMatchObject({ triggerId: '111.111.xxx', needsDm: false });
    expect(parsed.event?.payload).toEqual({ type: 'command', name: 'comment', args: 'C-1042 call me' });
    expect(parseSlackBody({ ...fields, command: '/endorse', text: '' }).event?.payload).toEqual({
      type: 'command',
      name: 'help',
      args: '',
    });
    expect(parseSlackBody({ ...fields, command: '/endorse', text: 'help' }).needsDm).toBe(true);
  });

  it('turns block_actions into an action with the message to update', () => {
    const body = formPayload('block_actions.form_body.txt');
    const parsed = parseSlackBody({
      ...body,
      actions: [{ ...(body.actions as object[])[0], action_id: 'page#101', value: '2' }],
    });
    expect(parsed.event).toMatchObject({
      eventId: 'act:111.222.valid',
      payload: { type: 'action', actionId: 'page', value: '2' },
      sourceMessageRef: 'C111:111.222',
    });
    expect(parsed.triggerId).toBe('111.222.valid');
    const picked = parseSlackBody({
      ...body,
      actions: [{ action_id: 'pick#0', type: 'static_select', selected_option: { value: encodeOption('wiz:campaign', 'c-9') } }],
    });
    expect(picked.event?.payload).toEqual({ type: 'action', actionId: 'wiz:campaign', value: 'c-9' });
  });

  it('turns our modal submission into a form event with its values and files', () => {
    const body = formPayload('view_submission.form_body.txt');
    const view = body.view as Record<string, unknown>;
    const file = {
      id: 'F1',
      name: 'cv.pdf',
      mimetype: 'application/pdf',
      size: 10,
      url_private_download: 'https://files.slack.com/x/cv.pdf',
    };
    const parsed = parseSlackBody({
      ...body,
      view: {
        ...view,
        callback_id: 'form:submission',
        private_metadata: JSON.stringify({ c: 'D777' }),
        state: {
          values: {
            firstName: { firstName: { type: 'plain_text_input', value: 'Jane' } },
            campaign: { campaign: { type: 'static_select', selected_option: { value: 'camp-1' } } },
            resume: { resume: { type: 'file_input', files: [file] } },
          },
        },
      },
    });
    expect(parsed.event?.conversation.id).toBe('D777');
    expect(parsed.event?.payload).toMatchObject({
      type: 'form',
      formId: 'submission',
      values: { firstName: 'Jane', campaign: 'camp-1' },
    });
    // A view that is not one of our forms is acknowledged and left alone.
    expect(parseSlackBody(body).event).toBeNull();
  });

  it('keeps a modal with a phone without country code or a bad email open, with the error under each field', () => {
    const body = formPayload('view_submission.form_body.txt');
    const view = body.view as Record<string, unknown>;
    const submitted = (values: Record<string, unknown>) =>
      parseSlackBody({ ...body, view: { ...view, callback_id: 'form:submission', state: { values } } });
    const bad = submitted({
      'firstName.text': { firstName: { type: 'plain_text_input', value: 'Jane' } },
      'phone.phone': { phone: { type: 'plain_text_input', value: '(909) 555-5555' } },
      'email.email': { email: { type: 'email_text_input', value: 'jane@nowhere' } },
    });
    expect(bad.event).toBeNull();
    expect(bad.modalErrors).toEqual({
      'phone.phone': expect.stringContaining('has no country code'),
      'email.email': expect.stringMatching(/email/i),
    });
    // Empty fields are the engine's to ask for (a resume may fill them): no error, the form goes on.
    const empty = submitted({
      'phone.phone': { phone: { type: 'plain_text_input', value: '' } },
      'email.email': { email: { type: 'email_text_input', value: null } },
    });
    expect(empty.modalErrors).toBeUndefined();
    expect(empty.event?.payload).toMatchObject({ type: 'form', values: { phone: '' } });
  });

  it('throws a ZodError only for a body that is not Slack’s', () => {
    expect(() => parseSlackBody('nope')).toThrow(ZodError);
    expect(parseSlackBody({ type: 'view_closed' }).event).toBeNull();
  });

  it('round-trips message refs and action ids', () => {
    expect(parseMessageRef('D024BE91L:1355517523.000005')).toEqual({ channel: 'D024BE91L', ts: '1355517523.000005' });
    expect(parseMessageRef('view:V1')).toBeNull();
    expect(decodeActionId('wiz:confirm#100')).toBe('wiz:confirm');
    expect(parseFileRef('T1|not-a-url')).toBeNull();
  });
});
