import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ZodError } from 'zod';
import { eventIdOf, FILE_DOWNLOAD_INFO, parseActivity, stripMentions } from '../../../../adapters/teams/parse';

const FIXTURES = path.resolve(__dirname, '../../../../../shared/fixtures/teams');
function fixture(name: string): Record<string, unknown> {
  const json = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>;
  delete json._COMPOSED_NOTE;
  return json;
}

describe('Teams parse', () => {
  it('turns a personal message into a text event with tenant, AAD identity and the conversation reference', () => {
    const { item, invoke } = parseActivity(fixture('message_personal.json'));
    const event = item?.event;
    expect(invoke).toBe(false);
    expect(event).toMatchObject({
      platform: 'TEAMS',
      identity: {
        workspaceId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        platformUserId: '7faf8ab2-3d56-4244-b585-20c8a42ed2b8',
        displayName: 'Megan Bowen',
      },
      payload: { type: 'text', text: 'Hello Teams TestBot.Sending bold-italic rich text' },
      locale: 'en-US',
    });
    expect(event?.eventId).toMatch(/^[\w-]{12}:1485983408511$/);
    expect(event?.conversation.address).toEqual({
      serviceUrl: 'https://smba.trafficmanager.net/amer/',
      channelId: 'msteams',
      conversation: { id: expect.stringMatching(/^a:/) as unknown, conversationType: 'personal' },
      bot: { id: '28:c9e8c047-2a74-40a2-b28a-b162d5f5327c', name: 'Teams TestBot' },
      user: {
        id: expect.stringMatching(/^29:/) as unknown,
        name: 'Megan Bowen',
        aadObjectId: '7faf8ab2-3d56-4244-b585-20c8a42ed2b8',
      },
      locale: 'en-US',
    });
  });

  it('strips <at> mentions and takes the tenant from conversation.tenantId too', () => {
    const activity = fixture('message_channel_mention.json');
    delete activity.channelData;
    const event = parseActivity(activity).item?.event;
    expect(event?.payload).toEqual({ type: 'text', text: 'reply to thread' });
    expect(event?.identity.workspaceId).toBe('50612dbb-0237-4969-b378-8d42590f9c00');
    expect(stripMentions('<at>Endorse</at>&nbsp;link&nbsp;abc')).toBe('link abc');
  });

  it('reads a quote reply that names the quoted message only in its HTML attachment', () => {
    const quoted =
      '<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="1632474074231">' +
      '<strong itemprop="mri">Endorse</strong><p itemprop="copy">Rita commented on C-7 Jane Dela Cruz</p></blockquote>' +
      '<p>She can start in May &amp; has her papers.</p>';
    const event = parseActivity({
      ...fixture('message_personal.json'),
      text: 'Endorse: Rita commented on C-7 Jane Dela Cruz\r\nShe can start in May & has her papers.',
      attachments: [{ contentType: 'text/html', content: quoted }],
    }).item?.event;
    expect(event?.replyTo).toBe('1632474074231');
    expect(event?.payload).toEqual({ type: 'text', text: 'She can start in May & has her papers.' });
  });

  it('makes a reply to a relayed message a replyTo', () => {
    const event = parseActivity({ ...fixture('message_personal.json'), replyToId: '1632474074231' }).item?.event;
    expect(event?.replyTo).toBe('1632474074231');
  });

  it('reads Action.Submit values as an action or a form, with the card as source message', () => {
    const base = fixture('message_action_submit_value.COMPOSED.json');
    const action = parseActivity({ ...base, value: { actionId: 'page', value: '2' } }).item?.event;
    expect(action).toMatchObject({
      payload: { type: 'action', actionId: 'page', value: '2' },
      sourceMessageRef: '1485983408511',
    });
    expect(action?.replyTo).toBeUndefined();
    const form = parseActivity({ ...base, value: { formId: 'submission', firstName: 'Jane', campaign: 'c1', n: 3 } }).item?.event;
    expect(form?.payload).toEqual({
      type: 'form',
      formId: 'submission',
      values: { firstName: 'Jane', campaign: 'c1' },
      files: [],
    });
    // The sample's own value is not a card of ours: a stale button.
    expect(parseActivity(base).item?.event?.payload).toEqual({ type: 'action', actionId: 'stale' });
  });

  it('reads an adaptiveCard/action invoke and flags it for an HTTP answer', () => {
    const invoke = fixture('invoke_adaptive_card_action_execute.json');
    const parsed = parseActivity({
      ...invoke,
      value: { action: { type: 'Action.Execute', data: { actionId: 'cmd', value: 'help' } } },
    });
    expect(parsed.invoke).toBe(true);
    expect(parsed.item?.event).toMatchObject({
      payload: { type: 'action', actionId: 'cmd', value: 'help' },
      sourceMessageRef: '1767765488332',
    });
    expect(parseActivity({ ...invoke, name: 'composeExtension/query' })).toMatchObject({ item: null, invoke: true });
  });

  it('turns a file.download.info attachment into a file event downloading from downloadUrl', () => {
    const event = parseActivity(fixture('message_file_attachment_pdf.COMPOSED.json')).item?.event;
    expect(event?.payload).toEqual({
      type: 'file',
      file: { name: 'report.pdf', ref: 'https://download.link', contentType: 'application/pdf' },
    });
    const other = fixture('message_file_attachment_pdf.COMPOSED.json');
    other.attachments = [{ contentType: 'image/png', contentUrl: 'https://x' }];
    expect(parseActivity(other).item).toBeNull();
    expect(FILE_DOWNLOAD_INFO).toBe('application/vnd.microsoft.teams.file.download.info');
  });

  it('takes a photo attached as a file (file.download.info of type jpg or png) like any resume file', () => {
    const photo = fixture('message_file_attachment_pdf.COMPOSED.json');
    photo.attachments = [
      {
        contentType: FILE_DOWNLOAD_INFO,
        name: 'resume-photo.jpg',
        content: { downloadUrl: 'https://download.link/photo', uniqueId: 'u-1', fileType: 'jpg' },
      },
    ];
    expect(parseActivity(photo).item?.event?.payload).toEqual({
      type: 'file',
      file: { name: 'resume-photo.jpg', ref: 'https://download.link/photo', contentType: 'image/jpeg' },
    });
  });

  it('counts only the bot’s own arrival in a personal chat as an install', () => {
    const personal = fixture('conversation_update_members_added_personal.json');
    personal.recipient = { id: '28:f5d48856-5b42-41a0-8c3a-c5f944b679b0', name: 'Endorse' };
    expect(parseActivity(personal).item?.event).toMatchObject({
      payload: { type: 'installed' },
      identity: { workspaceId: '<TENANT ID>' },
    });
    expect(parseActivity({ ...personal, membersAdded: [{ id: '29:someone' }] }).item).toBeNull();
    expect(parseActivity(fixture('conversation_update_members_added_team.json')).item).toBeNull();
  });

  it('keys idempotency by conversation and activity id', () => {
    const a = { type: 'message', id: '1', conversation: { id: 'a:one' } };
    expect(eventIdOf(a)).not.toBe(eventIdOf({ ...a, conversation: { id: 'a:two' } }));
    expect(eventIdOf(a)).toBe(eventIdOf({ ...a }));
  });

  it('throws a ZodError for what is not an activity, and ignores typing', () => {
    expect(() => parseActivity({ hello: 'world' })).toThrow(ZodError);
    expect(parseActivity({ ...fixture('message_personal.json'), type: 'typing' }).item).toBeNull();
  });
});
