import type { MessageKey } from './en';

/**
 * Filipino as it is written in Philippine offices: Tagalog sentences with the English product
 * words recruiters use every day (candidate, campaign, resume, submit). Command words in quotes
 * stay English: they are what the bot understands and what the menus list.
 */
export const fil: Record<MessageKey, string> = {
  // the app
  'app.name.full': 'Endorse — agency portal',
  'app.description.short': 'Mag-submit ng candidates sa employer at i-follow up sila, mula sa chat.',
  'app.description.full':
    'Ang Endorse ang agency portal ng aming recruiting system. Mag-submit (mag-endorse) ng candidates kasama ang resume nila, makuha agad ang duplicate check, tingnan ang Mga Candidate Ko at ang Agency Pool, basahin at sagutin ang comments ng recruiters, at i-manage ang users ng agency mo — lahat sa personal chat kasama ang bot. By invitation ang access: i-send ang `link <code>` mula sa invitation email mo para magsimula.',

  // access
  'access.unknown':
    'Hi! Sa Endorse, by invitation lang ang access. Buksan ang link sa invitation email mo, o i-send ang “link <code>” gamit ang code na nandoon. Wala ka pang invitation? Magtanong sa agency admin mo.',
  'access.disabled':
    'Naka-disable ang access mo sa Endorse, kaya hindi kita matutulungan dito. Hilingin sa agency admin mo o sa may-ari ng Endorse na i-restore ito.',
  'access.agencyDisabled':
    'Naka-off ang access ng agency mo sa Endorse, kaya hindi kita matutulungan dito. Kontakin ang Endorse owner ng employer (ang contact mo roon) para i-restore ito.',
  'access.welcome': 'Welcome sa Endorse, {name}! Naka-link na ang chat mo.',

  'access.welcomeNoName': 'Welcome sa Endorse! Naka-link na ang chat mo.',
  // home
  'home.title': 'Endorse — hello, {name}',
  'home.added': '✅ Bago',
  'home.previouslySubmitted': '↩️ Na-submit na dati',
  'home.duplicate': '⛔ Duplicate',
  'home.period': 'Mga Candidate Ko, {from} – {to}. I-type ang “help” sa Messages para sa iba pa.',
  'home.periodCampaigns':
    'Mga candidate ng campaigns mo, {from} – {to}. I-type ang “candidates” sa Messages para sa listahan, “help” para sa iba pa.',
  'home.submit': '📝 Mag-submit ng candidate',

  // help
  'help.title': 'Ito ang mga puwede mong gawin:',
  'help.footer': 'Mag-type ng command, hal. “submit”. Ang “cancel” ay hihinto sa sinimulan mo.',
  'help.footer.recruiter':
    'Mag-type ng command, hal. “candidates” para makita ang mga candidate ng campaigns mo. Ang “cancel” ay hihinto sa sinimulan mo.',
  'help.footer.owner':
    'Mag-type ng command, hal. “candidates” para makita ang mga candidate ng bawat campaign o “rules” para sa duplicate rules. Ang “cancel” ay hihinto sa sinimulan mo.',
  'help.hello': 'Hi, {name}!',
  'cmd.help': 'ipakita ang listahang ito',
  'cmd.submit': 'mag-submit (mag-endorse) ng candidate, step by step',
  'cmd.cancel': 'ihinto ang sinimulan mo; walang itatagong kalahating gawa',
  'cmd.back': 'bumalik sa naunang tanong',
  'cmd.candidates': 'Mga Candidate Ko: ang mga na-submit mo, may search at filters',
  'cmd.candidates.recruiter': 'ang mga candidate ng campaigns na nire-recruit-an mo, may search at filters',
  'cmd.candidates.owner': 'ang mga candidate ng bawat campaign, may search at filters ayon sa campaign at agency',
  'cmd.pool': 'Agency Pool: lahat ng na-submit ng agency mo',
  'cmd.pool.owner': 'Agency Pool: lahat ng na-submit ng isang agency (agency:"Pangalan"), o lahat ng agency',
  'cmd.candidate': 'buksan ang profile ng isang candidate',
  'cmd.comment': 'mag-comment sa isang candidate',
  'cmd.stage': 'ilipat ang candidate sa ibang stage',
  'cmd.users': 'listahan ng mga user, may search at filters',
  'cmd.user': 'buksan ang isang user',
  'cmd.rename': 'palitan ang pangalan ng user',
  'cmd.disable': 'i-disable ang user (magtatanong muna)',
  'cmd.enable': 'i-enable ulit ang naka-disable na user',
  'cmd.rules': 'ang duplicate rules: ang default at ang sariling rule ng bawat campaign',
  'cmd.rule': 'mag-set ng duplicate rule: ng isang campaign, o ang default kapag walang campaign:',
  'cmd.agencies': 'listahan ng mga agency',
  'cmd.deliveries': 'mga notification na hindi naipadala',
  'cmd.agency': 'i-disable (magtatanong muna) o i-enable ang buong agency',
  'cmd.invite': 'mag-imbita ng tao; ipapakita ang link niya',
  'cmd.start': 'i-link ang chat na ito gamit ang code sa invitation mo',
  'cmd.campaigns': 'listahan ng mga campaign na puwede mong pag-submit-an',
  'cmd.campaigns.all': 'ilista ang campaigns, bukas at sarado',
  'cmd.language': 'piliin ang wikang gagamitin ko sa pagsagot',

  // language
  'language.confirm':
    'Sasagot ako sa {language}. Kung ibang wika ang gusto mo, i-tap ito sa ibaba; puwede mo rin itong palitan mamaya gamit ang “language”.',
  'language.ask': 'Anong wika ang gusto mong gamitin ko?',
  'language.set': 'Sige: sasagot na ako sa {language}.',

  // digest (issue 19: the daily digest; opt-out, see DIGEST_ON_BY_DEFAULT)
  'cmd.digest':
    'araw-araw na buod ng comments, stage at ownership na matatapos; naka-on agad, dahil dumarating lang kapag may balita',
  'digest.statusOn':
    'Naka-on ang araw-araw mong buod: dumarating ito nang {time} ({zone}) sa mga araw na may maibabalita — comments ng recruiters, pagbabago ng stage, at mga kandidatong matatapos ang ownership sa loob ng 14 na araw nang walang usad. Ang “digest off” ang hihinto rito.',
  'digest.statusOff': 'Naka-off ang araw-araw mong buod. Ang “digest on” ang mag-o-on nito.',
  'digest.turnedOn':
    'Sige: naka-on na ang araw-araw mong buod. Dumarating ito nang {time} ({zone}) sa mga araw na may maibabalita.',
  'digest.turnedOff': 'Sige: wala nang araw-araw na buod. Ang “digest on” ang magbabalik nito.',
  'digest.title.mine': 'Ang araw-araw mong buod, {date}',
  'digest.title.agency': 'Ang araw-araw na buod ng agency mo, {date}',
  'digest.comments': 'Comments ng recruiters:',
  'digest.comment': '• {who} — {author}: “{body}”',
  'digest.stages': 'Pagbabago ng stage:',
  'digest.stage': '• {who}: {from} → {to}',
  'digest.ending': 'Matatapos ang ownership sa loob ng {days} araw, nasa {stage} pa rin:',
  'digest.endingItem': '• {who} — sa inyo hanggang {until}',
  'digest.more': '  …at {count} pa',
  'digest.footer': 'Buksan ang isa gamit ang “candidate {ref}”. Ang “digest off” ang hihinto sa mga buod na ito.',
  'digest.subject': 'Ang buod mo sa Endorse, {date}',

  // commands and errors
  'command.pointer':
    'Hindi ko iyon naintindihan. I-type ang “help” para makita ang puwede mong gawin, o “submit” para mag-submit ng candidate.',
  'command.pointer.employer':
    'Hindi ko nakuha iyon. I-type ang “help” para makita ang puwede mong gawin, o “candidates” para makita ang mga candidate.',
  'command.unknown': 'Walang command na “{command}”. I-type ang “help” para makita ang puwede mong gawin.',
  'command.notAllowed': 'Hindi available sa iyo ang “{command}”. I-type ang “help” para makita ang puwede mong gawin.',
  'command.usage': 'I-type ito nang ganito: {usage} — {help}.',
  'which.question': 'Nagsisimula ang “{text}” sa command na “{command}”. Ang command ba ang ibig mo, o iyan ang sagot mo?',
  'which.asCommand': 'Patakbuhin ang “{command}”',
  'which.asName': 'Gamitin ang “{text}” bilang pangalan',
  'which.asCampaign': 'Gamitin ang “{text}” bilang campaign',
  'which.asComment': 'I-post ang “{text}” bilang comment',
  'which.confirmDropped': 'Tinanggal ko ang tanong tungkol sa {what}: walang binago.',
  'which.wizardKept': 'Bukas pa ang submission mo: sagutin ang tanong sa ibaba para magpatuloy, o i-type ang “cancel”.',
  'which.wizardDropped': 'Tinanggal na ang submission na sinimulan mo. I-type ang “submit” para magsimula ulit.',
  'which.commentKept': 'Bukas pa ang comment mo sa {ref}: i-type ito, o “cancel”.',
  'which.commentDropped': 'Tinanggal na ang comment na sinusulat mo sa {ref}.',
  'which.renameKept': 'Hinihintay ko pa ang bagong pangalan ni {user}: i-type ito, o “cancel”.',
  'which.renameDropped': 'Tinanggal na ang pag-rename kay {user}.',
  'action.stale': 'Tapos na ang button na iyan. I-type ang “help” para magsimula ulit.',
  'error.internal': 'Pasensya na, may nagka-problema sa side ko. Subukan ulit mamaya-maya.',
  'error.busy': 'Umusad na ang conversation na ito sa ibang window. Paki-send ulit ang huling message mo.',
  'error.forbiddenHint': 'I-type ang “help” para makita ang puwede mong gawin.',

  // cancel / back
  'cancel.nothing': 'Walang kailangang i-cancel. I-type ang “help” para makita ang puwede mong gawin.',
  'cancel.wizard': 'Cancelled na. Walang na-submit at walang na-save. I-type ang “submit” para magsimula ulit.',
  'cancel.done': 'Cancelled na.',
  'back.nothing': 'Wala nang babalikan. I-type ang “help” para makita ang puwede mong gawin.',
  'back.notHere': 'Walang naunang tanong dito. I-type ang “cancel” para huminto.',
  'back.first': 'Ito ang unang tanong. I-type ang “cancel” para huminto.',

  // wizard
  'wizard.start':
    'Mag-submit tayo ng candidate. I-type ang “back” para palitan ang naunang sagot o “cancel” para huminto anumang oras. Puwede mo ring i-send muna ang resume, at pupunan ko ang kaya ko.',
  'wizard.startPrefilled':
    'Mag-submit tayo ng candidate. Kinuha ko na ang na-type mo; i-type ang “back” para palitan ang isang sagot o “cancel” para huminto anumang oras.',
  'wizard.restarted': 'Tinanggal na ang submission na sinimulan mo; heto ang bago.',
  'wizard.ask.name':
    'Ano ang buong pangalan ng candidate (first at last name, hal. Juan Dela Cruz)? Puwede ka ring mag-paste ng isang linya na may pangalan, phone at email.',
  'wizard.ask.lastName': 'At ang apelyido ni {first}?',
  'wizard.ask.phone': 'Ang phone number niya, kasama ang country code (hal. +63 917 123 4567)?',
  'wizard.ask.email': 'Ang email address niya?',
  'wizard.ask.campaign': 'Saang campaign mo siya isa-submit?',
  'wizard.ask.resume': 'I-send ang resume (PDF, DOCX o picture nito, hanggang 10 MB), o pindutin ang Laktawan.',
  'wizard.noCampaigns':
    'Walang bukas na campaign para sa agency mo ngayon, kaya wala pang mapag-su-submit-an. I-type ang “cancel”, at tanungin ang Endorse contact mo kung aling mga campaign ang magbubukas.',
  'wizard.bad.name': 'Letters lang ang pangalan (puwede ang space, gitling at apostrophe), hal. Juan Dela Cruz.',
  'wizard.bad.unclear': 'Hindi ko magamit ang sagot na iyon.',
  'wizard.bad.phone.empty': 'Mag-type ng phone number kasama ang country code, hal. {example}.',
  'wizard.bad.phone.missing_country_code':
    'Walang country code ang “{input}”. Simulan ang number sa + at ang country code, hal. {example}.',
  'wizard.bad.phone.invalid':
    'Hindi ko magamit ang “{input}” bilang phone number. I-type ito kasama ang country code, hal. {example}.',
  'wizard.bad.email': 'Hindi email address ang “{input}”. I-type ito nang ganito: juan@example.com.',
  'wizard.bad.campaign': 'Hindi iyan isa sa mga bukas na campaign. Pindutin ang isa sa mga button, o i-type ang pangalan nito.',
  'wizard.resume.expected': 'Hinihintay ko ang resume file.',
  'wizard.resume.none': 'wala',
  'wizard.resume.reading': '{file} (binabasa pa…)',
  'wizard.resume.failed': '{file} (hindi mabasa; hindi na-attach)',
  'wizard.resume.stillReading':
    'Binabasa ko pa ang resume. Ipapakita ko ang summary maya-maya; saka mo i-confirm. Kung walang dumating, pindutin ang Baguhin at piliin ang Resume para tumuloy nang wala ito.',
  'wizard.confirm.expected': 'Pindutin ang Kumpirmahin para i-submit, Baguhin para may palitan, o Kanselahin.',
  'wizard.summary.title': 'I-check ang submission',
  'wizard.summary.text': 'Tama na ba lahat?',
  'wizard.button.confirm': 'Kumpirmahin',
  'wizard.button.edit': 'Baguhin',
  'wizard.button.cancel': 'Kanselahin',
  'wizard.button.skip': 'Laktawan',
  'wizard.edit.which': 'Ano ang gusto mong palitan?',
  'wizard.gone': 'Hindi na bukas ang submission na iyon. I-type ang “submit” para magsimula ng bago.',
  'form.title': 'Mag-submit ng candidate',
  'form.text':
    'I-attach ang resume at iwanang blangko ang iba kung gusto mo: pupunan ko ang nakasulat doon at ipapakita ko sa iyo para i-confirm. Ang kulang pa, itatanong ko pagkatapos.',
  'form.submit': 'I-review',
  'form.resumeHint': 'PDF, DOCX o picture, hanggang {mb} MB',

  // fields
  'field.name': 'Pangalan',
  'field.firstName': 'First name',
  'field.lastName': 'Apelyido',
  'field.phone': 'Phone',
  'field.email': 'Email',
  'field.campaign': 'Campaign',
  'field.resume': 'Resume',

  // outcomes
  'outcome.added': '✅ Bagong Candidate',
  'outcome.added.means': 'Walang nag-submit sa taong ito kamakailan: candidate mo na si {ref}.',
  'outcome.previous': '⚠️ Na-submit na Dati',
  'outcome.previous.means':
    'Na-submit na ng agency mo ang taong ito kamakailan ({ref}); naka-record ang submission na ito sa candidate na iyon.',
  'outcome.duplicate': '⛔ Duplicate',
  'outcome.duplicate.means': 'Na-submit na ng ibang agency ang taong ito kamakailan; naka-record at naka-flag ang submission mo.',
  'outcome.blocked': '⛔ Na-block ng duplicate rules',
  'outcome.blocked.cross':
    'Hindi tumatanggap ang campaign na ito ng taong na-submit ng ibang agency kamakailan, kaya walang nagawa.',
  'outcome.blocked.same':
    'Hindi tumatanggap ang campaign na ito ng taong na-submit na ng agency mo kamakailan, kaya walang nagawa.',

  'ownership.yours': 'Hawak ng agency mo ang candidate na ito hanggang {date}.',
  'ownership.another':
    'Hawak ng ibang agency ang candidate na ito hanggang {date}; puwede mo siyang i-submit ulit pagkalipas ng araw na iyon.',
  // resume
  'resume.reading': 'Binabasa ang resume… Ipapakita ko maya-maya ang mga nakita ko.',
  // resume images (issue 15): a picture is read by OCR, which takes longer
  'resume.readingImage':
    'Larawan ito (scan o litrato), kaya binabasa ko ito titik por titik: medyo matagal ito, hanggang isang minuto.',
  'resume.read': 'Nabasa ko ang {file}:',
  'resume.readFromImage':
    'Binasa ko ang {file} mula sa picture (scan o photo), kaya baka may mali sa pagkabasa: paki-check ang bawat field sa ibaba.',
  'resume.notFound': 'hindi nakita',
  'resume.correct': 'Kung may mali, pindutin ang Baguhin sa summary para palitan ito.',
  'resume.phoneAgencyCountry':
    '{phone} (walang country code sa resume; binasa ko gamit ang bansa ng agency mo, {country}: i-check sa summary)',
  'resume.phoneDefaultCountry':
    '{phone} (walang country code sa resume; binasa ko gamit ang default na bansa ng portal na ito, {country}, dahil walang naka-set sa agency mo: i-check sa summary)',
  'resume.phoneUnread': '“{printed}”, walang country code, kaya itatanong ko ito sa iyo',
  'resume.conflict': 'Sabi ng resume, {field} ay “{read}”, pero “{typed}” ang na-type mo: ang na-type mo ang ginamit ko.',
  'resume.notForRole':
    'Agency users lang ang nagsu-submit ng candidate na may resume. I-type ang “help” para makita ang puwede mong gawin.',
  'resume.noChannel':
    'Hindi ako makakuha ng file sa channel na ito. I-type na lang ang details, o i-send ang resume mula sa ibang channel.',
  'resume.downloadFailed': 'Hindi ko ma-download ang file na iyon. Paki-send ulit.',
  'resume.error.TOO_LARGE':
    'Mas malaki sa {mb} MB ang file na iyon, kaya hindi ko binasa. Tuloy ang submission nang walang resume details; puwede kang mag-send ng mas maliit na PDF o DOCX.',
  'resume.error.UNSUPPORTED_TYPE':
    'Hindi PDF, Word (DOCX) document o picture (JPEG, PNG) ang file na iyon, kaya hindi ko nabasa. Tuloy ang submission nang walang resume details.',
  'resume.error.UNPACKED_TOO_LARGE':
    'Kapag in-unpack, sobrang laki ng file na iyon para sa isang resume, kaya hindi ko binasa. Tuloy ang submission nang walang resume details; puwede mong i-send ang resume bilang PDF.',
  'resume.error.ENCRYPTED':
    'May password ang PDF na iyon, kaya hindi ko nabasa. Tuloy ang submission nang walang resume details; puwede kang mag-send ng kopyang walang password.',
  'resume.error.CORRUPT':
    'Mukhang sira ang file na iyon, kaya hindi ko nabasa. Tuloy ang submission nang walang resume details; puwede mo itong i-export ulit at i-send ang bagong kopya.',
  'resume.error.NO_TEXT_LAYER':
    'Puro images ang PDF na iyon (malamang scan), kaya walang text na mababasa. Tuloy ang submission nang walang resume details.',
  'resume.error.TIMED_OUT':
    'Masyadong natagalan ang pagbasa sa resume na iyon, kaya huminto ako. Tuloy ang submission nang walang resume details.',
  'resume.error.FAILED':
    'Hindi ko nabasa ang resume na iyon dahil sa problema sa side ko. Tuloy ang submission nang walang resume details.',

  // dashboards
  'dash.mine': 'Mga Candidate Ko',
  'dash.pool': 'Agency Pool — {agency}',
  'dash.allAgencies': 'lahat ng agency',
  'dash.myCampaigns': 'Mga candidate ng campaigns ko',
  'dash.allCampaigns': 'Mga candidate ng lahat ng campaign',
  'dash.metrics':
    'Na-submit sa huling {days} araw ({from} – {to}): Bago {added} · Na-submit na Dati {previous} · Duplicate {duplicate}',
  'dash.metricsBeforeFilters':
    'Na-submit sa huling {days} araw ({from} – {to}), buong listahan bago ang filters: Bago {added} · Na-submit na dati {previous} · Duplicate {duplicate}',
  'dash.listed.one': '{count} submission sa listahan (kahit anong petsa, pinakabago muna)',
  'dash.listed.other': '{count} submission sa listahan (kahit anong petsa, pinakabago muna)',
  'dash.matching.one': '{count} submission ang tugma (kahit anong petsa, pinakabago muna)',
  'dash.matching.other': '{count} submission ang tugma (kahit anong petsa, pinakabago muna)',
  'dash.resubmitted': 'parehong candidate, unang naidagdag noong {date}',
  'dash.submissionRef': 'S-{id}',
  'dash.blockedTitle': 'Na-block na submission (walang detalyeng itinago)',
  'dash.blockedCross': 'na-submit kamakailan ng ibang agency ang taong ito',
  'dash.blockedSame': 'na-submit kamakailan ng agency mo ang taong ito',
  'dash.empty': 'Wala pang candidate. I-type ang “submit” para mag-submit.',
  'dash.emptyView': 'Wala pang candidate dito. Lalabas dito ang mga bagong submission sa mga campaign na ito.',
  'dash.unassigned':
    'Wala ka pang campaign na nire-recruit-an, kaya walang candidate na maipapakita. Hilingin sa isang owner na i-assign ka sa mga campaign mo.',
  'dash.emptyFiltered': 'Walang tugmang candidate. Subukan ang “candidates” nang walang filter.',
  'dash.agencyOwnersOnly':
    'Owners at recruiters lang ang puwedeng mag-filter ayon sa agency. I-type ang “pool” para sa mga candidate ng agency mo.',
  'dash.badStage': 'Hindi stage ang “{word}”. Ito ang mga stage: {stages} (hal. stage:screening).',
  'dash.badOutcome': 'Hindi outcome ang “{word}”. Gamitin ang isa sa: {words} (hal. outcome:duplicate).',
  'dash.badPeriod':
    'Hindi period ang “{word}”. Ibigay ang bilang ng araw pabalik mula ngayon, 1 hanggang {max} (hal. period:90).',
  // direct applicants (ALREADY_IN_SYSTEM)
  'outcome.alreadyInSystem': '🗂️ Nasa System Na',
  'outcome.alreadyInSystem.means':
    'Nasa employer na ang taong ito mula sa ibang source. Naka-record ang submission mo, pero hindi siya magiging candidate mo.',
  'outcome.blocked.alreadyInSystem':
    'Nasa employer na ang taong ito mula sa ibang source, at hindi siya tinatanggap ng campaign na ito mula sa agency, kaya walang nagawa. Kung dapat sa agency mo siya, pindutin ang I-dispute at sabihin kung bakit.',
  'dash.blockedAlreadyInSystem': 'nasa employer na ang taong ito',
  'dash.metricsAlreadyInSystem': ' · Nasa System Na {count}',
  'home.alreadyInSystem': '🗂️ Nasa system na',
  'rules.describe.direct': ' · taong nasa employer na: {direct}',
  'dash.noCampaign': 'Walang campaign na “{name}” dito. Ito ang campaigns: {campaigns}.',
  'list.prev': '◀ Nakaraan',
  'list.next': 'Susunod ▶',
  'rules.title': 'Duplicate rules',
  'rules.howToSet':
    'Ang submission na tugma sa candidate na na-submit sa loob ng window ay nire-record at fina-flag, o bina-block. Palitan ang isa gamit ang hal. rule campaign:"Pangalan" cross:block (kapag walang campaign: ang default).',
  'rules.global': 'Default (bawat campaign na walang sariling rule)',
  'rules.builtIn': ' — built-in, hindi pa naka-set',
  'rules.describe': '{months} buwan · tugma sa {match} · tugma sa ibang agency: {cross} · tugma sa sariling agency: {same}',
  'rules.match.PHONE': 'phone',
  'rules.match.EMAIL': 'email',
  'rules.match.EITHER': 'phone o email',
  'rules.action.FLAG': 'i-record at i-flag',
  'rules.action.BLOCK': 'i-block',
  'rules.saved': 'Na-save. May sariling rule na ang {campaign}: {rule}.',
  'rules.savedGlobal': 'Na-save. Ito na ang sinusunod ng bawat campaign na walang sariling rule: {rule}.',
  'rules.nothing':
    'Sabihin kung ano ang papalitan, hal. rule campaign:"Pangalan" window:6 match:either cross:block same:flag (kapag walang campaign: ang default). I-type ang “rules” para makita ang mga ito.',
  'rules.bad.window': 'Hindi window ang “{word}”. Magbigay ng buong buwan, 1 hanggang 60 (hal. window:6).',
  'rules.bad.match': 'Hindi puwedeng pagtugmaan ang “{word}”. Gamitin ang phone, email o either (hal. match:either).',
  'rules.bad.action':
    'Hindi iyan magagawa ng isang tugma: “{word}”. Gamitin ang {option}:flag (i-record at i-flag) o {option}:block.',
  'campaigns.title': 'Mga Campaign',
  'campaigns.open': 'bukas',
  'campaigns.closed': 'sarado',
  'campaigns.empty': 'Walang bukas na campaign para sa iyo ngayon.',

  // profile
  'profile.stage': 'Stage',
  'profile.addedBy': 'Idinagdag ni',
  'profile.addedOn': 'Idinagdag noong',
  'profile.source': 'Source',
  'platformName.WEB': 'web chat',
  'platformName.SLACK': 'Slack',
  'platformName.TEAMS': 'Microsoft Teams',
  'platformName.TELEGRAM': 'Telegram',
  'profile.resumeSummary': 'Buod ng resume',
  'profile.education': 'Edukasyon',
  'profile.experience': 'Karanasan',
  'profile.comments': 'Mga comment ({count}):',
  'profile.noComments': 'Wala pang comment.',
  'profile.button.comment': 'Mag-comment',
  'profile.button.stage': 'Palitan ang stage',

  // ownership (profiles, rule option, possible duplicates)
  'ownership.another.hidden': 'Hawak ng ibang agency ang candidate na ito.',
  'ownership.yours.ended': 'Hawak ng agency mo ang candidate na ito hanggang {date}; tapos na ang hawak na iyon.',
  'ownership.another.ended': 'Hawak ng ibang agency ang candidate na ito hanggang {date}; puwede mo na siyang i-submit ulit.',
  'ownership.held': 'Hawak ng {agency} ang candidate na ito hanggang {date}.',
  'ownership.held.ended': 'Hawak ng {agency} ang candidate na ito hanggang {date}; tapos na ang hawak na iyon.',
  'ownership.held.endHidden': '(Hindi ipinapakita ang petsang ito sa ibang agency.)',
  'profile.ownership': 'May hawak',
  'dash.held': 'hawak ng ibang agency hanggang {date}',
  'dash.held.ended': 'tapos na ang hawak ng ibang agency noong {date}: puwede mo na siyang i-submit ulit',
  'dash.held.hidden': 'hawak ng ibang agency nang i-submit mo',
  'rules.ownership.shown': 'katapusan ng hawak: ipinapakita sa ibang agency',
  'rules.ownership.hidden': 'katapusan ng hawak: hindi ipinapakita sa ibang agency',
  'rules.bad.ownership':
    'Hindi opsyon ng ownership ang “{word}”. Gamitin ang ownership:shown (makikita ng ibang agency kung kailan matatapos ang hawak) o ownership:hidden.',
  'profile.possibleDuplicate': 'Posibleng duplicate',
  'profile.possibleDuplicate.value':
    '{refs}: parehong pangalan, at parehong dulo ng phone o pangalan sa email. Suriin bago magpasya; hindi ito nakikita ng agency.',
  'dash.possibleDuplicate': '⚑ posibleng duplicate ng {ref}',

  'comment.ask': 'I-type ang comment mo sa {ref}, hanggang {limit} character (o “cancel”).',
  'limit.comment': 'Hanggang {limit} character lang ang comment; {length} ang sa iyo. Paikliin at i-send ulit.',
  'comment.added': '💬 Naidagdag ang comment sa {ref}.',
  'comment.replyAdded': '💬 Naidagdag ang reply mo bilang comment sa {ref}.',
  'stage.ask': 'Saang stage ililipat si {ref}?',
  'stage.changed': 'Nailipat si {ref} mula {from} papuntang {to}.',
  'stageName.NEW': 'Bago',
  'stageName.SCREENING': 'Screening',
  'stageName.INTERVIEW': 'Interview',
  'stageName.OFFER': 'Job offer',
  'stageName.HIRED': 'Hired',
  'stageName.REJECTED': 'Hindi pumasa',
  'stageName.WITHDRAWN': 'Umatras',

  // notifications
  'notify.recruiterComment': 'Nag-comment si {actor} kay {who} ({campaign}):\n\n{body}',
  'notify.agencyComment': 'Nag-comment si {actor} ({agency}) kay {who} ({campaign}):\n\n{body}',
  'notify.stageChange': 'Nailipat si {who} ({campaign}) mula {from} papuntang {to}.',
  'notify.stageChangeBy': 'Nailipat si {who} ({campaign}) mula {from} papuntang {to} (ni {actor}).',
  'notify.candidateSubmitted': 'Bagong candidate si {who} mula sa {agency} para sa {campaign}.',
  'notify.someRecruiter': 'Isang recruiter',
  'notify.someAgency': 'Ang agency',
  'notify.replyHint.reply': 'Mag-reply sa message na ito para sumagot.',
  'notify.replyHint.thread': 'Mag-reply sa thread para sumagot.',
  'notify.replyHint.quote': 'I-quote ang message na ito sa reply mo (i-hover, … › Reply) para sumagot.',
  'notify.replyHint.button': 'Pindutin ang Reply sa ilalim ng message na ito para sumagot.',
  'notify.replyHint.none': 'Para sumagot, i-type: comment {ref} <comment mo>.',
  'notify.emailHint': 'Mag-link ng chat app para doon sumagot (buksan ulit ang invitation link, o magtanong sa admin mo): {url}',
  'notify.subject.recruiterComment': 'Bagong comment kay {who}',
  'notify.subject.agencyComment': 'Nag-comment ang {agency} kay {who}',
  'notify.subject.stageChange': '{who} ay nasa {to} na',
  'notify.subject.candidateSubmitted': 'Bagong candidate {who} mula sa {agency}',

  // disputes (issue 19): contesting a duplicate or blocked outcome, and deciding it
  'cmd.dispute':
    'i-dispute ang duplicate, blocked o already-in-system na resulta (ang S-… reference nito), kasama ang dahilan mo',
  'cmd.disputes': 'ang mga dispute, may filter ayon sa status, campaign at agency',
  'cmd.decide': 'magpasya sa dispute: panatilihin, o ilipat ang candidate sa agency na nag-dispute',
  'dispute.button': '⚖️ I-dispute',
  'dispute.askReason':
    'Bakit dapat maging candidate ng agency mo ang {ref}? I-type ang dahilan mo, hanggang {limit} character (o “cancel”). Babasahin ito ng mga owner ng employer at ng mga recruiter ng campaign.',
  'dispute.confirm':
    'Ang dispute mo sa {what} ({outcome}, {campaign}):\n{reason}\nEbidensya: {evidence}\n\nHawak ng ibang agency ang taong ito hanggang {date}. Ipapadala ko na ba ang dispute? Puwede ka munang magpadala ng file bilang ebidensya (PDF, Word, JPEG o PNG, hanggang {mb} MB), o mag-type ng ibang dahilan para palitan ito.',
  'dispute.noEvidence': 'wala',
  'dispute.send': 'Ipadala ang dispute',
  'dispute.cancel': 'Kanselahin',
  'dispute.evidenceAdded': '📎 Naka-attach na ang {file} bilang ebidensya.',
  'dispute.evidenceType':
    'Ang ebidensya ay puwedeng PDF, Word file (DOCX), JPEG o PNG. Magpadala ng isa sa mga iyon, o pindutin ang Ipadala ang dispute nang walang file.',
  'dispute.evidenceTooLarge':
    'Lampas sa {mb} MB ang file na iyan. Magpadala ng mas maliit, o pindutin ang Ipadala ang dispute nang walang file.',
  'dispute.downloadFailed': 'Hindi ko makuha ang file na iyan. Ipadala ulit, o pindutin ang Ipadala ang dispute nang wala ito.',
  'dispute.sent':
    '⚖️ Naipadala na ang dispute {dispute}. Ang mga owner ng employer at ang mga recruiter ng campaign ang magpapasya: mananatili ang tao sa kasalukuyang may hawak, o magiging candidate ito ng agency mo na may bagong ownership window mula sa araw na iyon. Sasabihan kita dito, kasama ang dahilan nila.',
  'dispute.cancelled': 'Hindi na itinuloy ang dispute: walang naipadala.',
  'dispute.limit': 'Hanggang {limit} character lang ang dahilan; {length} ang sa iyo. Paikliin at ipadala ulit.',
  'dispute.uphold': 'Panatilihin',
  'dispute.transfer': 'Ilipat',
  'dispute.askDecisionReason.uphold':
    'Panatilihin ang {dispute}: mananatili ang candidate sa kasalukuyang may hawak. I-type ang dahilang babasahin ng agency na nag-dispute (o “cancel”).',
  'dispute.askDecisionReason.transfer':
    'Ilipat ang {dispute}: magiging candidate ito ng {agency}, na may bagong ownership window mula ngayon. I-type ang dahilang babasahin ng agency (o “cancel”).',
  'dispute.decided.uphold':
    '⚖️ Pinanatili ang {dispute}: hawak pa rin ng {owner} si {who} hanggang {date}. Sinabihan na ang {agency}, kasama ang dahilan mo.',
  'dispute.decided.transfer':
    '⚖️ Inilipat ang {dispute}: kay {agency} na si {who}, hanggang {date}. Sinabihan na ang {agency}, kasama ang dahilan mo.',
  'dispute.alreadyDecided': 'Napagpasyahan na ang {dispute}: {status} ni {actor} noong {date}.',
  'dispute.field.status': 'Status',
  'dispute.field.agency': 'Agency na nag-dispute',
  'dispute.field.owner': 'Hawak ng',
  'dispute.field.opened': 'Binuksan noong',
  'dispute.field.reason': 'Dahilan',
  'dispute.field.evidence': 'Ebidensya',
  'dispute.field.decision': 'Pasya',
  'dispute.decisionLine': '{status} ni {actor} noong {date}: {reason}',
  'disputes.title': 'Mga dispute',
  'disputes.allStatuses': 'lahat ng status',
  'disputes.summary.one': '{count} dispute, pinakabago muna',
  'disputes.summary.other': '{count} na dispute, pinakabago muna',
  'disputes.empty': 'Walang dispute dito. Kasama ang mga napagpasyahan na sa “disputes status:all”.',
  'disputes.versus': '{agency} laban sa {owner}',
  'disputes.status.OPEN': 'Bukas',
  'disputes.status.UPHELD': 'Pinanatili',
  'disputes.status.TRANSFERRED': 'Inilipat',
  'disputes.badStatus': 'Hindi status ng dispute ang “{word}”. Gamitin ang open, upheld, transferred o all (hal. status:open).',
  'which.asReason': 'Gamitin ang “{text}” bilang dahilan',
  'which.disputeKept': 'Bukas pa ang dispute mo sa {ref}: i-type ang dahilan mo, o “cancel”.',
  'which.disputeDropped': 'Hindi na itinuloy ang sinimulan mong dispute sa {ref}; walang naipadala.',
  'which.decideKept': 'Hinihintay ko pa ang dahilan mo sa {dispute}: i-type ito, o “cancel”.',
  'which.decideDropped': 'Hindi na itinuloy ang pasya mo sa {dispute}; walang nagbago.',
  'notify.disputeOpened':
    '⚖️ Dispute {dispute}: dini-dispute ng {agency} ({actor}) ang resultang {outcome} nila para kay {who} ({campaign}), na hawak ng {owner}.',
  'notify.disputeReason': 'Ang dahilan nila: {reason}',
  'notify.disputeEvidence': 'May naka-attach na ebidensya: {file}',
  'notify.disputeDecideHint':
    'Pindutin ang Panatilihin o Ilipat, o i-type ang “decide {dispute} uphold” o “decide {dispute} transfer” kasama ang dahilan mo.',
  'notify.disputeUpheld':
    '⚖️ Pinanatili ang dispute mo {dispute} sa {what}: hawak pa rin ng ibang agency ang taong ito hanggang {date}; puwede mo ulit siyang i-submit pagkatapos ng araw na iyon.\nDahilan: {reason}',
  'notify.disputeTransferred':
    '⚖️ Pumabor sa iyo ang dispute mo {dispute} sa {what}: candidate na ng agency mo si {ref}, hanggang {date}.\nDahilan: {reason}',
  'notify.subject.disputeOpened': 'Dispute {dispute} mula sa {agency}',
  'notify.subject.disputeDecided': 'Napagpasyahan na ang dispute mo {dispute}',
  // to the agency that held the candidate, after a transfer away from it
  'notify.disputeLost':
    '⚖️ Hindi na candidate ng agency mo si {ref} {name}: pinaboran ng employer ang ibang agency sa isang dispute ({dispute}). Nasa listahan mo pa rin ang submission mo. Kung may tanong ka, banggitin ang {dispute} sa employer.',
  'notify.subject.disputeLost': 'Hindi na candidate ng agency mo si {ref}',
  // disputes of the employer's own record (issue 19, ALREADY_IN_SYSTEM) and the dispute services' refusals
  'dispute.confirm.employer':
    'Ang dispute mo sa {what} ({outcome}, {campaign}):\n{reason}\nEbidensya: {evidence}\n\nNasa employer na ang taong ito mula sa ibang source. Ipapadala ko na ba ang dispute? Puwede ka munang magpadala ng file bilang ebidensya (PDF, Word, JPEG o PNG, hanggang {mb} MB), o mag-type ng ibang dahilan para palitan ito.',
  'dispute.decided.upholdEmployer':
    '⚖️ Pinanatili ang {dispute}: mananatili si {who} sa sariling record ng employer; walang agency na may hawak sa kanya. Sasabihan ang {agency}, kasama ang dahilan mo.',
  'disputes.employerRecord': 'ang sariling record ng employer',
  'disputes.employerRecordDetail': 'ang sariling record ng employer ({source}, ATS id {id})',
  // where the employer's own record came from (POST /api/v1/candidates' source)
  'disputes.source.DIRECT': 'direct applicant',
  'disputes.source.REFERRAL': 'referral',
  'disputes.source.VENDOR': 'ibang vendor',
  'disputes.source.OTHER': 'ibang source',
  'notify.disputeUpheld.employer':
    '⚖️ Pinanatili ang dispute mo {dispute} sa {what}: nasa employer na ang taong ito mula sa ibang source, kaya hindi siya magiging candidate ng agency mo.\nDahilan: {reason}',
  'svc.zod.disputeReason': 'Sabihin kung bakit: kailangan ng dahilan ang dispute.',
  'svc.zod.decisionReason': 'Sabihin kung bakit: kailangan ng dahilan ang pasya.',
  'svc.zod.reasonLong': 'Hanggang 2,000 character lang ang dahilan; paikliin ito.',
  'svc.zod.disputeDecision': 'Pumili ng uphold (walang magbabago) o transfer (sa agency na nag-dispute).',
  'svc.dispute.notYours':
    'Walang submission na {ref} ang agency mo. I-type ang “candidates outcome:duplicate”, “candidates outcome:insystem” o “candidates outcome:blocked” para makita ang mga puwede mong i-dispute.',
  'svc.dispute.badRef':
    'Hindi reference ng submission ang “{ref}”. Ganito ang itsura nito: S-1a2b3c4d, gaya ng nasa mga listahan mo.',
  'svc.dispute.blockedSame':
    'Na-block ang {ref} dahil kamakailan lang itong in-submit ng sarili mong agency: walang ibang agency na dapat i-dispute.',
  'svc.dispute.notDisputable':
    'Hindi duplicate, blocked o already-in-system na submission ang {ref}, kaya walang ma-dispute: ang mga resultang iyon lang ang puwedeng i-dispute.',
  'svc.dispute.tooOld':
    'Na-block ang {ref} bago pa itinatago ang mga dispute: i-submit ulit ang tao, at i-dispute ang resultang iyon.',
  'svc.dispute.yoursNow': 'Hawak na ng agency mo ang candidate na ito, kaya walang ma-dispute sa {ref}.',
  'svc.dispute.open': 'May bukas nang dispute ang {ref}, ang {dispute}. Sasabihan kita rito kapag napagpasyahan na.',
  'svc.dispute.openRace': 'May bukas nang dispute ang {ref}. Sasabihan kita rito kapag napagpasyahan na.',
  'svc.dispute.recordSuperseded':
    'Hindi na hawak ng record ng employer ang tao sa {ref}: ibinigay siya ng isang dispute sa isang agency. I-submit ulit para makita ang kalagayan niya.',
  'svc.dispute.none': 'Walang dispute na {dispute}. I-type ang “disputes” para sa listahan.',
  'svc.dispute.decided': 'Napagpasyahan na ang {dispute}. I-type ang “disputes status:all” para makita ang pasya.',
  'svc.dispute.recordTransferred':
    'Hindi maililipat ang {dispute}: naibigay na ng ibang dispute ang taong ito sa isang agency. I-uphold na lang ito, kasama ang dahilan mo.',
  'svc.dispute.agencyHoldsNow':
    'Hindi maililipat ang {dispute}: may agency nang may hawak sa taong ito ngayon (hindi na ang record ng employer ang nauna). I-uphold na lang ito, kasama ang dahilan mo.',
  'svc.dispute.notYourCampaign':
    'Hindi ka nagre-recruit para sa campaign na iyan. I-type ang “disputes” para sa mga dispute ng campaigns mo.',
  'svc.dispute.noEvidence': 'Walang kasamang file na ebidensya ang {dispute}. Nasa dispute mismo ang dahilan nito.',
  // mga dispute ng block dahil sa sariling record ng employer (issue 19), at ang pagtanggi ng digest
  'svc.dispute.recordNoPhone':
    'Hindi maililipat ang {dispute}: walang phone ang record ng employer sa taong ito ({id}), at kailangan ng candidate ng agency ang phone at email. I-uphold ito kasama ang dahilan mo; kung dapat sa agency ang tao, gawing flag ang rule ng campaign para sa kanila (rule campaign:"Pangalan" direct:flag): maitatala na ang susunod nilang submission kasama ang mga detalye, at puwede itong i-dispute at ilipat.',
  'svc.dispute.recordNoEmail':
    'Hindi maililipat ang {dispute}: walang email ang record ng employer sa taong ito ({id}), at kailangan ng candidate ng agency ang phone at email. I-uphold ito kasama ang dahilan mo; kung dapat sa agency ang tao, gawing flag ang rule ng campaign para sa kanila (rule campaign:"Pangalan" direct:flag): maitatala na ang susunod nilang submission kasama ang mga detalye, at puwede itong i-dispute at ilipat.',
  'svc.digest.agencyOnly':
    'Ang daily digest ay para sa mga agency user at admin. Sinasabihan agad ang mga owner at recruiter ng mga bagong candidate, comment at dispute; i-type ang “help” para sa mga command mo.',

  // users and agencies
  'users.title': 'Mga User',
  'users.summary.one': '{count} user',
  'users.summary.other': '{count} user',
  'users.empty': 'Walang tugmang user. Subukan ang “users” nang walang filter.',
  'users.role': 'Role',
  'users.status': 'Status',
  'users.agency': 'Agency',
  'users.country': 'Bansa',
  'users.channels': 'Mga chat channel',
  'users.since': 'Mula noong',
  'roleName.OWNER': 'Owner',
  'roleName.AGENCY_ADMIN': 'Agency admin',
  'roleName.AGENCY_USER': 'Agency user',
  'roleName.RECRUITER': 'Recruiter',
  'statusName.INVITED': 'Na-invite',
  'statusName.ACTIVE': 'Active',
  'statusName.DISABLED': 'Naka-disable',
  'users.agencyDisabled': '{status}, naka-disable ang agency: walang access',
  'users.cannotDisable': '{reason} I-type ang “help” para makita ang puwede mong gawin.',
  'users.notFound': 'Walang user na “{who}” sa mga user na nakikita mo. I-type ang “users” para ilista sila.',
  'users.otherAgency': 'Ang users lang ng sarili mong agency ang puwede mong ilista. I-type ang “users” para makita ang sa iyo.',
  'users.button.rename': 'Palitan ang pangalan',
  'users.button.disable': 'I-disable',
  'users.button.enable': 'I-enable',
  'users.renameAsk': 'I-type ang bagong pangalan ni {user} (o “cancel”).',
  'users.renamed': 'Napalitan ang pangalan: {user}.',
  'users.disableAsk':
    'I-disable si {user}? Mawawala ang access niya sa susunod niyang message at hindi na itutuloy ang anumang sinimulan niya.',
  'users.disabled': 'Naka-disable na si {user}. I-type ang “enable” kasama ang email niya para i-undo.',
  'users.enabled': 'Naka-enable na ulit si {user}.',
  'confirm.yes': 'Oo, i-disable',
  'confirm.no': 'Hindi, panatilihin',
  'confirm.kept': 'Walang nagbago.',
  'confirm.expected': 'Paki-sagot ng oo o hindi: i-disable si {what}?',
  'deliveries.title': 'Mga hindi naipadala',
  'deliveries.empty': 'Walang hindi naipadala: nakarating ang bawat notification sa chat o inbox nito.',
  'deliveries.item': '{kind} para kay {recipient} sa {channel}',
  'deliveries.detail': '{when} · {tries} subok · {error}',
  'deliveries.retried.one':
    'Sine-send ulit ang {count} delivery na pumalya (isa pang round ng tries). I-type ang `deliveries` mamaya para makita kung pumalya pa rin.',
  'deliveries.retried.other':
    'Sine-send ulit ang {count} delivery na pumalya (isa pang round ng tries). I-type ang `deliveries` mamaya para makita kung alin ang pumalya pa rin.',
  'deliveries.nothingToRetry': 'Walang hindi naipadala na kailangang ipadala ulit.',
  'agencies.title': 'Mga Agency',
  'agencies.users.one': '{count} user',
  'agencies.users.other': '{count} user',
  'agencies.empty': 'Wala pang agency.',
  'agencies.disableAsk': 'I-disable ang agency na {agency}? Mawawalan ng access ang bawat user nito sa susunod nilang message.',
  'agencies.disabled.one': 'Naka-disable na ang agency na {agency}; wala nang access ang {count} user nito.',
  'agencies.disabled.other': 'Naka-disable na ang agency na {agency}; wala nang access ang {count} user nito.',
  'agencies.enabled': 'Naka-enable na ulit ang agency na {agency}.',

  // invitations
  'invite.badRole': 'Hindi role ang “{role}”. Gamitin ang isa sa: agency_user, agency_admin, recruiter, owner.',
  'invite.needAgency':
    'Kailangan ng agency ang mga agency role: idagdag ang pangalan nito, hal. invite juan@example.com agency_user Bright Staffing.',
  'invite.created':
    'Handa na ang invitation para kay {email} ({role}). I-send sa kanya ang link na ito: {url}\nSa chat app, puwede rin niyang i-send: link {token}\nIsang beses lang ito gagana, hanggang {until}. Kapag in-invite ulit ang parehong email, papalitan ito.',
  'email.invite.subject': 'Ang invitation mo sa Endorse',
  'email.invite.hello': 'Hello,',
  'email.invite.helloName': 'Hi {name},',
  'email.invite.byYou': 'In-invite ka ni {inviter} sa Endorse bilang {role}.',
  'email.invite.you': 'Naka-invite ka sa Endorse bilang {role}.',
  'email.invite.open': 'Buksan ang link na ito para i-connect ang chat app mo (Slack, Microsoft Teams, Telegram o ang web chat):',
  'email.invite.until': 'Isang beses lang gagana ang link, hanggang {until}. Kung expired na, humingi ng bagong invitation.',
  'email.invite.ignore': 'Kung hindi mo inaasahan ang email na ito, huwag na itong pansinin.',
  'email.invite.accept': 'Tanggapin ang invitation',
  'email.invite.copy': 'O kopyahin ang link na ito:',
  'invite.role.OWNER': 'owner',
  'invite.role.AGENCY_ADMIN': 'agency admin',
  'invite.role.AGENCY_USER': 'agency recruiter',
  'invite.role.RECRUITER': 'recruiter',
  'invite.roleAt': '{role} ng {agency}',
  'invite.askName': 'Anong pangalan ang dapat makita ng mga kasamahan mo (hal. Juan Dela Cruz)?',
  'invite.nameSet': 'Salamat, {name}: iyan ang pangalang nakikita ng mga kasamahan mo.',

  // the web chat page, the invitation page and the web chat's HTTP errors (issue 20, i18n-2)
  // what a person fills in, in the help's usage lines (the command words stay English)
  'usage.namePhoneEmail': 'pangalan phone email',
  'usage.search': 'hanapin',
  'usage.code': 'code mula sa invitation mo',
  'usage.text': 'ang comment mo',
  'usage.reason': 'dahilan mo',
  'usage.newName': 'Bagong Pangalan',
  'usage.agencyName': 'Pangalan ng Agency',
  'usage.name': 'Pangalan',
  'web.page': 'Page {page} ng {count}',
  'render.open': 'Buksan',
  'render.choose': 'Pumili…',
  'render.cancel': 'I-cancel',
  'render.fileHint': '📎 PDF, DOCX o picture, hanggang {mb} MB: i-drop ang file sa chat na ito.',
  'web.title': 'Endorse — web chat',
  'web.signOut': 'Mag-sign out',
  'web.signIn.title': 'Mag-sign in sa web chat',
  'web.signIn.how': 'Buksan ang invitation link sa email mo at piliin ang “Buksan ang web chat”.',
  'web.signIn.demo': 'Demo: mag-sign in bilang',
  'web.signIn.ended':
    'Natapos na ang web chat session mo (nag-restart ang server o nag-expire ang session). Mag-sign in ulit: buksan ang invitation link sa email mo at piliin ang “Buksan ang web chat”.',
  'web.signIn.endedDemo': 'O pumili ng user sa ibaba.',
  'web.conversation': 'Usapan kasama ang Endorse',
  'web.messages': 'Mga message',
  'web.notLinked': 'Hindi pa naka-link',
  'web.hint': 'I-type ang help para makita ang puwede mong gawin.',
  'web.hint.submit':
    'I-type ang help para makita ang puwede mong gawin, submit para mag-submit ng candidate, o mag-attach ng resume gamit ang clip.',
  'web.input.label': 'Message',
  'web.input.placeholder': 'I-type ang help',
  'web.input.placeholderSubmit': 'I-type: help o submit',
  'web.input.placeholderReply': 'I-type ang reply mo',
  'web.send': 'I-send',
  'web.sending': 'Sine-send…',
  'web.attach': 'Mag-attach ng resume',
  'web.attach.title': 'Mag-attach ng resume (PDF, DOCX o picture)',
  'web.attachFile': 'Mag-attach ng file ({types}, hanggang {mb} MB)',
  // the kinds of file a file request takes, listed by the page in its reader's words
  'web.accept.pdf': 'PDF',
  'web.accept.docx': 'Word (.docx)',
  'web.accept.image': 'larawan (JPEG, PNG)',
  'web.uploading': 'Ina-upload ang {name}…',
  'web.tooLong': 'Hanggang {max} characters lang ang isang message; {count} ang sa iyo. Paikliin at i-send ulit.',
  'web.counter.tooLong': 'masyadong mahaba para i-send',
  'web.replyingTo': 'Sumasagot sa: {excerpt}',
  'web.replyCancel': 'I-cancel ang reply',
  'web.replyTo': 'Sagot sa: {excerpt}',
  'web.earlierMessage': 'isang naunang message',
  'web.reply': 'Reply',
  'web.reply.aria': 'Sagutin ang message na ito',
  'web.you': 'Ikaw:',
  'web.bot': 'Endorse:',
  'web.open': 'Buksan',
  'web.open.aria': 'Buksan ang {title}',
  'web.choose': 'Pumili…',
  'web.formSent': 'Na-send ang form.',
  'web.unsupported': '(Hindi maipapakita rito ang message na ito.)',
  'web.icon.done': 'Tapos:',
  'web.icon.note': 'Paalala:',
  'web.icon.stopped': 'Itinigil:',
  'web.icon.comment': 'Comment:',
  'web.icon.file': 'File:',
  'web.error.generic': 'May nagka-problema; subukan ulit.',
  'web.error.status': 'Sumagot ang server ng {status}. Subukan ulit mamaya-maya.',
  'web.error.notSignedIn':
    'Hindi ka pa naka-sign in sa web chat. Buksan ang invitation link sa email mo at piliin ang “Buksan ang web chat” (o, sa demo, pumili ng user sa “Mag-sign in bilang” sa /chat).',
  'web.error.fileTooLarge': 'Masyadong malaki ang file na iyan. Hanggang {mb} MB lang ang puwede.',
  'web.error.fileEmpty': 'Walang laman ang file na iyan. I-attach ulit.',
  'web.error.tooManyFiles':
    'Nakapag-send ka na ng {count} files sa huling {minutes} min, ang pinakamaraming tinatanggap ng web chat. Subukan ulit pagkalipas ng {wait} min.',
  'web.error.filesWaiting':
    'May {count} files ka ({mb} MB) na hinihintay pang mabasa, ang pinakamaraming hawak ng web chat para sa iyo. Maghintay ng isang minuto hanggang mabasa ang mga iyon, saka i-attach ulit ito.',
  'web.error.badJson': 'Hindi valid na JSON ang body ng request.',
  'web.error.internal': 'May nagka-problema sa side namin; subukan ulit.',
  'web.error.demoOnly': 'Sa demo database lang puwedeng mag-sign in bilang demo user. Gamitin ang invitation link mo.',
  // what the services and the permission rules refuse, said to the person (issue 20, i18n-2)
  'svc.accountNotFound': 'Hindi makita ang account mo. Humingi ng bagong invitation sa owner o sa agency admin mo.',
  'svc.agencyExists': 'May agency nang “{name}” ang pangalan.',
  'svc.noAgencyNamed': 'Walang agency na “{name}”. I-list ang mga agency para makita ang mga pangalan nila.',
  'svc.noSuchAgency': 'Walang ganoong agency. I-list ang mga agency para makita ang mga pangalan nila.',
  'svc.campaignExists': 'May campaign nang “{name}” ang pangalan. Pumili ng ibang pangalan.',
  'svc.onlyRecruiters': 'Mga recruiter lang ang puwedeng i-assign sa campaign.',
  'svc.noSuchCampaign': 'Walang ganoong campaign. I-list ang mga campaign para makita ang mga id nila.',
  'svc.noCandidateShort': 'Walang candidate na {ref}.',
  'svc.noResume': 'Na-submit ang {ref} nang walang resume.',
  'svc.noCandidate': 'Walang candidate na {ref}. I-check ang reference sa listahan mo.',
  'svc.candidateTransferred': 'Hindi na sa agency mo ang {ref}: ibinigay ng employer ang tao sa ibang agency sa dispute {dispute}. Banggitin ang {dispute} sa employer kung may tanong ka.',
  'svc.alreadyAtStage': 'Nasa {stage} na ang {ref}.',
  'svc.notYourCampaign': 'Hindi ka nagre-recruit para sa campaign na iyan. I-type ang “candidates” para sa mga campaign mo.',
  'svc.fileGone': 'Wala na ang file na iyan. I-send ulit.',
  'svc.agencyDisabledInvite': 'Naka-disable ang agency na iyan. I-enable muna bago mag-invite ng users dito.',
  'svc.alreadyHasAccess': 'May access na si {email}. Walang kailangang i-send.',
  'svc.userDisabledInvite': 'Naka-disable si {email}. I-enable ang user sa halip na i-invite ulit.',
  'svc.disabledNameStays': 'Naka-disable ang access mo, kaya hindi mababago ang pangalan mo.',
  'svc.redeemRateLimited':
    'Masyadong maraming invalid na invitation code. Maghintay ng 15 minuto, saka i-paste ulit ang link mula sa email mo.',
  'svc.inviteInvalid':
    'Hindi valid ang invitation code na iyan. Kopyahin ang buong link mula sa invitation email mo, o humingi ng bago.',
  'svc.inviteUsed':
    'Nagamit na ang invitation na iyan. Kung hindi ikaw iyon, sabihan ang admin mo; kung ikaw, nakapasok ka na: i-type ang help.',
  'svc.inviteReplaced': 'Napalitan na ng mas bago ang invitation na iyan. Gamitin ang link sa pinakahuling invitation email mo.',
  'svc.inviteExpired':
    'Expired na ang invitation na iyan. Hilingin sa admin mo na i-invite ka ulit; 7 araw gumagana ang bagong link.',
  'svc.inviteUserDisabled': 'Naka-disable ang access mo. Kausapin ang agency admin mo o ang owner ng Endorse.',
  'svc.inviteUsedHelp': 'Nagamit na ang invitation na iyan. I-type ang help para makita ang puwede mong gawin.',
  'svc.identityTaken':
    'Naka-link na ang chat account na ito sa ibang Endorse user. Gumamit ng ibang account, o hilingin sa owner na i-unlink ito.',
  'svc.campaignNotOpen': 'Hindi bukas sa agency mo ang campaign na iyan. Pumili sa mga bukas na campaign na nakalista.',
  'svc.noUserNamed': 'Walang user na “{name}”. I-list ang mga user para mahanap ang tama.',
  'svc.noSuchUser': 'Walang ganoong user. I-list ang mga user para mahanap ang tama.',
  'svc.notAcceptedYet': 'Hindi pa tinatanggap ng user na iyan ang invitation; i-send ulit gamit ang invite.',
  'svc.demoOnly': 'Ang mga demo user lang ang puwedeng pag-sign in-an. Ang iba ay kailangan ng invitation link.',
  'svc.zod.agencyName': 'Kailangan ng kahit 2 characters ang pangalan ng agency.',
  'svc.zod.country': 'Ang country ay 2-letter code, gaya ng PH.',
  'svc.zod.campaignName': 'Kailangan ng kahit 2 characters ang pangalan ng campaign.',
  'svc.zod.windowMin': 'Kahit 1 buwan ang window.',
  'svc.zod.windowMax': 'Hanggang 60 buwan lang ang window.',
  'svc.zod.commentEmpty': 'Hindi puwedeng walang laman ang comment.',
  'svc.zod.stage': 'Isa sa NEW, SCREENING, INTERVIEW, OFFER, HIRED, REJECTED, WITHDRAWN ang stage.',
  'svc.zod.role': 'Isa sa OWNER, AGENCY_ADMIN, AGENCY_USER, RECRUITER ang role.',
  'svc.zod.nameEmpty': 'Hindi puwedeng walang laman ang pangalan.',
  'deny.disabled': 'Naka-disable ang access mo. Hilingin sa agency admin mo o sa owner ng Endorse na i-restore ito.',
  'deny.submit':
    'Agency users lang ang nagsu-submit ng mga candidate. Kung kailangan mo, hilingin sa owner na i-invite ka sa isang agency.',
  'deny.agencyPool':
    'Para sa agency admins (ng sarili nilang agency) at owners ang Agency Pool. Gamitin ang Mga Candidate Ko para sa mga na-submit mo.',
  'deny.recruiterList': 'Para sa mga recruiter ng employer ang listahang iyan. I-type ang “candidates” para sa mga na-submit mo.',
  'deny.otherAgencyCandidate': 'Hindi sa agency mo ang candidate na iyan.',
  'deny.notYourCandidate': 'Ang mga candidate lang na ikaw ang nag-submit ang puwede mong buksan.',
  'deny.stage': 'Ang mga recruiter lang ng employer ang nagpapalit ng stage ng candidate.',
  'deny.manageUsers': 'Owners at agency admins lang ang nagma-manage ng users.',
  'deny.viewOtherAgency': 'Users lang ng sarili mong agency ang puwede mong tingnan.',
  'deny.ownAccess': 'Hindi mo puwedeng palitan ang sarili mong access. Hilingin ito sa ibang admin o sa owner.',
  'deny.manageOtherAgency': 'Users lang ng sarili mong agency ang puwede mong i-manage.',
  'deny.manageAdmins': 'Agency users lang ang mina-manage ng agency admins; tungkol sa ibang admin, magtanong sa owner.',
  'deny.needAgency': 'Kailangan ng agency ang agency roles: ilagay ito sa invitation.',
  'deny.noAgency': 'Walang agency ang owners at recruiters: huwag nang ilagay ang agency.',
  'deny.inviteRole': 'Agency users lang ang ini-invite ng agency admins; para sa ibang role, magtanong sa owner.',
  'deny.inviteOtherAgency': 'Sa sarili mong agency lang puwedeng mag-invite ng users.',
  'deny.invite': 'Owners at agency admins lang ang nagpapadala ng invitations.',
  'deny.ownerOnly': 'Mga owner lang ng Endorse ang puwedeng gumawa niyan.',
  'deny.registerExternal': 'Ang employer lang ang nagre-register ng mga kandidato mula sa ibang pinagmulan.',
  'deny.disputeAgencyOnly': 'Ang agency lang na nag-submit ang puwedeng mag-dispute ng resulta nito.',
  'deny.disputeOtherAgency': 'Hindi submission ng agency mo iyan: ang agency lang na gumawa nito ang puwedeng mag-dispute.',
  'deny.decideCampaign': 'Ang mga owner at recruiter lang ng campaign ng dispute na iyan ang magpapasya rito.',
  'deny.decide': 'Ang mga owner at recruiter lang ng campaign ang nagpapasya sa mga dispute.',
  'deny.disputeList':
    'Para sa mga owner at recruiter ang listahan ng dispute. Sasabihan ka sa chat kapag napagpasyahan na ang dispute mo.',

  'invitePage.title': 'Ang invitation mo sa Endorse',
  'invitePage.welcome': 'Welcome sa Endorse',
  'invitePage.welcomeName': 'Welcome sa Endorse, {name}',
  'invitePage.invitedAs': 'Inimbitahan ka bilang {role}. Piliin ang chat app kung saan mo gagamitin ang Endorse:',
  'invitePage.invited':
    'Inimbitahan ka para mag-submit at sumubaybay ng mga candidate mula sa chat app mo. Piliin kung saan mo ito gagamitin:',
  'invitePage.none': 'Wala pang naka-configure na chat channel. Itanong sa admin mo kung paano maaabot ang Endorse.',
  'invitePage.once':
    'Isang beses lang gumagana ang link at nag-e-expire ito; kung expired na, hilingin sa admin mo na imbitahan ka ulit.',
  'invitePage.openIn': 'Buksan sa {app}',
  'invitePage.openWeb': 'Buksan ang web chat',
  'invitePage.web': 'Web chat',
  'invitePage.how.TELEGRAM': 'Buksan ang link sa Telegram at pindutin ang Start; ili-link ng @{bot} ang account mo.',
  'invitePage.how.SLACK': 'I-send ang message na ito sa Endorse app sa Slack:',
  'invitePage.how.TEAMS': 'I-send ang message na ito sa Endorse bot sa Teams:',
  'invitePage.how.WEB': 'Buksan ang Endorse sa browser mo.',
  'invitePage.crossSite': 'Buksan mismo ang invitation link at pindutin doon ang button.',
  'invitePage.bad.title': 'Kulang ang invitation link',
  'invitePage.bad.heading': 'Hindi kumpleto ang link na iyan',
  'invitePage.bad.text': 'Kopyahin ang buong link mula sa invitation email mo, o humingi ng bago sa admin mo.',
};
