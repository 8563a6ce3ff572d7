import type { MessageKey } from './en';

/**
 * Brazilian Portuguese as recruiters write it (você, “currículo”, “vaga”/“campanha”). Command
 * words in quotes stay English: they are what the bot understands and what the menus list.
 */
export const ptBR: Record<MessageKey, string> = {
  // the app
  'app.name.full': 'Endorse — portal das agências',
  'app.description.short': 'Indique candidatos ao empregador e acompanhe cada um pelo chat.',
  'app.description.full':
    'O Endorse é o portal das agências do nosso sistema de recrutamento. Indique candidatos com o currículo, receba na hora a verificação de duplicidade, consulte Meus candidatos e o Banco da agência, leia e responda aos comentários dos recrutadores e gerencie os usuários da sua agência, tudo num chat privado com o bot. O acesso é por convite: para começar, envie `link <código>` com o código do seu e-mail de convite.',

  // access
  'access.unknown':
    'Olá! O Endorse funciona só por convite. Abra o link do seu e-mail de convite ou envie “link <código>” com o código que está nele. Ainda não tem convite? Peça ao administrador da sua agência.',
  'access.disabled':
    'Seu acesso ao Endorse foi desativado, então não consigo ajudar aqui. Peça ao administrador da sua agência ou ao responsável pelo Endorse para reativá-lo.',
  'access.agencyDisabled':
    'O acesso da sua agência ao Endorse foi desligado, então não consigo ajudar por aqui. Fale com o owner do Endorse no empregador (o seu contato lá) para restabelecê-lo.',
  'access.welcome': 'Boas-vindas ao Endorse, {name}! Seu chat agora está vinculado.',

  'access.welcomeNoName': 'Boas-vindas ao Endorse! Seu chat já está vinculado.',
  // home
  'home.title': 'Endorse — olá, {name}',
  'home.added': '✅ Novos',
  'home.previouslySubmitted': '↩️ Já indicados',
  'home.duplicate': '⛔ Duplicados',
  'home.period': 'Meus candidatos, de {from} a {to}. Digite “help” em Mensagens para todo o resto.',
  'home.periodCampaigns':
    'Candidatos das suas campanhas, {from} – {to}. Digite “candidates” em Mensagens para ver a lista e “help” para todo o resto.',
  'home.submit': '📝 Indicar um candidato',

  // help
  'help.title': 'Veja o que você pode fazer:',
  'help.footer': 'Digite um comando, por exemplo “submit”. “cancel” interrompe o que você começou.',
  'help.footer.recruiter':
    'Digite um comando, por exemplo “candidates” para ver os candidatos das suas campanhas. “cancel” interrompe o que você começou.',
  'help.footer.owner':
    'Digite um comando, por exemplo “candidates” para ver os candidatos de todas as campanhas ou “rules” para as regras de duplicidade. “cancel” interrompe o que você começou.',
  'help.hello': 'Olá, {name}!',
  'cmd.help': 'mostra esta lista',
  'cmd.submit': 'indica um candidato, passo a passo',
  'cmd.cancel': 'interrompe o que você começou; nada pela metade fica salvo',
  'cmd.back': 'volta para a pergunta anterior',
  'cmd.candidates': 'Meus candidatos: o que você indicou, com busca e filtros',
  'cmd.candidates.recruiter': 'os candidatos das campanhas para as quais você recruta, com busca e filtros',
  'cmd.candidates.owner': 'os candidatos de todas as campanhas, com busca e filtros por campanha e agência',
  'cmd.pool': 'Banco da agência: tudo o que a sua agência indicou',
  'cmd.pool.owner': 'Banco da agência: tudo o que uma agência indicou (agency:"Nome"), ou todas as agências',
  'cmd.candidate': 'abre o perfil de um candidato',
  'cmd.comment': 'adiciona um comentário a um candidato',
  'cmd.stage': 'move um candidato para outra etapa',
  'cmd.users': 'lista os usuários, com busca e filtros',
  'cmd.user': 'abre um usuário',
  'cmd.rename': 'renomeia um usuário',
  'cmd.disable': 'desativa um usuário (pergunta antes)',
  'cmd.enable': 'reativa um usuário desativado',
  'cmd.rules': 'as regras de duplicidade: a padrão e a própria de cada campanha',
  'cmd.rule': 'define uma regra de duplicidade: a de uma campanha, ou a padrão sem campaign:',
  'cmd.agencies': 'lista as agências',
  'cmd.deliveries': 'notificações que não puderam ser entregues',
  'cmd.agency': 'desativa (pergunta antes) ou reativa uma agência inteira',
  'cmd.invite': 'convida alguém e mostra o link da pessoa',
  'cmd.start': 'vincula este chat com o código do seu convite',
  'cmd.campaigns': 'lista as campanhas para as quais você pode indicar',
  'cmd.campaigns.all': 'lista as campanhas, abertas e encerradas',
  'cmd.language': 'escolhe o idioma em que eu respondo',

  // language
  'language.confirm': 'Vou responder em {language}. Se preferir outro idioma, toque nele abaixo; “language” muda depois.',
  'language.ask': 'Em qual idioma você quer que eu responda?',
  'language.set': 'Pronto: vou responder em {language}.',

  // commands and errors
  'command.pointer': 'Não entendi. Digite “help” para ver o que você pode fazer, ou “submit” para indicar um candidato.',
  'command.pointer.employer':
    'Não entendi. Digite “help” para ver o que você pode fazer, ou “candidates” para ver os candidatos.',
  'command.unknown': 'Não existe o comando “{command}”. Digite “help” para ver o que você pode fazer.',
  'command.notAllowed': '“{command}” não está disponível para você. Digite “help” para ver o que você pode fazer.',
  'command.usage': 'Digite assim: {usage} — {help}.',
  'which.question': '“{text}” começa com o comando “{command}”. Você quis dizer o comando, ou é a sua resposta?',
  'which.asCommand': 'Executar “{command}”',
  'which.asName': 'Usar “{text}” como nome',
  'which.asCampaign': 'Usar “{text}” como campanha',
  'which.asComment': 'Publicar “{text}” como comentário',
  'which.confirmDropped': 'Deixei de lado a pergunta sobre {what}: nada foi alterado.',
  'which.wizardKept': 'Sua indicação continua aberta: responda à pergunta abaixo para seguir, ou digite “cancel”.',
  'which.wizardDropped': 'A indicação que você tinha começado foi descartada. Digite “submit” para começar de novo.',
  'which.commentKept': 'Seu comentário sobre {ref} continua aberto: digite-o, ou “cancel”.',
  'which.commentDropped': 'O comentário que você escrevia sobre {ref} foi descartado.',
  'which.renameKept': 'Ainda estou esperando o novo nome de {user}: digite-o, ou “cancel”.',
  'which.renameDropped': 'A mudança de nome de {user} foi descartada.',
  'action.stale': 'Esse botão é de algo que já terminou. Digite “help” para começar de novo.',
  'error.internal': 'Desculpe, algo deu errado do meu lado. Tente de novo daqui a pouco.',
  'error.busy': 'Esta conversa acabou de avançar em outra janela. Envie sua última mensagem de novo.',
  'error.forbiddenHint': 'Digite “help” para ver o que você pode fazer.',

  // cancel / back
  'cancel.nothing': 'Não há nada para cancelar. Digite “help” para ver o que você pode fazer.',
  'cancel.wizard': 'Cancelado. Nada foi indicado e nada ficou salvo. Digite “submit” para começar de novo.',
  'cancel.done': 'Cancelado.',
  'back.nothing': 'Não há para onde voltar. Digite “help” para ver o que você pode fazer.',
  'back.notHere': 'Aqui não há pergunta anterior. Digite “cancel” para parar.',
  'back.first': 'Esta é a primeira pergunta. Digite “cancel” para parar.',

  // wizard
  'wizard.start':
    'Vamos indicar um candidato. Digite “back” para mudar a resposta anterior ou “cancel” para parar a qualquer momento. Você também pode enviar o currículo primeiro, e eu preencho o que conseguir.',
  'wizard.startPrefilled':
    'Vamos indicar um candidato. Aproveitei o que você digitou; digite “back” para mudar uma resposta ou “cancel” para parar a qualquer momento.',
  'wizard.restarted': 'A indicação que você tinha começado foi descartada; aqui está uma nova.',
  'wizard.ask.name':
    'Qual é o nome completo do candidato (nome e sobrenome, ex.: Ana Souza)? Você também pode colar uma linha com nome, telefone e e-mail.',
  'wizard.ask.lastName': 'E o sobrenome de {first}?',
  'wizard.ask.phone': 'O telefone, com o código do país (ex.: +55 11 91234 5678)?',
  'wizard.ask.email': 'O e-mail?',
  'wizard.ask.campaign': 'Para qual campanha você está indicando?',
  'wizard.ask.resume': 'Envie o currículo (PDF, DOCX ou uma foto dele, até 10 MB), ou toque em Pular.',
  'wizard.noCampaigns':
    'No momento não há campanha aberta para a sua agência, então não há para onde indicar. Digite “cancel” e pergunte ao seu contato no Endorse quais campanhas vão abrir.',
  'wizard.bad.name': 'Um nome tem só letras (espaços, hifens e apóstrofos são aceitos), ex.: Ana Souza.',
  'wizard.bad.unclear': 'Não consegui usar essa resposta.',
  'wizard.bad.phone.empty': 'Digite um telefone com o código do país, ex.: {example}.',
  'wizard.bad.phone.missing_country_code':
    '“{input}” está sem o código do país. Comece o número com + e o código do país, ex.: {example}.',
  'wizard.bad.phone.invalid': '“{input}” não é um telefone que eu consiga usar. Digite com o código do país, ex.: {example}.',
  'wizard.bad.email': '“{input}” não é um e-mail. Digite assim: ana@example.com.',
  'wizard.bad.campaign': 'Essa não é uma das campanhas abertas. Toque em um dos botões ou digite o nome dela.',
  'wizard.resume.expected': 'Estou aguardando o arquivo do currículo.',
  'wizard.resume.none': 'nenhum',
  'wizard.resume.reading': '{file} (ainda lendo…)',
  'wizard.resume.failed': '{file} (não foi possível ler; não anexado)',
  'wizard.resume.stillReading':
    'Ainda estou lendo o currículo. Já já mostro o resumo; confirme nessa hora. Se nada aparecer, toque em Editar e escolha Currículo para seguir sem ele.',
  'wizard.confirm.expected': 'Toque em Confirmar para indicar, Editar para mudar algo, ou Cancelar.',
  'wizard.summary.title': 'Confira a indicação',
  'wizard.summary.text': 'Está tudo certo?',
  'wizard.button.confirm': 'Confirmar',
  'wizard.button.edit': 'Editar',
  'wizard.button.cancel': 'Cancelar',
  'wizard.button.skip': 'Pular',
  'wizard.edit.which': 'O que você quer mudar?',
  'wizard.gone': 'Essa indicação não está mais aberta. Digite “submit” para começar outra.',
  'form.title': 'Indicar um candidato',
  'form.text':
    'Anexe o currículo e deixe o resto em branco se quiser: eu preencho o que ele diz e mostro para você confirmar. O que ainda faltar, pergunto em seguida.',
  'form.submit': 'Revisar',
  'form.resumeHint': 'PDF, DOCX ou uma foto, até {mb} MB',

  // fields
  'field.name': 'Nome',
  'field.firstName': 'Nome',
  'field.lastName': 'Sobrenome',
  'field.phone': 'Telefone',
  'field.email': 'E-mail',
  'field.campaign': 'Campanha',
  'field.resume': 'Currículo',

  // outcomes
  'outcome.added': '✅ Novo candidato',
  'outcome.added.means': 'Ninguém indicou esta pessoa recentemente: {ref} agora é seu candidato.',
  'outcome.previous': '⚠️ Já indicado',
  'outcome.previous.means':
    'Sua agência já indicou esta pessoa recentemente ({ref}); esta indicação fica registrada nesse candidato.',
  'outcome.duplicate': '⛔ Duplicado',
  'outcome.duplicate.means': 'Outra agência indicou esta pessoa recentemente; sua indicação fica registrada e sinalizada.',
  'outcome.blocked': '⛔ Bloqueado pelas regras de duplicidade',
  'outcome.blocked.cross': 'Esta campanha não aceita uma pessoa que outra agência indicou recentemente, então nada foi criado.',
  'outcome.blocked.same': 'Esta campanha não aceita uma pessoa que sua agência já indicou recentemente, então nada foi criado.',

  'ownership.yours': 'Sua agência detém este candidato até {date}.',
  'ownership.another': 'Outra agência detém este candidato até {date}; você pode indicá-lo de novo depois dessa data.',
  // resume
  'resume.reading': 'Lendo o currículo… Já já mostro o que encontrei.',
  // resume images (issue 15): a picture is read by OCR, which takes longer
  'resume.readingImage':
    'É uma imagem (um escaneamento ou uma foto), então estou lendo letra por letra: isso demora um pouco mais, até um minuto.',
  'resume.read': 'Li {file}:',
  'resume.readFromImage':
    'Li {file} a partir de uma imagem (um escaneamento ou uma foto), então alguns dados podem ter sido lidos errado: confira cada campo abaixo.',
  'resume.notFound': 'não encontrado',
  'resume.correct': 'Se algo estiver errado, toque em Editar no resumo para mudar.',
  'resume.phoneAgencyCountry':
    '{phone} (impresso sem código do país; li com o país da sua agência, {country}: confira no resumo)',
  'resume.phoneDefaultCountry':
    '{phone} (impresso sem código do país; li com o país padrão deste portal, {country}, já que sua agência não tem um definido: confira no resumo)',
  'resume.phoneUnread': '“{printed}”, impresso sem código do país, então vou perguntar a você',
  'resume.conflict': 'O currículo diz {field} “{read}”, mas você digitou “{typed}”: mantive o que você digitou.',
  'resume.notForRole': 'Só usuários de agência indicam candidatos com currículo. Digite “help” para ver o que você pode fazer.',
  'resume.noChannel': 'Não consigo baixar arquivos neste canal. Digite os dados ou envie o currículo por outro canal.',
  'resume.downloadFailed': 'Não consegui baixar esse arquivo. Envie de novo, por favor.',
  'resume.error.TOO_LARGE':
    'Esse arquivo tem mais de {mb} MB, então não li. A indicação segue sem os dados do currículo; você pode enviar um PDF ou DOCX menor.',
  'resume.error.UNSUPPORTED_TYPE':
    'Esse arquivo não é um PDF, um documento do Word (DOCX) nem uma imagem (JPEG, PNG), então não consegui ler. A indicação segue sem os dados do currículo.',
  'resume.error.UNPACKED_TOO_LARGE':
    'Esse arquivo descompactado fica muito maior do que um currículo caberia, então não li. A indicação segue sem os dados do currículo; você pode enviar o currículo em PDF.',
  'resume.error.ENCRYPTED':
    'Esse PDF é protegido por senha, então não consegui ler. A indicação segue sem os dados do currículo; você pode enviar uma cópia sem proteção.',
  'resume.error.CORRUPT':
    'Esse arquivo parece estar corrompido, então não consegui ler. A indicação segue sem os dados do currículo; você pode exportar de novo e enviar a nova cópia.',
  'resume.error.NO_TEXT_LAYER':
    'Esse PDF só tem imagens (provavelmente um escaneamento), então não havia texto para ler. A indicação segue sem os dados do currículo.',
  'resume.error.TIMED_OUT': 'A leitura desse currículo demorou demais, então parei. A indicação segue sem os dados do currículo.',
  'resume.error.FAILED':
    'Não consegui ler esse currículo por um problema do meu lado. A indicação segue sem os dados do currículo.',

  // dashboards
  'dash.mine': 'Meus candidatos',
  'dash.pool': 'Banco da agência — {agency}',
  'dash.allAgencies': 'todas as agências',
  'dash.myCampaigns': 'Candidatos das minhas campanhas',
  'dash.allCampaigns': 'Candidatos de todas as campanhas',
  'dash.metrics':
    'Indicados nos últimos {days} dias ({from} – {to}): Novos {added} · Já indicados {previous} · Duplicados {duplicate}',
  'dash.metricsBeforeFilters':
    'Indicados nos últimos {days} dias ({from} – {to}), lista inteira antes dos filtros: Novos {added} · Já indicados {previous} · Duplicados {duplicate}',
  'dash.listed.one': '{count} indicação listada (qualquer data, mais recentes primeiro)',
  'dash.listed.other': '{count} indicações listadas (qualquer data, mais recentes primeiro)',
  'dash.matching.one': '{count} indicação encontrada (qualquer data, mais recentes primeiro)',
  'dash.matching.other': '{count} indicações encontradas (qualquer data, mais recentes primeiro)',
  'dash.resubmitted': 'mesmo candidato, adicionado pela primeira vez em {date}',
  'dash.submissionRef': 'S-{id}',
  'dash.blockedTitle': 'Indicação bloqueada (nenhum detalhe guardado)',
  'dash.blockedCross': 'outra agência indicou esta pessoa recentemente',
  'dash.blockedSame': 'sua agência indicou esta pessoa recentemente',
  'dash.empty': 'Ainda não há candidatos. Digite “submit” para indicar um.',
  'dash.emptyView': 'Ainda não há candidatos aqui. Novas indicações para estas campanhas aparecerão aqui.',
  'dash.unassigned':
    'Você ainda não recruta para nenhuma campanha, então não há candidatos para mostrar. Peça a um owner que atribua você às suas campanhas.',
  'dash.emptyFiltered': 'Nenhum candidato encontrado. Tente “candidates” sem filtros.',
  'dash.agencyOwnersOnly': 'Só owners e recrutadores filtram por agência. Digite “pool” para ver os candidatos da sua agência.',
  'dash.badStage': '“{word}” não é uma etapa. As etapas são: {stages} (por exemplo stage:screening).',
  'dash.badOutcome': '“{word}” não é um resultado. Use um destes: {words} (por exemplo outcome:duplicate).',
  'dash.badPeriod':
    '“{word}” não é um período. Informe quantos dias para trás a partir de hoje, de 1 a {max} (por exemplo period:90).',
  'dash.noCampaign': 'Não há nenhuma campanha “{name}” aqui. As campanhas são: {campaigns}.',
  'list.prev': '◀ Anterior',
  'list.next': 'Próxima ▶',
  'rules.title': 'Regras de duplicidade',
  'rules.howToSet':
    'Uma indicação que coincide com um candidato indicado dentro do prazo é registrada e sinalizada, ou bloqueada. Mude uma com, por exemplo, rule campaign:"Nome" cross:block (sem campaign: a padrão).',
  'rules.global': 'Padrão (toda campanha sem regra própria)',
  'rules.builtIn': ' — embutida, ainda não definida',
  'rules.describe':
    '{months} meses · coincidência por {match} · coincidência com outra agência: {cross} · coincidência com a própria agência: {same}',
  'rules.match.PHONE': 'telefone',
  'rules.match.EMAIL': 'e-mail',
  'rules.match.EITHER': 'telefone ou e-mail',
  'rules.action.FLAG': 'registrar e sinalizar',
  'rules.action.BLOCK': 'bloquear',
  'rules.saved': 'Salvo. {campaign} agora segue a própria regra: {rule}.',
  'rules.savedGlobal': 'Salvo. Toda campanha sem regra própria agora segue: {rule}.',
  'rules.nothing':
    'Diga o que mudar, por exemplo rule campaign:"Nome" window:6 match:either cross:block same:flag (sem campaign: a padrão). Digite “rules” para vê-las.',
  'rules.bad.window': '“{word}” não é um prazo. Informe meses inteiros, de 1 a 60 (por exemplo window:6).',
  'rules.bad.match': '“{word}” não é algo para comparar. Use phone, email ou either (por exemplo match:either).',
  'rules.bad.action':
    '“{word}” não é algo que uma coincidência possa fazer. Use {option}:flag (registrar e sinalizar) ou {option}:block.',
  'campaigns.title': 'Campanhas',
  'campaigns.open': 'aberta',
  'campaigns.closed': 'encerrada',
  'campaigns.empty': 'No momento não há campanhas abertas para você.',

  // profile
  'profile.stage': 'Etapa',
  'profile.addedBy': 'Indicado por',
  'profile.addedOn': 'Indicado em',
  'profile.source': 'Origem',
  'platformName.WEB': 'chat web',
  'platformName.SLACK': 'Slack',
  'platformName.TEAMS': 'Microsoft Teams',
  'platformName.TELEGRAM': 'Telegram',
  'profile.resumeSummary': 'Resumo do currículo',
  'profile.education': 'Formação',
  'profile.experience': 'Experiência',
  'profile.comments': 'Comentários ({count}):',
  'profile.noComments': 'Ainda não há comentários.',
  'profile.button.comment': 'Comentar',
  'profile.button.stage': 'Mudar etapa',
  'comment.ask': 'Digite seu comentário sobre {ref}, com até {limit} caracteres (ou “cancel”).',
  'limit.comment': 'Comentários podem ter no máximo {limit} caracteres; o seu tem {length}. Encurte e envie de novo.',
  'comment.added': '💬 Comentário adicionado a {ref}.',
  'comment.replyAdded': '💬 Sua resposta foi adicionada como comentário em {ref}.',
  'stage.ask': 'Mover {ref} para qual etapa?',
  'stage.changed': '{ref} passou de {from} para {to}.',
  'stageName.NEW': 'Novo',
  'stageName.SCREENING': 'Triagem',
  'stageName.INTERVIEW': 'Entrevista',
  'stageName.OFFER': 'Proposta',
  'stageName.HIRED': 'Contratado',
  'stageName.REJECTED': 'Reprovado',
  'stageName.WITHDRAWN': 'Desistiu',

  // notifications
  'notify.recruiterComment': '{actor} comentou sobre {who} ({campaign}):\n\n{body}',
  'notify.agencyComment': '{actor} ({agency}) comentou sobre {who} ({campaign}):\n\n{body}',
  'notify.stageChange': '{who} ({campaign}) passou de {from} para {to}.',
  'notify.stageChangeBy': '{who} ({campaign}) passou de {from} para {to} (por {actor}).',
  'notify.candidateSubmitted': 'Novo candidato {who} da {agency} para {campaign}.',
  'notify.someRecruiter': 'Um recrutador',
  'notify.someAgency': 'A agência',
  'notify.replyHint.reply': 'Responda a esta mensagem para comentar.',
  'notify.replyHint.thread': 'Responda na conversa (thread) para comentar.',
  'notify.replyHint.quote': 'Cite esta mensagem na sua resposta (passe o mouse, … › Responder) para comentar.',
  'notify.replyHint.button': 'Toque em Responder abaixo desta mensagem para comentar.',
  'notify.replyHint.none': 'Para comentar, digite: comment {ref} <seu comentário>.',
  'notify.emailHint':
    'Vincule um app de chat para responder por lá (abra o link do convite de novo ou peça ao seu administrador): {url}',
  'notify.subject.recruiterComment': 'Novo comentário sobre {who}',
  'notify.subject.agencyComment': '{agency} comentou sobre {who}',
  'notify.subject.stageChange': '{who} agora está em {to}',
  'notify.subject.candidateSubmitted': 'Novo candidato {who} da {agency}',

  // users and agencies
  'users.title': 'Usuários',
  'users.summary.one': '{count} usuário',
  'users.summary.other': '{count} usuários',
  'users.empty': 'Nenhum usuário encontrado. Tente “users” sem filtros.',
  'users.role': 'Perfil',
  'users.status': 'Status',
  'users.agency': 'Agência',
  'users.country': 'País',
  'users.channels': 'Canais de chat',
  'users.since': 'Desde',
  'roleName.OWNER': 'Owner',
  'roleName.AGENCY_ADMIN': 'Administrador da agência',
  'roleName.AGENCY_USER': 'Usuário da agência',
  'roleName.RECRUITER': 'Recrutador',
  'statusName.INVITED': 'Convidado',
  'statusName.ACTIVE': 'Ativo',
  'statusName.DISABLED': 'Desativado',
  'users.agencyDisabled': '{status}, agência desativada: sem acesso',
  'users.cannotDisable': '{reason} Digite “help” para ver o que você pode fazer.',
  'users.notFound': 'Nenhum usuário “{who}” entre os que você pode ver. Digite “users” para listá-los.',
  'users.otherAgency': 'Você só pode listar os usuários da sua própria agência. Digite “users” para ver os seus.',
  'users.button.rename': 'Renomear',
  'users.button.disable': 'Desativar',
  'users.button.enable': 'Reativar',
  'users.renameAsk': 'Digite o novo nome de {user} (ou “cancel”).',
  'users.renamed': 'Renomeado: {user}.',
  'users.disableAsk': 'Desativar {user}? A pessoa perde o acesso na próxima mensagem e o que tiver começado é descartado.',
  'users.disabled': '{user} foi desativado. Digite “enable” com o e-mail para desfazer.',
  'users.enabled': '{user} está ativo de novo.',
  'confirm.yes': 'Sim, desativar',
  'confirm.no': 'Não, manter',
  'confirm.kept': 'Nada mudou.',
  'confirm.expected': 'Responda sim ou não: desativar {what}?',
  'deliveries.title': 'Entregas com falha',
  'deliveries.empty': 'Nenhuma entrega com falha: todas as notificações chegaram ao chat ou à caixa de entrada.',
  'deliveries.item': '{kind} para {recipient} via {channel}',
  'deliveries.detail': '{when} · {tries} tentativas · {error}',
  'deliveries.retried.one':
    'Reenviando {count} entrega que falhou (mais uma rodada de tentativas). Digite `deliveries` mais tarde para ver se ainda falhou.',
  'deliveries.retried.other':
    'Reenviando {count} entregas que falharam (mais uma rodada de tentativas). Digite `deliveries` mais tarde para ver o que ainda falhou.',
  'deliveries.nothingToRetry': 'Nenhuma entrega com falha para reenviar.',
  'agencies.title': 'Agências',
  'agencies.users.one': '{count} usuário',
  'agencies.users.other': '{count} usuários',
  'agencies.empty': 'Ainda não há agências.',
  'agencies.disableAsk': 'Desativar a agência {agency}? Todos os usuários dela perdem o acesso na próxima mensagem.',
  'agencies.disabled.one': 'A agência {agency} foi desativada; seu {count} usuário está sem acesso agora.',
  'agencies.disabled.other': 'A agência {agency} foi desativada; seus {count} usuários estão sem acesso agora.',
  'agencies.enabled': 'A agência {agency} está ativa de novo.',

  // invitations
  'invite.badRole': '“{role}” não é um perfil. Use um destes: agency_user, agency_admin, recruiter, owner.',
  'invite.needAgency':
    'Perfis de agência precisam de uma agência: adicione o nome dela, ex.: invite ana@example.com agency_user Bright Staffing.',
  'invite.created':
    'O convite para {email} ({role}) está pronto. Envie este link: {url}\nNum app de chat a pessoa também pode enviar: link {token}\nFunciona uma vez, até {until}. Convidar o mesmo e-mail de novo substitui este convite.',
  'email.invite.subject': 'Seu convite para o Endorse',
  'email.invite.hello': 'Olá,',
  'email.invite.helloName': 'Olá, {name},',
  'email.invite.byYou': '{inviter} convidou você para o Endorse como {role}.',
  'email.invite.you': 'Você foi convidado para o Endorse como {role}.',
  'email.invite.open': 'Abra este link para conectar seu app de chat (Slack, Microsoft Teams, Telegram ou o chat na web):',
  'email.invite.until': 'O link funciona uma vez e até {until}. Se tiver expirado, peça um novo convite.',
  'email.invite.ignore': 'Se você não esperava este e-mail, pode ignorá-lo.',
  'email.invite.accept': 'Aceitar o convite',
  'email.invite.copy': 'Ou copie este link:',
  'invite.role.OWNER': 'owner',
  'invite.role.AGENCY_ADMIN': 'administrador da agência',
  'invite.role.AGENCY_USER': 'recrutador da agência',
  'invite.role.RECRUITER': 'recrutador',
  'invite.roleAt': '{role} da {agency}',
  'invite.askName': 'Que nome seus colegas devem ver (por exemplo, Joana Silva)?',
  'invite.nameSet': 'Obrigado, {name}: é esse o nome que seus colegas veem.',
};
