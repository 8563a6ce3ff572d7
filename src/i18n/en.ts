/**
 * Every line the bot says, in English, keyed. `{name}` placeholders are filled by `t()`. Another
 * language is a copy of this object with the same keys.
 */
export const en = {
  // the app, as platform app stores list it (Teams manifest and its localization files)
  'app.name.full': 'Endorse — agency portal',
  'app.description.short': 'Submit candidates to the employer and follow them, from chat.',
  'app.description.full':
    'Endorse is the agency portal of our recruiting system. Submit (endorse) candidates with their resume, get the duplicate check at once, browse My Candidates and the Agency Pool, read and answer recruiter comments, and manage your agency’s users — all in a personal chat with the bot. Access is by invitation: send `link <code>` from your invitation email to start.',

  // access
  'access.unknown':
    'Hi! Endorse is by invitation only. Open the link in your invitation email, or send “link <code>” with the code from it. No invitation yet? Ask your agency admin.',
  'access.disabled':
    'Your access to Endorse has been disabled, so I cannot help here. Ask your agency admin or the Endorse owner to restore it.',
  'access.welcome': 'Welcome to Endorse, {name}! Your chat is now linked.',

  // home (the platform's app page, e.g. Slack's App Home)
  'home.title': 'Endorse — hello {name}',
  'home.added': '✅ Added',
  'home.previouslySubmitted': '↩️ Previously submitted',
  'home.duplicate': '⛔ Duplicate',
  'home.period': 'My Candidates, {from} – {to}. Type “help” in Messages for everything else.',
  'home.submit': '📝 Submit a candidate',

  // help
  'help.title': 'Here is what you can do:',
  'help.footer': 'Type a command, e.g. “submit”. “cancel” stops what you started.',
  'help.hello': 'Hi {name}!',
  'cmd.help': 'show this list',
  'cmd.submit': 'submit (endorse) a candidate, step by step',
  'cmd.cancel': 'stop what you started; nothing half-made is kept',
  'cmd.back': 'go back to the previous question',
  'cmd.candidates': 'My Candidates: what you submitted, with search and filters',
  'cmd.pool': 'Agency Pool: everything your agency submitted',
  'cmd.candidate': 'open a candidate’s profile',
  'cmd.comment': 'add a comment to a candidate',
  'cmd.stage': 'move a candidate to another stage',
  'cmd.users': 'list users, with search and filters',
  'cmd.user': 'open a user',
  'cmd.rename': 'rename a user',
  'cmd.disable': 'disable a user (asks first)',
  'cmd.enable': 'enable a disabled user',
  'cmd.agencies': 'list the agencies',
  'cmd.deliveries': 'notifications that could not be delivered',
  'cmd.agency': 'disable (asks first) or enable a whole agency',
  'cmd.invite': 'invite someone; prints their link',
  'cmd.start': 'link this chat with the code from your invitation',
  'cmd.campaigns': 'list the campaigns you can submit to',
  'cmd.language': 'choose the language I answer in',

  // language (the names of the languages are their own, in src/i18n/index.ts)
  'language.confirm': 'I will answer in {language}. If you prefer another language, tap it below; “language” changes it later.',
  'language.ask': 'Which language should I answer in?',
  'language.set': 'Done: I will answer in {language}.',

  // commands and errors
  'command.pointer': 'I did not catch that. Type “help” to see what you can do, or “submit” to submit a candidate.',
  'command.unknown': 'There is no command “{command}”. Type “help” to see what you can do.',
  'command.notAllowed': '“{command}” is not available to you. Type “help” to see what you can do.',
  'command.usage': 'Type it like this: {usage} — {help}.',
  'action.stale': 'That button belongs to something that is over. Type “help” to start again.',
  'error.internal': 'Sorry, something went wrong on my side. Please try again in a moment.',
  'error.busy': 'That conversation just moved on in another window. Please send your last message again.',
  'error.forbiddenHint': 'Type “help” to see what you can do.',

  // cancel / back
  'cancel.nothing': 'Nothing to cancel. Type “help” to see what you can do.',
  'cancel.wizard': 'Cancelled. Nothing was submitted and nothing was kept. Type “submit” to start again.',
  'cancel.done': 'Cancelled.',
  'back.nothing': 'There is nothing to go back to. Type “help” to see what you can do.',
  'back.notHere': 'There is no previous question here. Type “cancel” to stop.',
  'back.first': 'This is the first question. Type “cancel” to stop.',

  // wizard
  'wizard.start':
    'Let’s submit a candidate. Type “back” to change the previous answer or “cancel” to stop at any time. You can also send the resume first, and I will fill in what I can.',
  'wizard.ask.name':
    'What is the candidate’s full name (first and last, e.g. Jane Dela Cruz)? You can also paste a line with name, phone and email.',
  'wizard.ask.lastName': 'And {first}’s last name?',
  'wizard.ask.phone': 'Their phone number, with the country code (e.g. +63 917 123 4567)?',
  'wizard.ask.email': 'Their email address?',
  'wizard.ask.campaign': 'Which campaign are you submitting them to?',
  'wizard.ask.resume': 'Send the resume (PDF, DOCX or a photo of it, up to 10 MB), or press Skip.',
  'wizard.noCampaigns':
    'No campaign is open to your agency right now, so there is nothing to submit to. Type “cancel”, and ask your Endorse contact which campaigns will open.',
  'wizard.bad.name': 'A name is letters only (spaces, hyphens and apostrophes are fine), e.g. Jane Dela Cruz.',
  'wizard.bad.unclear': 'I could not use that answer.',
  'wizard.bad.phone.empty': 'Please enter a phone number with its country code, e.g. {example}.',
  'wizard.bad.phone.missing_country_code':
    '“{input}” has no country code. Start the number with + and the country code, e.g. {example}.',
  'wizard.bad.phone.invalid': '“{input}” is not a phone number I can use. Type it with the country code, e.g. {example}.',
  'wizard.bad.email': '“{input}” is not an email address. Type it like jane@example.com.',
  'wizard.bad.campaign': 'That is not one of the open campaigns. Press one of the buttons, or type its name.',
  'wizard.resume.expected': 'I am waiting for the resume file.',
  'wizard.resume.none': 'none',
  'wizard.resume.reading': '{file} (still reading…)',
  'wizard.resume.failed': '{file} (could not be read; not attached)',
  'wizard.resume.stillReading':
    'I am still reading the resume. I will show the summary in a moment; confirm then. If nothing comes, press Edit and choose Resume to go on without it.',
  'wizard.confirm.expected': 'Press Confirm to submit, Edit to change something, or Cancel.',
  'wizard.summary.title': 'Check the submission',
  'wizard.summary.text': 'Is everything right?',
  'wizard.button.confirm': 'Confirm',
  'wizard.button.edit': 'Edit',
  'wizard.button.cancel': 'Cancel',
  'wizard.button.skip': 'Skip',
  'wizard.edit.which': 'What do you want to change?',
  'wizard.gone': 'That submission is no longer open. Type “submit” to start a new one.',
  'form.title': 'Submit a candidate',
  'form.text': 'All fields but the resume are required.',
  'form.submit': 'Review',
  'form.resumeHint': 'PDF, DOCX or a photo, up to {mb} MB',

  // fields
  'field.name': 'Name',
  'field.firstName': 'First name',
  'field.lastName': 'Last name',
  'field.phone': 'Phone',
  'field.email': 'Email',
  'field.campaign': 'Campaign',
  'field.resume': 'Resume',

  // outcomes
  'outcome.added': '✅ New Candidate',
  'outcome.added.means': 'No one submitted this person recently: {ref} is now your candidate.',
  'outcome.previous': '⚠️ Previously Submitted',
  'outcome.previous.means':
    'Your agency already submitted this person recently ({ref}); this submission is recorded on that candidate.',
  'outcome.duplicate': '⛔ Duplicate',
  'outcome.duplicate.means': 'Another agency submitted this person recently; your submission is recorded and flagged.',
  'outcome.blocked': '⛔ Blocked by duplicate rules',
  'outcome.blocked.cross': 'This campaign does not accept a person another agency submitted recently, so nothing was created.',
  'outcome.blocked.same':
    'This campaign does not accept a person your agency already submitted recently, so nothing was created.',

  // resume
  'resume.reading': 'Reading the resume… I will show you what I found in a moment.',
  'resume.read': 'I read {file}:',
  'resume.readFromImage':
    'I read {file} from a picture (a scan or a photo), so some details may be misread: please check each field below.',
  'resume.notFound': 'not found',
  'resume.correct': 'If something is wrong, press Edit on the summary to change it.',
  'resume.notForRole': 'Only agency users submit candidates with resumes. Type “help” to see what you can do.',
  'resume.noChannel': 'I cannot fetch files on this channel. Type the details instead, or send the resume from another channel.',
  'resume.downloadFailed': 'I could not download that file. Please send it again.',
  'resume.error.TOO_LARGE':
    'That file is larger than {mb} MB, so I did not read it. The submission goes on without resume details; you can send a smaller PDF or DOCX.',
  'resume.error.UNSUPPORTED_TYPE':
    'That file is not a PDF, a Word (DOCX) document or a picture (JPEG, PNG), so I could not read it. The submission goes on without resume details.',
  'resume.error.UNPACKED_TOO_LARGE':
    'That file unpacks to far more than a resume could hold, so I did not read it. The submission goes on without resume details; you can send the resume as a PDF.',
  'resume.error.ENCRYPTED':
    'That PDF is password-protected, so I could not read it. The submission goes on without resume details; you can send an unprotected copy.',
  'resume.error.CORRUPT':
    'That file seems to be damaged, so I could not read it. The submission goes on without resume details; you can export it again and send the new copy.',
  'resume.error.NO_TEXT_LAYER':
    'That PDF holds only images (probably a scan), so there was no text to read. The submission goes on without resume details.',
  'resume.error.TIMED_OUT': 'Reading that resume took too long, so I stopped. The submission goes on without resume details.',
  'resume.error.FAILED':
    'I could not read that resume because of a problem on my side. The submission goes on without resume details.',

  // dashboards
  'dash.mine': 'My Candidates',
  'dash.pool': 'Agency Pool — {agency}',
  'dash.allAgencies': 'all agencies',
  'dash.metrics': 'Last 30 days: Added {added} · Previously Submitted {previous} · Duplicate {duplicate} — {total} in this list',
  'dash.empty': 'No candidates yet. Type “submit” to submit one.',
  'dash.emptyFiltered': 'No candidates match. Try “candidates” without filters.',
  'dash.agencyOwnersOnly': 'Only owners pick another agency’s pool. Type “pool” for your agency’s.',
  'list.prev': '◀ Prev',
  'list.next': 'Next ▶',
  'campaigns.title': 'Campaigns',
  'campaigns.open': 'open',
  'campaigns.closed': 'closed',
  'campaigns.empty': 'No campaigns are open to you right now.',

  // profile
  'profile.stage': 'Stage',
  'profile.addedBy': 'Added by',
  'profile.addedOn': 'Added on',
  'profile.source': 'Source',
  'profile.resumeSummary': 'Resume summary',
  'profile.education': 'Education',
  'profile.experience': 'Experience',
  'profile.comments': 'Comments ({count}):',
  'profile.noComments': 'No comments yet.',
  'profile.button.comment': 'Comment',
  'profile.button.stage': 'Change stage',
  'comment.ask': 'Type your comment on {ref} (or “cancel”).',
  'comment.added': '💬 Comment added to {ref}.',
  'comment.replyAdded': '💬 Your reply was added as a comment on {ref}.',
  'stage.ask': 'Move {ref} to which stage?',
  'stage.changed': '{ref} moved from {from} to {to}.',
  'stage.NEW': 'New',
  'stage.SCREENING': 'Screening',
  'stage.INTERVIEW': 'Interview',
  'stage.OFFER': 'Offer',
  'stage.HIRED': 'Hired',
  'stage.REJECTED': 'Rejected',
  'stage.WITHDRAWN': 'Withdrawn',

  // notifications (proactive messages and their emails, in the recipient's language)
  'notify.recruiterComment': '{actor} commented on {who} ({campaign}):\n\n{body}',
  'notify.agencyComment': '{actor} ({agency}) commented on {who} ({campaign}):\n\n{body}',
  'notify.stageChange': '{who} ({campaign}) moved from {from} to {to}.',
  'notify.stageChangeBy': '{who} ({campaign}) moved from {from} to {to} (by {actor}).',
  'notify.candidateSubmitted': 'New candidate {who} from {agency} for {campaign}.',
  'notify.someRecruiter': 'A recruiter',
  'notify.someAgency': 'The agency',
  'notify.replyHint': 'Reply to this message to answer.',
  'notify.emailHint': 'Link a chat app to answer from there (open the invitation link again, or ask your admin): {url}',
  'notify.subject.recruiterComment': 'New comment on {who}',
  'notify.subject.agencyComment': '{agency} commented on {who}',
  'notify.subject.stageChange': '{who} is now {to}',
  'notify.subject.candidateSubmitted': 'New candidate {who} from {agency}',

  // users and agencies
  'users.title': 'Users',
  'users.summary.one': '{count} user',
  'users.summary.other': '{count} users',
  'users.empty': 'No users match. Try “users” without filters.',
  'users.role': 'Role',
  'users.status': 'Status',
  'users.agency': 'Agency',
  'users.country': 'Country',
  'users.channels': 'Chat channels',
  'users.since': 'Since',
  'users.button.rename': 'Rename',
  'users.button.disable': 'Disable',
  'users.button.enable': 'Enable',
  'users.renameAsk': 'Type the new name for {user} (or “cancel”).',
  'users.renamed': 'Renamed: {user}.',
  'users.disableAsk': 'Disable {user}? They lose access at their next message and anything they started is dropped.',
  'users.disabled': '{user} is disabled. Type “enable” with their email to undo.',
  'users.enabled': '{user} is enabled again.',
  'confirm.yes': 'Yes, disable',
  'confirm.no': 'No, keep',
  'confirm.kept': 'Nothing changed.',
  'confirm.expected': 'Please answer yes or no: disable {what}?',
  'deliveries.title': 'Failed deliveries',
  'deliveries.empty': 'No failed deliveries: every notification reached its chat or inbox.',
  'deliveries.item': '{kind} to {recipient} via {channel}',
  'deliveries.detail': '{when} · {tries} tries · {error}',
  'deliveries.retried':
    'Sending {count} failed deliveries again (one more round of tries). Type `deliveries` later to see what still failed.',
  'deliveries.nothingToRetry': 'No failed deliveries to send again.',
  'agencies.title': 'Agencies',
  'agencies.users.one': '{count} user',
  'agencies.users.other': '{count} users',
  'agencies.empty': 'No agencies yet.',
  'agencies.disableAsk': 'Disable the agency {agency}? Every user of it loses access at their next message.',
  'agencies.disabled': 'The agency {agency} is disabled; its {count} users have no access now.',
  'agencies.enabled': 'The agency {agency} is enabled again.',

  // invitations
  'invite.badRole': '“{role}” is not a role. Use one of: agency_user, agency_admin, recruiter, owner.',
  'invite.needAgency': 'Agency roles need an agency: add its name, e.g. invite jane@example.com agency_user Bright Staffing.',
  'invite.created':
    'Invitation for {email} ({role}) is ready. Send them this link: {url}\nIn a chat app they can also send: link {token}\nIt works once, until {until}. Inviting the same email again replaces it.',
  'email.invite.subject': 'Your invitation to Endorse',
  'email.invite.byYou': '{inviter} invited you to Endorse as {role}.',
  'email.invite.byYouFor': '{inviter} invited you to Endorse as {role} for {agency}.',
  'email.invite.you': 'You are invited to Endorse as {role}.',
  'email.invite.youFor': 'You are invited to Endorse as {role} for {agency}.',
  'email.invite.open': 'Open this link to connect your chat app (Slack, Microsoft Teams, Telegram or the web chat):',
  'email.invite.until': 'The link works once and until {until}. If it has expired, ask for a new invitation.',
  'email.invite.ignore': 'If you did not expect this email, ignore it.',
  'email.invite.accept': 'Accept the invitation',
  'email.invite.copy': 'Or copy this link:',
  'email.role.OWNER': 'an owner',
  'email.role.AGENCY_ADMIN': 'an agency admin',
  'email.role.AGENCY_USER': 'an agency recruiter',
  'email.role.RECRUITER': 'a recruiter',
} as const;

export type MessageKey = keyof typeof en;
