import type { MessageKey } from './en';

/**
 * Spanish as recruiters write it across Latin America (tú, neutral vocabulary). Command words in
 * quotes stay English: they are what the bot understands and what the platform menus list.
 */
export const es: Record<MessageKey, string> = {
  // the app
  'app.name.full': 'Endorse — portal de agencias',
  'app.description.short': 'Postula candidatos al empleador y dales seguimiento, desde el chat.',
  'app.description.full':
    'Endorse es el portal de agencias de nuestro sistema de reclutamiento. Postula candidatos con su CV, recibe al instante la verificación de duplicados, consulta Mis candidatos y el Pool de la agencia, lee y responde los comentarios de los reclutadores y administra los usuarios de tu agencia, todo en un chat privado con el bot. El acceso es por invitación: para empezar, envía `link <código>` con el código de tu correo de invitación.',

  // access
  'access.unknown':
    '¡Hola! Endorse funciona solo por invitación. Abre el enlace de tu correo de invitación o envía “link <código>” con el código que aparece ahí. ¿Aún no tienes invitación? Pídesela al administrador de tu agencia.',
  'access.disabled':
    'Tu acceso a Endorse está desactivado, así que no puedo ayudarte aquí. Pide al administrador de tu agencia o al responsable de Endorse que lo reactive.',
  'access.agencyDisabled':
    'Se desactivó el acceso de tu agencia a Endorse, así que aquí no puedo ayudarte. Contacta al owner de Endorse del empleador (tu contacto allí) para que lo restablezca.',
  'access.welcome': '¡Bienvenido a Endorse, {name}! Tu chat ya está vinculado.',

  'access.welcomeNoName': '¡Bienvenido a Endorse! Tu chat ya está vinculado.',
  // home
  'home.title': 'Endorse — hola, {name}',
  'home.added': '✅ Nuevos',
  'home.previouslySubmitted': '↩️ Ya postulados',
  'home.duplicate': '⛔ Duplicados',
  'home.period': 'Mis candidatos, del {from} al {to}. Escribe “help” en Mensajes para todo lo demás.',
  'home.periodCampaigns':
    'Candidatos de tus campañas, {from} – {to}. Escribe “candidates” en Mensajes para ver la lista y “help” para todo lo demás.',
  'home.submit': '📝 Postular un candidato',

  // help
  'help.title': 'Esto es lo que puedes hacer:',
  'help.footer': 'Escribe un comando, por ejemplo “submit”. Con “cancel” detienes lo que empezaste.',
  'help.footer.recruiter':
    'Escribe un comando, por ejemplo “candidates” para ver los candidatos de tus campañas. Con “cancel” detienes lo que empezaste.',
  'help.footer.owner':
    'Escribe un comando, por ejemplo “candidates” para ver los candidatos de todas las campañas o “rules” para las reglas de duplicados. Con “cancel” detienes lo que empezaste.',
  'help.hello': '¡Hola, {name}!',
  'cmd.help': 'muestra esta lista',
  'cmd.submit': 'postula un candidato, paso a paso',
  'cmd.cancel': 'detiene lo que empezaste; no se guarda nada a medias',
  'cmd.back': 'vuelve a la pregunta anterior',
  'cmd.candidates': 'Mis candidatos: lo que postulaste, con búsqueda y filtros',
  'cmd.candidates.recruiter': 'los candidatos de las campañas para las que reclutas, con búsqueda y filtros',
  'cmd.candidates.owner': 'los candidatos de todas las campañas, con búsqueda y filtros por campaña y agencia',
  'cmd.pool': 'Pool de la agencia: todo lo que postuló tu agencia',
  'cmd.pool.owner': 'Pool de la agencia: todo lo que postuló una agencia (agency:"Nombre"), o todas las agencias',
  'cmd.candidate': 'abre el perfil de un candidato',
  'cmd.comment': 'agrega un comentario a un candidato',
  'cmd.stage': 'mueve a un candidato a otra etapa',
  'cmd.users': 'lista los usuarios, con búsqueda y filtros',
  'cmd.user': 'abre un usuario',
  'cmd.rename': 'cambia el nombre de un usuario',
  'cmd.disable': 'desactiva un usuario (pregunta antes)',
  'cmd.enable': 'reactiva a un usuario desactivado',
  'cmd.rules': 'las reglas de duplicados: la predeterminada y la propia de cada campaña',
  'cmd.rule': 'define una regla de duplicados: la de una campaña, o la predeterminada sin campaign:',
  'cmd.agencies': 'lista las agencias',
  'cmd.deliveries': 'notificaciones que no se pudieron entregar',
  'cmd.agency': 'desactiva (pregunta antes) o reactiva una agencia completa',
  'cmd.invite': 'invita a alguien y muestra su enlace',
  'cmd.start': 'vincula este chat con el código de tu invitación',
  'cmd.campaigns': 'lista las campañas a las que puedes postular',
  'cmd.campaigns.all': 'lista las campañas, abiertas y cerradas',
  'cmd.language': 'elige el idioma en que te respondo',

  // language
  'language.confirm': 'Te responderé en {language}. Si prefieres otro idioma, tócalo abajo; con “language” lo cambias después.',
  'language.ask': '¿En qué idioma quieres que te responda?',
  'language.set': 'Listo: te responderé en {language}.',

  // commands and errors
  'command.pointer': 'No te entendí. Escribe “help” para ver lo que puedes hacer, o “submit” para postular un candidato.',
  'command.pointer.employer':
    'No te entendí. Escribe “help” para ver lo que puedes hacer, o “candidates” para ver los candidatos.',
  'command.unknown': 'No existe el comando “{command}”. Escribe “help” para ver lo que puedes hacer.',
  'command.notAllowed': '“{command}” no está disponible para ti. Escribe “help” para ver lo que puedes hacer.',
  'command.usage': 'Escríbelo así: {usage} — {help}.',
  'which.question': '“{text}” empieza con el comando “{command}”. ¿Querías el comando, o es tu respuesta?',
  'which.asCommand': 'Ejecutar “{command}”',
  'which.asName': 'Usar “{text}” como nombre',
  'which.asCampaign': 'Usar “{text}” como campaña',
  'which.asComment': 'Publicar “{text}” como comentario',
  'which.confirmDropped': 'Descarté la pregunta sobre {what}: no se cambió nada.',
  'which.wizardKept': 'Tu postulación sigue abierta: responde la pregunta de abajo para continuar, o escribe “cancel”.',
  'which.wizardDropped': 'Se descartó la postulación que habías empezado. Escribe “submit” para empezar de nuevo.',
  'which.commentKept': 'Tu comentario sobre {ref} sigue abierto: escríbelo, o “cancel”.',
  'which.commentDropped': 'Se descartó el comentario que escribías sobre {ref}.',
  'which.renameKept': 'Sigo esperando el nuevo nombre de {user}: escríbelo, o “cancel”.',
  'which.renameDropped': 'Se descartó el cambio de nombre de {user}.',
  'action.stale': 'Ese botón pertenece a algo que ya terminó. Escribe “help” para empezar de nuevo.',
  'error.internal': 'Lo siento, algo falló de mi lado. Inténtalo de nuevo en un momento.',
  'error.busy': 'Esta conversación acaba de avanzar en otra ventana. Envía tu último mensaje otra vez.',
  'error.forbiddenHint': 'Escribe “help” para ver lo que puedes hacer.',

  // cancel / back
  'cancel.nothing': 'No hay nada que cancelar. Escribe “help” para ver lo que puedes hacer.',
  'cancel.wizard': 'Cancelado. No se postuló ni se guardó nada. Escribe “submit” para empezar de nuevo.',
  'cancel.done': 'Cancelado.',
  'back.nothing': 'No hay nada a qué volver. Escribe “help” para ver lo que puedes hacer.',
  'back.notHere': 'Aquí no hay pregunta anterior. Escribe “cancel” para detenerte.',
  'back.first': 'Esta es la primera pregunta. Escribe “cancel” para detenerte.',

  // wizard
  'wizard.start':
    'Vamos a postular un candidato. Escribe “back” para cambiar la respuesta anterior o “cancel” para detenerte cuando quieras. También puedes enviar primero el CV y yo completo lo que pueda.',
  'wizard.startPrefilled':
    'Vamos a postular un candidato. Tomé lo que escribiste; escribe “back” para cambiar una respuesta o “cancel” para detenerte en cualquier momento.',
  'wizard.restarted': 'Se descartó la postulación que habías empezado; aquí tienes una nueva.',
  'wizard.ask.name':
    '¿Cuál es el nombre completo del candidato (nombre y apellido, p. ej. María González)? También puedes pegar una línea con nombre, teléfono y correo.',
  'wizard.ask.lastName': '¿Y el apellido de {first}?',
  'wizard.ask.phone': '¿Su número de teléfono, con código de país (p. ej. +52 55 1234 5678)?',
  'wizard.ask.email': '¿Su correo electrónico?',
  'wizard.ask.campaign': '¿A qué campaña lo postulas?',
  'wizard.ask.resume': 'Envía el CV (PDF, DOCX o una foto, hasta 10 MB) o toca Omitir.',
  'wizard.noCampaigns':
    'Ahora mismo no hay ninguna campaña abierta para tu agencia, así que no hay dónde postular. Escribe “cancel” y pregunta a tu contacto de Endorse qué campañas se abrirán.',
  'wizard.bad.name': 'Un nombre lleva solo letras (se permiten espacios, guiones y apóstrofos), p. ej. María González.',
  'wizard.bad.unclear': 'No pude usar esa respuesta.',
  'wizard.bad.phone.empty': 'Escribe un número de teléfono con su código de país, p. ej. {example}.',
  'wizard.bad.phone.missing_country_code':
    '“{input}” no tiene código de país. Empieza el número con + y el código de país, p. ej. {example}.',
  'wizard.bad.phone.invalid':
    '“{input}” no es un número de teléfono que pueda usar. Escríbelo con el código de país, p. ej. {example}.',
  'wizard.bad.email': '“{input}” no es un correo electrónico. Escríbelo así: maria@example.com.',
  'wizard.bad.campaign': 'Esa no es una de las campañas abiertas. Toca uno de los botones o escribe su nombre.',
  'wizard.resume.expected': 'Estoy esperando el archivo del CV.',
  'wizard.resume.none': 'ninguno',
  'wizard.resume.reading': '{file} (aún leyendo…)',
  'wizard.resume.failed': '{file} (no se pudo leer; no se adjuntó)',
  'wizard.resume.stillReading':
    'Todavía estoy leyendo el CV. En un momento te muestro el resumen; confirma entonces. Si no llega nada, toca Editar y elige CV para seguir sin él.',
  'wizard.confirm.expected': 'Toca Confirmar para postular, Editar para cambiar algo, o Cancelar.',
  'wizard.summary.title': 'Revisa la postulación',
  'wizard.summary.text': '¿Está todo bien?',
  'wizard.button.confirm': 'Confirmar',
  'wizard.button.edit': 'Editar',
  'wizard.button.cancel': 'Cancelar',
  'wizard.button.skip': 'Omitir',
  'wizard.edit.which': '¿Qué quieres cambiar?',
  'wizard.gone': 'Esa postulación ya no está abierta. Escribe “submit” para empezar una nueva.',
  'form.title': 'Postular un candidato',
  'form.text':
    'Adjunta el CV y deja el resto vacío si quieres: completo lo que dice y te lo muestro para que lo confirmes. Lo que aún falte, te lo pregunto después.',
  'form.submit': 'Revisar',
  'form.resumeHint': 'PDF, DOCX o una foto, hasta {mb} MB',

  // fields
  'field.name': 'Nombre',
  'field.firstName': 'Nombre(s)',
  'field.lastName': 'Apellido(s)',
  'field.phone': 'Teléfono',
  'field.email': 'Correo',
  'field.campaign': 'Campaña',
  'field.resume': 'CV',

  // outcomes
  'outcome.added': '✅ Candidato nuevo',
  'outcome.added.means': 'Nadie postuló a esta persona recientemente: {ref} ahora es tu candidato.',
  'outcome.previous': '⚠️ Ya postulado',
  'outcome.previous.means':
    'Tu agencia ya postuló a esta persona hace poco ({ref}); esta postulación queda registrada en ese candidato.',
  'outcome.duplicate': '⛔ Duplicado',
  'outcome.duplicate.means': 'Otra agencia postuló a esta persona hace poco; tu postulación queda registrada y marcada.',
  'outcome.blocked': '⛔ Bloqueado por las reglas de duplicados',
  'outcome.blocked.cross': 'Esta campaña no acepta a una persona que otra agencia postuló hace poco, así que no se creó nada.',
  'outcome.blocked.same': 'Esta campaña no acepta a una persona que tu agencia ya postuló hace poco, así que no se creó nada.',

  'ownership.yours': 'Tu agencia tiene a este candidato hasta el {date}.',
  'ownership.another': 'Otra agencia tiene a este candidato hasta el {date}; puedes volver a postularlo después de ese día.',
  // resume
  'resume.reading': 'Leyendo el CV… En un momento te muestro lo que encontré.',
  // resume images (issue 15): a picture is read by OCR, which takes longer
  'resume.readingImage':
    'Es una imagen (un escaneo o una foto), así que la leo letra por letra: tarda un poco más, hasta un minuto.',
  'resume.read': 'Leí {file}:',
  'resume.readFromImage':
    'Leí {file} a partir de una imagen (un escaneo o una foto), así que algún dato puede estar mal leído: revisa cada campo abajo.',
  'resume.notFound': 'no encontrado',
  'resume.correct': 'Si algo está mal, toca Editar en el resumen para cambiarlo.',
  'resume.phoneAgencyCountry':
    '{phone} (impreso sin código de país; lo leí con el país de tu agencia, {country}: revísalo en el resumen)',
  'resume.phoneDefaultCountry':
    '{phone} (impreso sin código de país; lo leí con el país predeterminado de este portal, {country}, porque tu agencia no tiene uno: revísalo en el resumen)',
  'resume.phoneUnread': '“{printed}”, impreso sin código de país, así que te lo voy a preguntar',
  'resume.conflict': 'El CV dice {field} “{read}”, pero escribiste “{typed}”: me quedé con lo que escribiste.',
  'resume.notForRole': 'Solo los usuarios de agencia postulan candidatos con CV. Escribe “help” para ver lo que puedes hacer.',
  'resume.noChannel': 'En este canal no puedo descargar archivos. Escribe los datos o envía el CV desde otro canal.',
  'resume.downloadFailed': 'No pude descargar ese archivo. Envíalo otra vez, por favor.',
  'resume.error.TOO_LARGE':
    'Ese archivo pesa más de {mb} MB, así que no lo leí. La postulación sigue sin los datos del CV; puedes enviar un PDF o DOCX más liviano.',
  'resume.error.UNSUPPORTED_TYPE':
    'Ese archivo no es un PDF, un documento de Word (DOCX) ni una imagen (JPEG, PNG), así que no pude leerlo. La postulación sigue sin los datos del CV.',
  'resume.error.UNPACKED_TOO_LARGE':
    'Ese archivo se descomprime en mucho más de lo que cabe en un CV, así que no lo leí. La postulación sigue sin los datos del CV; puedes enviar el CV en PDF.',
  'resume.error.ENCRYPTED':
    'Ese PDF está protegido con contraseña, así que no pude leerlo. La postulación sigue sin los datos del CV; puedes enviar una copia sin protección.',
  'resume.error.CORRUPT':
    'Ese archivo parece dañado, así que no pude leerlo. La postulación sigue sin los datos del CV; puedes exportarlo de nuevo y enviar la copia nueva.',
  'resume.error.NO_TEXT_LAYER':
    'Ese PDF solo contiene imágenes (probablemente un escaneo), así que no había texto que leer. La postulación sigue sin los datos del CV.',
  'resume.error.TIMED_OUT': 'Leer ese CV tardó demasiado, así que me detuve. La postulación sigue sin los datos del CV.',
  'resume.error.FAILED': 'No pude leer ese CV por un problema de mi lado. La postulación sigue sin los datos del CV.',

  // dashboards
  'dash.mine': 'Mis candidatos',
  'dash.pool': 'Pool de la agencia — {agency}',
  'dash.allAgencies': 'todas las agencias',
  'dash.myCampaigns': 'Candidatos de mis campañas',
  'dash.allCampaigns': 'Candidatos de todas las campañas',
  'dash.metrics':
    'Postulados en los últimos {days} días ({from} – {to}): Nuevos {added} · Ya postulados {previous} · Duplicados {duplicate}',
  'dash.metricsBeforeFilters':
    'Postulados en los últimos {days} días ({from} – {to}), lista completa antes de los filtros: Nuevos {added} · Ya postulados {previous} · Duplicados {duplicate}',
  'dash.listed.one': '{count} postulación en la lista (cualquier fecha, las más recientes primero)',
  'dash.listed.other': '{count} postulaciones en la lista (cualquier fecha, las más recientes primero)',
  'dash.matching.one': '{count} postulación coincide (cualquier fecha, las más recientes primero)',
  'dash.matching.other': '{count} postulaciones coinciden (cualquier fecha, las más recientes primero)',
  'dash.resubmitted': 'mismo candidato, agregado por primera vez el {date}',
  'dash.submissionRef': 'S-{id}',
  'dash.blockedTitle': 'Postulación bloqueada (no se guardan detalles)',
  'dash.blockedCross': 'otra agencia postuló a esta persona hace poco',
  'dash.blockedSame': 'tu agencia postuló a esta persona hace poco',
  'dash.empty': 'Aún no hay candidatos. Escribe “submit” para postular uno.',
  'dash.emptyView': 'Aún no hay candidatos aquí. Las nuevas postulaciones a estas campañas aparecerán aquí.',
  'dash.unassigned':
    'Todavía no reclutas para ninguna campaña, así que no hay candidatos que mostrar. Pide a un owner que te asigne a tus campañas.',
  'dash.emptyFiltered': 'Ningún candidato coincide. Prueba “candidates” sin filtros.',
  'dash.agencyOwnersOnly':
    'Solo los owners y los reclutadores filtran por agencia. Escribe “pool” para ver los candidatos de tu agencia.',
  'dash.badStage': '“{word}” no es una etapa. Las etapas son: {stages} (por ejemplo stage:screening).',
  'dash.badOutcome': '“{word}” no es un resultado. Usa uno de estos: {words} (por ejemplo outcome:duplicate).',
  'dash.badPeriod': '“{word}” no es un periodo. Indica cuántos días hacia atrás desde hoy, de 1 a {max} (por ejemplo period:90).',
  'dash.noCampaign': 'Aquí no hay ninguna campaña “{name}”. Las campañas son: {campaigns}.',
  'list.prev': '◀ Anterior',
  'list.next': 'Siguiente ▶',
  'rules.title': 'Reglas de duplicados',
  'rules.howToSet':
    'Una postulación que coincide con un candidato postulado dentro del plazo se registra y se marca, o se bloquea. Cambia una con, por ejemplo, rule campaign:"Nombre" cross:block (sin campaign: la predeterminada).',
  'rules.global': 'Predeterminada (toda campaña sin regla propia)',
  'rules.builtIn': ' — incorporada, aún no definida',
  'rules.describe':
    '{months} meses · coincidencia por {match} · coincidencia con otra agencia: {cross} · coincidencia con la propia agencia: {same}',
  'rules.match.PHONE': 'teléfono',
  'rules.match.EMAIL': 'correo',
  'rules.match.EITHER': 'teléfono o correo',
  'rules.action.FLAG': 'registrar y marcar',
  'rules.action.BLOCK': 'bloquear',
  'rules.saved': 'Guardado. {campaign} ahora sigue su propia regla: {rule}.',
  'rules.savedGlobal': 'Guardado. Toda campaña sin regla propia ahora sigue: {rule}.',
  'rules.nothing':
    'Di qué cambiar, por ejemplo rule campaign:"Nombre" window:6 match:either cross:block same:flag (sin campaign: la predeterminada). Escribe “rules” para verlas.',
  'rules.bad.window': '“{word}” no es un plazo. Indica meses enteros, de 1 a 60 (por ejemplo window:6).',
  'rules.bad.match': '“{word}” no es algo con qué comparar. Usa phone, email o either (por ejemplo match:either).',
  'rules.bad.action':
    '“{word}” no es algo que pueda hacer una coincidencia. Usa {option}:flag (registrar y marcar) o {option}:block.',
  'campaigns.title': 'Campañas',
  'campaigns.open': 'abierta',
  'campaigns.closed': 'cerrada',
  'campaigns.empty': 'Ahora mismo no tienes campañas abiertas.',

  // profile
  'profile.stage': 'Etapa',
  'profile.addedBy': 'Agregado por',
  'profile.addedOn': 'Agregado el',
  'profile.source': 'Origen',
  'platformName.WEB': 'chat web',
  'platformName.SLACK': 'Slack',
  'platformName.TEAMS': 'Microsoft Teams',
  'platformName.TELEGRAM': 'Telegram',
  'profile.resumeSummary': 'Resumen del CV',
  'profile.education': 'Formación',
  'profile.experience': 'Experiencia',
  'profile.comments': 'Comentarios ({count}):',
  'profile.noComments': 'Aún no hay comentarios.',
  'profile.button.comment': 'Comentar',
  'profile.button.stage': 'Cambiar etapa',
  'comment.ask': 'Escribe tu comentario sobre {ref}, hasta {limit} caracteres (o “cancel”).',
  'limit.comment':
    'Los comentarios pueden tener como máximo {limit} caracteres; el tuyo tiene {length}. Acórtalo y envíalo de nuevo.',
  'comment.added': '💬 Comentario agregado a {ref}.',
  'comment.replyAdded': '💬 Tu respuesta se agregó como comentario en {ref}.',
  'stage.ask': '¿A qué etapa mueves a {ref}?',
  'stage.changed': '{ref} pasó de {from} a {to}.',
  'stageName.NEW': 'Nuevo',
  'stageName.SCREENING': 'Filtro',
  'stageName.INTERVIEW': 'Entrevista',
  'stageName.OFFER': 'Oferta',
  'stageName.HIRED': 'Contratado',
  'stageName.REJECTED': 'Descartado',
  'stageName.WITHDRAWN': 'Se retiró',

  // notifications
  'notify.recruiterComment': '{actor} comentó sobre {who} ({campaign}):\n\n{body}',
  'notify.agencyComment': '{actor} ({agency}) comentó sobre {who} ({campaign}):\n\n{body}',
  'notify.stageChange': '{who} ({campaign}) pasó de {from} a {to}.',
  'notify.stageChangeBy': '{who} ({campaign}) pasó de {from} a {to} (por {actor}).',
  'notify.candidateSubmitted': 'Nuevo candidato {who} de {agency} para {campaign}.',
  'notify.someRecruiter': 'Un reclutador',
  'notify.someAgency': 'La agencia',
  'notify.replyHint.reply': 'Responde a este mensaje para contestar.',
  'notify.replyHint.thread': 'Responde en el hilo para contestar.',
  'notify.replyHint.quote': 'Cita este mensaje en tu respuesta (pasa el cursor, … › Responder) para contestar.',
  'notify.replyHint.button': 'Pulsa Responder debajo de este mensaje para contestar.',
  'notify.replyHint.none': 'Para contestar, escribe: comment {ref} <tu comentario>.',
  'notify.emailHint':
    'Vincula una app de chat para contestar desde ahí (abre otra vez el enlace de invitación o pídeselo a tu administrador): {url}',
  'notify.subject.recruiterComment': 'Nuevo comentario sobre {who}',
  'notify.subject.agencyComment': '{agency} comentó sobre {who}',
  'notify.subject.stageChange': '{who} ahora está en {to}',
  'notify.subject.candidateSubmitted': 'Nuevo candidato {who} de {agency}',

  // users and agencies
  'users.title': 'Usuarios',
  'users.summary.one': '{count} usuario',
  'users.summary.other': '{count} usuarios',
  'users.empty': 'Ningún usuario coincide. Prueba “users” sin filtros.',
  'users.role': 'Rol',
  'users.status': 'Estado',
  'users.agency': 'Agencia',
  'users.country': 'País',
  'users.channels': 'Canales de chat',
  'users.since': 'Desde',
  'roleName.OWNER': 'Owner',
  'roleName.AGENCY_ADMIN': 'Administrador de agencia',
  'roleName.AGENCY_USER': 'Usuario de agencia',
  'roleName.RECRUITER': 'Reclutador',
  'statusName.INVITED': 'Invitado',
  'statusName.ACTIVE': 'Activo',
  'statusName.DISABLED': 'Desactivado',
  'users.agencyDisabled': '{status}, agencia desactivada: sin acceso',
  'users.cannotDisable': '{reason} Escribe “help” para ver lo que puedes hacer.',
  'users.notFound': 'No hay ningún usuario “{who}” entre los que puedes ver. Escribe “users” para listarlos.',
  'users.otherAgency': 'Solo puedes listar los usuarios de tu propia agencia. Escribe “users” para ver los tuyos.',
  'users.button.rename': 'Cambiar nombre',
  'users.button.disable': 'Desactivar',
  'users.button.enable': 'Reactivar',
  'users.renameAsk': 'Escribe el nuevo nombre de {user} (o “cancel”).',
  'users.renamed': 'Nombre cambiado: {user}.',
  'users.disableAsk': '¿Desactivar a {user}? Pierde el acceso en su próximo mensaje y se descarta lo que haya empezado.',
  'users.disabled': '{user} quedó desactivado. Escribe “enable” con su correo para deshacerlo.',
  'users.enabled': '{user} está activo de nuevo.',
  'confirm.yes': 'Sí, desactivar',
  'confirm.no': 'No, mantener',
  'confirm.kept': 'No cambió nada.',
  'confirm.expected': 'Responde sí o no: ¿desactivar {what}?',
  'deliveries.title': 'Entregas fallidas',
  'deliveries.empty': 'No hay entregas fallidas: cada notificación llegó a su chat o bandeja.',
  'deliveries.item': '{kind} para {recipient} por {channel}',
  'deliveries.detail': '{when} · {tries} intentos · {error}',
  'deliveries.retried.one':
    'Reenviando {count} entrega fallida (una ronda más de intentos). Escribe `deliveries` más tarde para ver si sigue fallando.',
  'deliveries.retried.other':
    'Reenviando {count} entregas fallidas (una ronda más de intentos). Escribe `deliveries` más tarde para ver cuáles siguen fallando.',
  'deliveries.nothingToRetry': 'No hay entregas fallidas para reenviar.',
  'agencies.title': 'Agencias',
  'agencies.users.one': '{count} usuario',
  'agencies.users.other': '{count} usuarios',
  'agencies.empty': 'Aún no hay agencias.',
  'agencies.disableAsk': '¿Desactivar la agencia {agency}? Todos sus usuarios pierden el acceso en su próximo mensaje.',
  'agencies.disabled.one': 'La agencia {agency} quedó desactivada; su {count} usuario ya no tiene acceso.',
  'agencies.disabled.other': 'La agencia {agency} quedó desactivada; sus {count} usuarios ya no tienen acceso.',
  'agencies.enabled': 'La agencia {agency} está activa de nuevo.',

  // invitations
  'invite.badRole': '“{role}” no es un rol. Usa uno de estos: agency_user, agency_admin, recruiter, owner.',
  'invite.needAgency':
    'Los roles de agencia necesitan una agencia: agrega su nombre, p. ej. invite maria@example.com agency_user Bright Staffing.',
  'invite.created':
    'La invitación para {email} ({role}) está lista. Envíale este enlace: {url}\nEn una app de chat también puede enviar: link {token}\nFunciona una sola vez, hasta el {until}. Si invitas otra vez al mismo correo, se reemplaza.',
  'email.invite.subject': 'Tu invitación a Endorse',
  'email.invite.hello': 'Hola:',
  'email.invite.helloName': 'Hola, {name}:',
  'email.invite.byYou': '{inviter} te invitó a Endorse como {role}.',
  'email.invite.you': 'Te invitaron a Endorse como {role}.',
  'email.invite.open': 'Abre este enlace para conectar tu app de chat (Slack, Microsoft Teams, Telegram o el chat web):',
  'email.invite.until': 'El enlace funciona una sola vez y hasta el {until}. Si venció, pide una nueva invitación.',
  'email.invite.ignore': 'Si no esperabas este correo, ignóralo.',
  'email.invite.accept': 'Aceptar la invitación',
  'email.invite.copy': 'O copia este enlace:',
  'invite.role.OWNER': 'owner',
  'invite.role.AGENCY_ADMIN': 'administrador de agencia',
  'invite.role.AGENCY_USER': 'reclutador de agencia',
  'invite.role.RECRUITER': 'reclutador',
  'invite.roleAt': '{role} de {agency}',
  'invite.askName': '¿Qué nombre deben ver tus colegas (por ejemplo, Juana Pérez)?',
  'invite.nameSet': 'Gracias, {name}: ese es el nombre que ven tus colegas.',
};
