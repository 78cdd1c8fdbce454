<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AddMemberDialog</name>
    <message>
        <source>Add {name}</source>
        <translation>Añadir a {name}</translation>
    </message>
    <message>
        <source>Safety number on this card</source>
        <translation>Número de seguridad de esta tarjeta</translation>
    </message>
    <message>
        <source>{name} read me the same number</source>
        <translation>{name} me leyó el mismo número</translation>
    </message>
    <message>
        <source>Role in the circle</source>
        <translation>Papel en el círculo</translation>
    </message>
    <message>
        <source>Member: reads, shares and comments</source>
        <translation>Miembro: lee, comparte y comenta</translation>
    </message>
    <message>
        <source>Helper: reads, and offers help</source>
        <translation>Ayudante: lee y ofrece ayuda</translation>
    </message>
    <message>
        <source>Reader: reads only</source>
        <translation>Lector: solo lee</translation>
    </message>
    <message>
        <source>Admin: can also add and remove members</source>
        <translation>Admin: además puede añadir y quitar miembros</translation>
    </message>
    <message>
        <source>A helper reads everything shared in the circle, as every member does, and can offer to help when someone asks; they cannot post, comment or ask for help.</source>
        <translation>Un ayudante lee todo lo que se comparte en el círculo, como cualquier miembro, y puede ofrecerse a ayudar cuando alguien lo pide; no puede publicar, comentar ni pedir ayuda.</translation>
    </message>
    <message>
        <source>About this role</source>
        <translation>Sobre este papel</translation>
    </message>
    <message>
        <source>Add to the circle</source>
        <translation>Añadir al círculo</translation>
    </message>
    <message>
        <source>Add {name} to the circle?</source>
        <translation>¿Añadir a {name} al círculo?</translation>
    </message>
    <message>
        <source>Before adding them, compare this safety number with {name}, by phone or in person: ask them to read the number on their own member card. If every digit matches, this card really is theirs.</source>
        <translation>Antes de añadir a {name}, comparen este número de seguridad por teléfono o en persona: pídele que te lea el número de su propia tarjeta de miembro. Si coinciden todas las cifras, esta tarjeta es de verdad suya.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Papel</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>No backup was found.</source>
        <extracomment>How long unlocking waits for a command (an import in a terminal) to let go of the journal. How long locking waits for background work to end (a circle sync on a slow network share, a backup of a large journal) before the keys go anyway.</extracomment>
        <translation>No se encontró ninguna copia de seguridad.</translation>
    </message>
    <message>
        <source>Your journal needs repair</source>
        <translation>Tu diario necesita una reparación</translation>
    </message>
    <message>
        <source>CareCompanion has a backup from {day}. Restore it? The damaged copy is kept aside, not deleted.</source>
        <translation>CareCompanion tiene una copia de seguridad del {day}. ¿Quieres restaurarla? La copia dañada se guarda aparte; no se borra.</translation>
    </message>
    <message>
        <source>{problem}

Lock CareCompanion and unlock it again to be offered your last good backup. Until then, nothing more is backed up.</source>
        <translation>{problem}

Bloquea CareCompanion y vuelve a desbloquearlo para que te ofrezca tu última copia de seguridad en buen estado. Hasta entonces, no se harán más copias.</translation>
    </message>
    <message>
        <source>This desktop has no system tray, so reminders cannot be shown.</source>
        <translation>Este escritorio no tiene bandeja del sistema, así que no se pueden mostrar recordatorios.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Demo passphrase: {passphrase}</source>
        <translation>Frase de contraseña de la demostración: {passphrase}</translation>
    </message>
</context>
<context>
    <name>AskDialog</name>
    <message>
        <source>Change this request</source>
        <extracomment>Save: hands over the request, then ``done()`` or ``failed(exc)`` on the GUI thread.</extracomment>
        <translation>Cambiar esta petición</translation>
    </message>
    <message>
        <source>Ask for help</source>
        <translation>Pedir ayuda</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Qué falla</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Guardar los cambios</translation>
    </message>
    <message>
        <source>Ask the circle</source>
        <translation>Pedírselo al círculo</translation>
    </message>
    <message>
        <source>What help is needed</source>
        <translation>Qué ayuda se necesita</translation>
    </message>
    <message>
        <source>Sit with Mum while I go to my appointment</source>
        <translation>Quedarse con mamá mientras voy a mi cita</translation>
    </message>
    <message>
        <source>People needed</source>
        <translation>Personas necesarias</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>A note for whoever helps</source>
        <translation>Una nota para quien ayude</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Ends the next day.</source>
        <translation>Termina al día siguiente.</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>A time zone name such as Europe/London or America/New_York; UTC is universal time.</source>
        <translation>El nombre de una zona horaria, como Europe/Madrid o America/New_York; UTC es el tiempo universal.</translation>
    </message>
    <message>
        <source>Repeat every week</source>
        <translation>Repetir cada semana</translation>
    </message>
    <message>
        <source>How many dates in all</source>
        <translation>Cuántas fechas en total</translation>
    </message>
    <message>
        <source>What help</source>
        <translation>Qué ayuda</translation>
    </message>
    <message>
        <source>until</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Los días</translation>
    </message>
    <message>
        <source>Dates in all</source>
        <translation>Fechas en total</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>{name} ({size}) is kept encrypted in your journal. To open it in another program, save a copy where you choose.</source>
        <translation>{name} ({size}) se guarda cifrado en tu diario. Para abrirlo con otro programa, guarda una copia donde prefieras.</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Guardar una copia…</translation>
    </message>
    <message>
        <source>Save a copy of the attachment</source>
        <translation>Guardar una copia del adjunto</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Guardar una copia</translation>
    </message>
</context>
<context>
    <name>Buttons</name>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Mes anterior</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Mes siguiente</translation>
    </message>
    <message>
        <source>Choose the month</source>
        <translation>Elegir el mes</translation>
    </message>
    <message>
        <source>Choose the year</source>
        <translation>Elegir el año</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Days of the month</source>
        <translation>Días del mes</translation>
    </message>
    <message>
        <source>Entries on the chosen day</source>
        <translation>Entradas del día elegido</translation>
    </message>
    <message>
        <source>On this day</source>
        <translation>Tal día como hoy</translation>
    </message>
    <message>
        <source>On this day in earlier years</source>
        <translation>Tal día como hoy en años anteriores</translation>
    </message>
    <message>
        <source>Nothing from this day in earlier years.</source>
        <translation>Nada de este día en años anteriores.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>Your journal stays as it is; only the lock changes. Your recovery key keeps working.</source>
        <translation>Tu diario queda tal cual; solo cambia la cerradura. Tu clave de recuperación sigue funcionando.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Repite la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Your journal gets a new key and you get a new recovery key: the old passphrase and the old recovery key stop working.</source>
        <translation>Tu diario recibe una clave nueva y tú, una clave de recuperación nueva: la frase de contraseña antigua y la clave de recuperación antigua dejan de funcionar.</translation>
    </message>
    <message>
        <source>Also give my journal a new key and a new recovery key</source>
        <translation>Dar también a mi diario una clave nueva y una clave de recuperación nueva</translation>
    </message>
    <message>
        <source>Also replace the journal&apos;s key and recovery key</source>
        <translation>Cambiar también la clave del diario y la clave de recuperación</translation>
    </message>
    <message>
        <source>For when someone may know your old passphrase or has seen your recovery key. Your journal is re-encrypted (this can take a minute) and you get a new recovery key to print or save; your backups are made again.</source>
        <translation>Para cuando alguien pueda conocer tu frase de contraseña antigua o haya visto tu clave de recuperación. Tu diario se vuelve a cifrar (puede tardar un minuto) y recibes una clave de recuperación nueva para imprimirla o guardarla; tus copias de seguridad se hacen de nuevo.</translation>
    </message>
    <message>
        <source>Progress of the passphrase change</source>
        <translation>Progreso del cambio de la frase de contraseña</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Please type your current passphrase.</source>
        <translation>Escribe tu frase de contraseña actual, por favor.</translation>
    </message>
    <message>
        <source>Please choose a stronger new passphrase.</source>
        <translation>Elige una frase de contraseña nueva más segura, por favor.</translation>
    </message>
    <message>
        <source>The two new passphrases are not the same.</source>
        <translation>Las dos frases nuevas no coinciden.</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>{name}, as a table</source>
        <translation>{name}, como tabla</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Check in</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Correct a check-in</source>
        <translation>Corregir un registro</translation>
    </message>
    <message>
        <source>Mood {value} of 5: {word}</source>
        <translation>Ánimo {value} de 5: {word}</translation>
    </message>
    <message>
        <source>Press {value}</source>
        <translation>Pulsa {value}</translation>
    </message>
    <message>
        <source>More questions</source>
        <translation>Más preguntas</translation>
    </message>
    <message>
        <source>More questions, all optional</source>
        <translation>Más preguntas, todas opcionales</translation>
    </message>
    <message>
        <source>Stress, energy, sleep, hours of care, self-care, feelings, a journal entry, and the date and time</source>
        <translation>Estrés, energía, sueño, horas de cuidado, autocuidado, sentimientos, una entrada del diario, y la fecha y la hora</translation>
    </message>
    <message>
        <source>Press 1 to 5 to choose, then Enter to save.</source>
        <translation>Pulsa del 1 al 5 para elegir y luego Intro para guardar.</translation>
    </message>
    <message>
        <source>How to check in with the keyboard</source>
        <translation>Cómo registrar tu ánimo con el teclado</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Left and right arrows move between the date and the time; up and down change them. Alt+Down opens a calendar.</source>
        <translation>Las flechas izquierda y derecha pasan de la fecha a la hora; arriba y abajo las cambian. Alt+Abajo abre un calendario.</translation>
    </message>
    <message>
        <source>Stress from 0 to 10</source>
        <translation>Estrés de 0 a 10</translation>
    </message>
    <message>
        <source>Energy from 0 to 10</source>
        <translation>Energía de 0 a 10</translation>
    </message>
    <message>
        <source>Hours slept</source>
        <translation>Horas de sueño</translation>
    </message>
    <message>
        <source>Hours of care given today</source>
        <translation>Horas de cuidado dedicadas hoy</translation>
    </message>
    <message>
        <source>Stress (0–10)</source>
        <translation>Estrés (0–10)</translation>
    </message>
    <message>
        <source>Energy (0–10)</source>
        <translation>Energía (0–10)</translation>
    </message>
    <message>
        <source>Hours of care today</source>
        <translation>Horas de cuidado hoy</translation>
    </message>
    <message>
        <source>Self-care today</source>
        <translation>Autocuidado hoy</translation>
    </message>
    <message>
        <source>Feelings</source>
        <translation>Sentimientos</translation>
    </message>
    <message>
        <source>Add your own…</source>
        <translation>Añadir otra…</translation>
    </message>
    <message>
        <source>Add a self-care activity to your list</source>
        <translation>Añadir una actividad de autocuidado a tu lista</translation>
    </message>
    <message>
        <source>Link to a journal entry</source>
        <translation>Enlazar con una entrada del diario</translation>
    </message>
    <message>
        <source>No journal entry</source>
        <translation>Ninguna entrada del diario</translation>
    </message>
    <message>
        <source>Untitled entry</source>
        <translation>Entrada sin título</translation>
    </message>
    <message>
        <source>The linked entry</source>
        <translation>La entrada enlazada</translation>
    </message>
    <message>
        <source>A short note</source>
        <translation>Una nota breve</translation>
    </message>
    <message>
        <source>A few words, if you like</source>
        <translation>Unas palabras, si quieres</translation>
    </message>
    <message>
        <source>Journal entry</source>
        <translation>Entrada del diario</translation>
    </message>
    <message>
        <source>Save check-in</source>
        <translation>Guardar registro</translation>
    </message>
    <message>
        <source>Save the check-in</source>
        <translation>Guardar el registro</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>How are you, right now?</source>
        <translation>¿Cómo estás ahora mismo?</translation>
    </message>
    <message>
        <source>First choose how you feel: press a number from 1 to 5, or click a face.</source>
        <translation>Primero elige cómo te sientes: pulsa un número del 1 al 5 o haz clic en una cara.</translation>
    </message>
    <message>
        <source>Add a self-care activity</source>
        <translation>Añadir una actividad de autocuidado</translation>
    </message>
    <message>
        <source>What helps you? (for example: a bath, gardening, a phone call with my sister)</source>
        <translation>¿Qué te ayuda? (por ejemplo: un baño, la jardinería, una llamada con mi hermana)</translation>
    </message>
</context>
<context>
    <name>CheckInListModel</name>
    <message>
        <source>mood {value} ({word})</source>
        <translation>ánimo {value} ({word})</translation>
    </message>
    <message>
        <source>stress {value}</source>
        <translation>estrés {value}</translation>
    </message>
    <message>
        <source>slept {value} h</source>
        <translation>dormí {value} h</translation>
    </message>
</context>
<context>
    <name>CircleListModel</name>
    <message>
        <source>1 new</source>
        <translation>1 nuevo</translation>
    </message>
    <message>
        <source>{count} new</source>
        <translation>{count} nuevos</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>nada nuevo</translation>
    </message>
    <message>
        <source>waiting to sync</source>
        <translation>pendiente de sincronizar</translation>
    </message>
</context>
<context>
    <name>CirclePage</name>
    <message>
        <source>not synced yet</source>
        <translation>aún sin sincronizar</translation>
    </message>
    <message>
        <source>today at {time}</source>
        <translation>hoy a las {time}</translation>
    </message>
    <message>
        <source>{day} at {time}</source>
        <translation>{day} a las {time}</translation>
    </message>
    <message>
        <source>My member card</source>
        <extracomment>After a sync, what changed in a help calendar for this member (``help_news.HelpNews`` list), for a tray notice. A circle&apos;s help calendar changed (``help_boards``): the sidebar shows what is next.</extracomment>
        <translation>Mi tarjeta de miembro</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Members of this circle</source>
        <translation>Miembros de este círculo</translation>
    </message>
    <message>
        <source>Start or join</source>
        <translation>Crear o unirte</translation>
    </message>
    <message>
        <source>Start or join a circle</source>
        <translation>Crear un círculo o unirte a uno</translation>
    </message>
    <message>
        <source>Start a circle…</source>
        <translation>Crear un círculo…</translation>
    </message>
    <message>
        <source>Join a circle…</source>
        <translation>Unirte a un círculo…</translation>
    </message>
    <message>
        <source>Share how my week went…</source>
        <translation>Compartir cómo me fue la semana…</translation>
    </message>
    <message>
        <source>Repair the circle file…</source>
        <translation>Reparar el archivo del círculo…</translation>
    </message>
    <message>
        <source>Leave this circle on this computer…</source>
        <translation>Salir de este círculo en este equipo…</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>Círculos</translation>
    </message>
    <message>
        <source>Posts or help calendar</source>
        <translation>Publicaciones o calendario de ayuda</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Publicaciones</translation>
    </message>
    <message>
        <source>Help calendar</source>
        <translation>Calendario de ayuda</translation>
    </message>
    <message>
        <source>Your circles</source>
        <translation>Tus círculos</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Sync all circles now</source>
        <translation>Sincronizar ahora todos los círculos</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Sincronizando</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>Última sincronización</translation>
    </message>
    <message>
        <source>Circle status</source>
        <translation>Estado del círculo</translation>
    </message>
    <message>
        <source>Repair the circle file from what this computer has checked</source>
        <translation>Reparar el archivo del círculo con lo que este equipo ya ha comprobado</translation>
    </message>
    <message>
        <source>Type the new passphrase…</source>
        <translation>Escribir la nueva frase de contraseña…</translation>
    </message>
    <message>
        <source>Type the new circle passphrase the organiser gave you</source>
        <translation>Escribir la nueva frase de contraseña del círculo que te dio quien organiza</translation>
    </message>
    <message>
        <source>Shared posts</source>
        <translation>Publicaciones compartidas</translation>
    </message>
    <message>
        <source>Nothing shared yet</source>
        <translation>Aún no se ha compartido nada</translation>
    </message>
    <message>
        <source>When someone in the circle shares an entry, it appears here. To share one of yours, open it in your journal and choose “Share with circle…”.</source>
        <translation>Cuando alguien del círculo comparte una entrada, aparece aquí. Para compartir una tuya, ábrela en tu diario y elige «Compartir con el círculo…».</translation>
    </message>
    <message>
        <source>About members&apos; names</source>
        <translation>Sobre los nombres de los miembros</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Entendido</translation>
    </message>
    <message>
        <source>I have seen the new names</source>
        <translation>He visto los nombres nuevos</translation>
    </message>
    <message>
        <source>Choose a post</source>
        <translation>Elige una publicación</translation>
    </message>
    <message>
        <source>Its full text, comments and reactions show here.</source>
        <translation>Aquí verás su texto completo, los comentarios y las reacciones.</translation>
    </message>
    <message>
        <source>You are not alone in this</source>
        <translation>No estás solo en esto</translation>
    </message>
    <message>
        <source>A circle is a small group of fellow caregivers who share the journal entries each one chooses, through one encrypted file in a folder you all can reach. There is no server and no account: only the people in the circle can read it.</source>
        <translation>Un círculo es un grupo pequeño de personas cuidadoras que comparten las entradas del diario que cada una elige, mediante un archivo cifrado en una carpeta a la que todas pueden llegar. No hay servidor ni cuenta: solo las personas del círculo pueden leerlo.</translation>
    </message>
    <message>
        <source>Start a circle</source>
        <translation>Crear un círculo</translation>
    </message>
    <message>
        <source>Join a circle</source>
        <translation>Unirte a un círculo</translation>
    </message>
    <message>
        <source>You are {role} · just you</source>
        <translation>Tu papel: {role} · solo tú</translation>
    </message>
    <message>
        <source>You are {role} · {count} people</source>
        <translation>Tu papel: {role} · {count} personas</translation>
    </message>
    <message>
        <source>opened with a passphrase</source>
        <translation>abierto con una frase de contraseña</translation>
    </message>
    <message>
        <source>{old} changed their name to {name}.</source>
        <translation>{old} ahora se llama {name}.</translation>
    </message>
    <message>
        <source>Last synced: {when}</source>
        <translation>Última sincronización: {when}</translation>
    </message>
    <message>
        <source>Your latest changes are waiting to be written to the file.</source>
        <translation>Tus últimos cambios están esperando para guardarse en el archivo.</translation>
    </message>
    <message>
        <source>Someone else in the circle is writing the circle file right now.</source>
        <translation>Otra persona del círculo está escribiendo ahora mismo el archivo del círculo.</translation>
    </message>
    <message>
        <source>{count} item(s) in the circle file could not be checked and were left out. They may have been changed by someone outside the circle.</source>
        <translation>No se pudieron comprobar {count} elemento(s) del archivo del círculo y se dejaron fuera. Puede que alguien ajeno al círculo los haya modificado.</translation>
    </message>
    <message>
        <source>Your sync service had made {count} conflicting copies of the circle file; they were merged and tidied away.</source>
        <translation>Tu servicio de sincronización había creado {count} copias en conflicto del archivo del círculo; se han unido y ordenado.</translation>
    </message>
    <message>
        <source>Merged what was new in {count} copies of the circle file that someone made beside it (such as {name}); the copies were kept.</source>
        <translation>Se unió lo que había de nuevo en {count} copias del archivo del círculo que alguien hizo junto a él (como {name}); las copias se han conservado.</translation>
    </message>
    <message>
        <source>Repair the circle file of “{name}”?</source>
        <translation>¿Reparar el archivo del círculo «{name}»?</translation>
    </message>
    <message>
        <source>This computer writes a fresh circle file from what it has already checked, in place of the one that cannot be read. Nothing you wrote is lost. What the others wrote since this computer last synced is not lost either: it comes back when they sync.</source>
        <translation>Este equipo escribe un archivo del círculo nuevo con lo que ya ha comprobado, en lugar del que no se puede leer. No se pierde nada de lo que escribiste. Tampoco se pierde lo que las demás personas escribieron desde la última sincronización de este equipo: vuelve cuando ellas sincronicen.</translation>
    </message>
    <message>
        <source>Repairing…</source>
        <translation>Reparando…</translation>
    </message>
    <message>
        <source>Left out {count} things that nobody in the circle may write.</source>
        <translation>Se dejaron fuera {count} elementos que nadie del círculo tiene permiso para escribir.</translation>
    </message>
    <message>
        <source>This computer opens the circle with the new passphrase from now on.</source>
        <translation>A partir de ahora, este equipo abre el círculo con la nueva frase de contraseña.</translation>
    </message>
    <message>
        <source>Comment not added</source>
        <translation>No se añadió el comentario</translation>
    </message>
    <message>
        <source>Reaction not sent</source>
        <translation>No se envió la reacción</translation>
    </message>
    <message>
        <source>Withdraw “{title}”?</source>
        <translation>¿Retirar «{title}»?</translation>
    </message>
    <message>
        <source>It disappears from the circle at everyone&apos;s next sync. Anyone who has already read it may remember it, or keep a copy.</source>
        <translation>Desaparecerá del círculo la próxima vez que cada persona sincronice. Quien ya la haya leído puede recordarla o guardar una copia.</translation>
    </message>
    <message>
        <source>Withdrawing…</source>
        <translation>Retirando…</translation>
    </message>
    <message>
        <source>Not withdrawn</source>
        <translation>No se retiró</translation>
    </message>
    <message>
        <source>Starting “{name}”…</source>
        <translation>Creando «{name}»…</translation>
    </message>
    <message>
        <source>Circle started. Add people from their member cards under Members.</source>
        <translation>Círculo creado. Añade personas con sus tarjetas de miembro, en Miembros.</translation>
    </message>
    <message>
        <source>The circle was not started</source>
        <translation>No se creó el círculo</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Uniéndote…</translation>
    </message>
    <message>
        <source>Welcome to “{name}”.</source>
        <translation>Te damos la bienvenida a «{name}».</translation>
    </message>
    <message>
        <source>You could not join yet</source>
        <translation>Todavía no has podido unirte</translation>
    </message>
    <message>
        <source>Leave “{name}” on this computer?</source>
        <translation>¿Salir de «{name}» en este equipo?</translation>
    </message>
    <message>
        <source>Its posts disappear from this journal. The circle file and everyone else&apos;s copies are not touched, and you can join again later while you are still a member.</source>
        <translation>Sus publicaciones desaparecerán de este diario. El archivo del círculo y las copias de las demás personas no se tocan, y puedes volver a unirte más adelante mientras sigas siendo miembro.</translation>
    </message>
    <message>
        <source>Circle not left</source>
        <translation>No saliste del círculo</translation>
    </message>
    <message>
        <source>No circle yet</source>
        <translation>Aún no hay ningún círculo</translation>
    </message>
    <message>
        <source>You are not in a circle yet. Start or join one on the Circles page, then share this entry.</source>
        <translation>Aún no estás en ningún círculo. Crea uno o únete a uno en la página Círculos y después comparte esta entrada.</translation>
    </message>
</context>
<context>
    <name>CirclePassphraseDialog</name>
    <message>
        <source>New circle passphrase</source>
        <extracomment>What the sync after a passphrase entered found (``given`` only), once accepted.</extracomment>
        <translation>Nueva frase de contraseña del círculo</translation>
    </message>
    <message>
        <source>The passphrase the organiser gave you</source>
        <translation>La frase de contraseña que te dio quien organiza</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>Al menos 8 caracteres</translation>
    </message>
    <message>
        <source>Repeat the new circle passphrase</source>
        <translation>Repite la nueva frase de contraseña del círculo</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Escríbela otra vez</translation>
    </message>
    <message>
        <source>Use this passphrase</source>
        <translation>Usar esta frase de contraseña</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>A new passphrase for “{name}”</source>
        <translation>Una nueva frase de contraseña para «{name}»</translation>
    </message>
    <message>
        <source>When the circle&apos;s organiser changes its passphrase, this computer cannot open the circle file until you type the new one. Type the passphrase the organiser gave you; you only need to do this once.</source>
        <translation>Cuando quien organiza el círculo cambia su frase de contraseña, este equipo no puede abrir el archivo del círculo hasta que escribas la nueva. Escribe la frase de contraseña que te dio quien organiza; solo tienes que hacerlo una vez.</translation>
    </message>
    <message>
        <source>Change the passphrase of “{name}”</source>
        <translation>Cambiar la frase de contraseña de «{name}»</translation>
    </message>
    <message>
        <source>Someone who knows only the old passphrase cannot open what is written from now on; what they could already read stays with them. Give the new passphrase to each member who stays: they type it once, under Members.</source>
        <translation>Quien solo conozca la frase de contraseña antigua no podrá abrir lo que se escriba a partir de ahora; lo que ya pudo leer se queda con esa persona. Da la nueva frase de contraseña a cada miembro que siga en el círculo: cada cual la escribe una vez, en Miembros.</translation>
    </message>
    <message>
        <source>Type the circle passphrase.</source>
        <translation>Escribe la frase de contraseña del círculo.</translation>
    </message>
    <message>
        <source>The circle passphrase needs at least 8 characters.</source>
        <translation>La frase de contraseña del círculo necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>CircleWords</name>
    <message>
        <source>Heart</source>
        <translation>Corazón</translation>
    </message>
    <message>
        <source>Thinking of you</source>
        <translation>Pienso en ti</translation>
    </message>
    <message>
        <source>Hug</source>
        <translation>Abrazo</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Fuerza</translation>
    </message>
    <message>
        <source>Thanks</source>
        <translation>Gracias</translation>
    </message>
    <message>
        <source>organiser</source>
        <translation>organizador</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>member</source>
        <translation>miembro</translation>
    </message>
    <message>
        <source>helper</source>
        <translation>ayudante</translation>
    </message>
    <message>
        <source>reader</source>
        <translation>lector</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>retirado</translation>
    </message>
    <message>
        <source>not a member</source>
        <translation>no miembro</translation>
    </message>
    <message>
        <source>{name} (former member)</source>
        <extracomment>Record ids of comments still on their way to the circle (see ``sending_comment``).</extracomment>
        <translation>{name} (ya no es miembro)</translation>
    </message>
    <message>
        <source>{name} (was {old})</source>
        <translation>{name} (antes {old})</translation>
    </message>
    <message>
        <source>This week was very hard</source>
        <extracomment>The week&apos;s summary offered for sharing (the core&apos;s circle/mood_summary.py): its feeling sentences and figure names, by the core&apos;s English, which is also the figures&apos; key.</extracomment>
        <translation>Esta semana fue muy dura</translation>
    </message>
    <message>
        <source>This week was hard</source>
        <translation>Esta semana fue dura</translation>
    </message>
    <message>
        <source>This week had ups and downs</source>
        <translation>Esta semana tuvo altibajos</translation>
    </message>
    <message>
        <source>This week was a better one</source>
        <translation>Esta semana fue mejor</translation>
    </message>
    <message>
        <source>mood</source>
        <translation>ánimo</translation>
    </message>
    <message>
        <source>days checked in</source>
        <translation>días con registro</translation>
    </message>
    <message>
        <source>sleep</source>
        <translation>sueño</translation>
    </message>
    <message>
        <source>stress</source>
        <translation>estrés</translation>
    </message>
    <message>
        <source>caring</source>
        <translation>cuidados</translation>
    </message>
    <message>
        <source>{days} of {total}</source>
        <translation>{days} de {total}</translation>
    </message>
    <message>
        <source>{hours} h a night</source>
        <translation>{hours} h por noche</translation>
    </message>
    <message>
        <source>{hours} h a day</source>
        <translation>{hours} h al día</translation>
    </message>
    <message>
        <source>mood {mood}</source>
        <translation>ánimo {mood}</translation>
    </message>
    <message>
        <source>slept about {hours} h</source>
        <translation>dormí unas {hours} h</translation>
    </message>
    <message>
        <source>{feeling}: {figures}.</source>
        <translation>{feeling}: {figures}.</translation>
    </message>
</context>
<context>
    <name>CommentListModel</name>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>sending…</source>
        <translation>enviando…</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Add a person</source>
        <translation>Añadir una persona</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>How they relate to you</source>
        <translation>Qué relación tiene contigo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>e.g. social worker, Mum&apos;s nurse</source>
        <translation>p. ej., trabajadora social, la enfermera de mamá</translation>
    </message>
    <message>
        <source>Phone numbers, one per line</source>
        <translation>Teléfonos, uno por línea</translation>
    </message>
    <message>
        <source>mobile: 07700 900123</source>
        <translation>teléfono: 612 345 678</translation>
    </message>
    <message>
        <source>E-mail addresses, one per line</source>
        <translation>Correos electrónicos, uno por línea</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>How they help</source>
        <translation>Cómo te ayuda</translation>
    </message>
    <message>
        <source>good listener, can take a night shift</source>
        <translation>sabe escuchar, puede cubrir una noche</translation>
    </message>
    <message>
        <source>Best times to call</source>
        <translation>Mejores horas para llamar</translation>
    </message>
    <message>
        <source>no reminder</source>
        <translation>sin recordatorio</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Check in every so many days</source>
        <translation>Contactar cada tantos días</translation>
    </message>
    <message>
        <source>Someone to call first in an emergency</source>
        <translation>A quien llamar primero en una emergencia</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Choose a photo…</source>
        <translation>Elegir una foto…</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Elegir una foto</translation>
    </message>
    <message>
        <source>Who they are</source>
        <translation>Quién es</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Teléfonos</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>Best times</source>
        <translation>Mejores horas</translation>
    </message>
    <message>
        <source>Check in every</source>
        <translation>Contactar cada</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png)</source>
        <translation>Imágenes (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Photo chosen</source>
        <translation>Foto elegida</translation>
    </message>
    <message>
        <source>A contact needs a name.</source>
        <translation>Un contacto necesita un nombre.</translation>
    </message>
</context>
<context>
    <name>ContactListModel</name>
    <message>
        <source>time to check in</source>
        <translation>toca contactar</translation>
    </message>
</context>
<context>
    <name>DiscardQuestion</name>
    <message>
        <source>Discard your changes?</source>
        <translation>¿Descartar los cambios?</translation>
    </message>
    <message>
        <source>What you typed or chose here will not be kept.</source>
        <translation>Lo que has escrito o elegido aquí no se guardará.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Discard your changes</source>
        <translation>Descartar los cambios</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>EarlierJournalsDialog</name>
    <message>
        <source>Earlier journals</source>
        <extracomment>The chosen journal&apos;s folder name and the passphrase typed for it.</extracomment>
        <translation>Diarios anteriores</translation>
    </message>
    <message>
        <source>When a backup is restored, the journal it replaces is kept here, whole. Choose one to put it back: the journal in its place is kept the same way.</source>
        <translation>Cuando se restaura una copia de seguridad, el diario al que sustituye se guarda aquí, entero. Elige uno para recuperarlo: el diario que ocupa su lugar se guarda del mismo modo.</translation>
    </message>
    <message>
        <source>Passphrase of the chosen journal</source>
        <translation>Frase de contraseña del diario elegido</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Put back</source>
        <translation>Recuperar</translation>
    </message>
    <message>
        <source>Put the chosen journal back</source>
        <translation>Recuperar el diario elegido</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Please choose a journal.</source>
        <translation>Elige un diario, por favor.</translation>
    </message>
    <message>
        <source>Please type the passphrase of the chosen journal.</source>
        <translation>Escribe la frase de contraseña del diario elegido, por favor.</translation>
    </message>
    <message>
        <source>Putting back…</source>
        <translation>Recuperando…</translation>
    </message>
</context>
<context>
    <name>EarlierJournalsModel</name>
    <message>
        <source>Replaced on {moment}</source>
        <translation>Sustituido el {moment}</translation>
    </message>
    <message>
        <source>{replaced} (a journal started on {day})</source>
        <translation>{replaced} (un diario empezado el {day})</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Title (optional)</source>
        <extracomment>A save the disk refused (full, read-only, busy) is tried again this often, so the words are saved as soon as there is room, without a click.</extracomment>
        <translation>Título (opcional)</translation>
    </message>
    <message>
        <source>Entry title</source>
        <translation>Título de la entrada</translation>
    </message>
    <message>
        <source>Entry date and time</source>
        <translation>Fecha y hora de la entrada</translation>
    </message>
    <message>
        <source>Mark as favourite</source>
        <translation>Marcar como favorita</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favorita</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Etiquetas, separadas por comas</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Texto de la entrada</translation>
    </message>
    <message>
        <source>Write whatever you need to. Only you can read this.</source>
        <translation>Escribe lo que necesites. Solo tú puedes leerlo.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message>
        <source>{tip} ({shortcut})</source>
        <translation>{tip} ({shortcut})</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Negrita</translation>
    </message>
    <message>
        <source>B</source>
        <comment>letter on the Bold button</comment>
        <translation>N</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Cursiva</translation>
    </message>
    <message>
        <source>I</source>
        <comment>letter on the Italic button</comment>
        <translation>K</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>H</source>
        <comment>letter on the Heading button</comment>
        <translation>T</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Lista con viñetas</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Lista numerada</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Insert link</source>
        <translation>Insertar enlace</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Adjuntar</translation>
    </message>
    <message>
        <source>Attach a photo or document</source>
        <translation>Adjuntar una foto o un documento</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Delete this entry</source>
        <translation>Borrar esta entrada</translation>
    </message>
    <message>
        <source>More formatting</source>
        <translation>Más formato</translation>
    </message>
    <message>
        <source>Web address:</source>
        <translation>Dirección web:</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Nueva entrada</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Editando…</translation>
    </message>
    <message>
        <source>1 word</source>
        <translation>1 palabra</translation>
    </message>
    <message>
        <source>{count} words</source>
        <translation>{count} palabras</translation>
    </message>
    <message>
        <source>{place} time</source>
        <translation>hora de {place}</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Aún sin guardar</translation>
    </message>
    <message>
        <source>Too large to attach</source>
        <translation>Demasiado grande para adjuntarlo</translation>
    </message>
    <message>
        <source>Could not attach</source>
        <translation>No se pudo adjuntar</translation>
    </message>
    <message>
        <source>{name} could not be read ({reason}).</source>
        <translation>No se pudo leer {name} ({reason}).</translation>
    </message>
    <message>
        <source>Delete this entry?</source>
        <translation>¿Borrar esta entrada?</translation>
    </message>
    <message>
        <source>This entry and its attachments will be deleted from this computer. Backups made before today keep a copy.</source>
        <translation>Esta entrada y sus adjuntos se borrarán de este equipo. Las copias de seguridad anteriores a hoy conservan una copia.</translation>
    </message>
</context>
<context>
    <name>EntryTime</name>
    <message>
        <source>{when} ({offset})</source>
        <extracomment>An all-day entry&apos;s styles: the same date without its time.</extracomment>
        <translation>{when} ({offset})</translation>
    </message>
    <message>
        <source>{when} ({place} time)</source>
        <translation>{when} (hora de {place})</translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <source>{path} is damaged and cannot be restored.</source>
        <extracomment>Each code&apos;s English template (``{name}`` is filled in; ``{{`` and ``}}`` are braces).</extracomment>
        <translation>{path} está dañado y no se puede restaurar.</translation>
    </message>
    <message>
        <source>There is not enough free space to write the backup {path}. Free some space or choose another place, then try again. Your journal was not changed.</source>
        <translation>No hay espacio libre suficiente para escribir la copia de seguridad {path}. Libera algo de espacio o elige otro lugar y vuelve a intentarlo. Tu diario no ha cambiado.</translation>
    </message>
    <message>
        <source>{path} is not a CareCompanion backup file.</source>
        <translation>{path} no es un archivo de copia de seguridad de CareCompanion.</translation>
    </message>
    <message>
        <source>The backup could not be written to {path}: that place is read-only, or CareCompanion may not write there. Choose another place, then try again. Your journal was not changed.</source>
        <translation>No se pudo escribir la copia de seguridad en {path}: ese lugar es de solo lectura o CareCompanion no tiene permiso para escribir ahí. Elige otro lugar y vuelve a intentarlo. Tu diario no ha cambiado.</translation>
    </message>
    <message>
        <source>The backup could not be written to {path}: {reason}.</source>
        <translation>No se pudo escribir la copia de seguridad en {path}: {reason}.</translation>
    </message>
    <message>
        <source>Today&apos;s automatic backup was skipped: the disk is nearly full. Your journal is safe; free some space, and it will be backed up the next time you open it.</source>
        <translation>Hoy no se ha hecho la copia de seguridad automática: el disco está casi lleno. Tu diario está a salvo; libera algo de espacio y se hará la copia la próxima vez que lo abras.</translation>
    </message>
    <message>
        <source>{path} holds an unencrypted database: refused.</source>
        <translation>{path} contiene una base de datos sin cifrar: se ha rechazado.</translation>
    </message>
    <message>
        <source>a member</source>
        <translation>un miembro</translation>
    </message>
    <message>
        <source>You are already in the circle “{name}”.</source>
        <translation>Ya estás en el círculo “{name}”.</translation>
    </message>
    <message>
        <source>A member&apos;s circle key is not valid, so the circle file was not written.</source>
        <translation>La clave de círculo de un miembro no es válida, así que no se ha escrito el archivo del círculo.</translation>
    </message>
    <message>
        <source>This is not a CareCompanion member card, or it is damaged.</source>
        <translation>Esto no es una tarjeta de miembro de CareCompanion, o está dañada.</translation>
    </message>
    <message>
        <source>This member card&apos;s signature does not match: it was changed after it was made.</source>
        <translation>La firma de esta tarjeta de miembro no coincide: se modificó después de crearla.</translation>
    </message>
    <message>
        <source>This member card was made by a newer CareCompanion; please update the app.</source>
        <translation>Esta tarjeta de miembro la creó una versión más reciente de CareCompanion; actualiza la aplicación.</translation>
    </message>
    <message>
        <source>{file} cannot be read right now.</source>
        <translation>Ahora mismo no se puede leer {file}.</translation>
    </message>
    <message>
        <source>This person&apos;s place in the circle cannot be changed any more; ask the circle&apos;s organiser.</source>
        <translation>El lugar de esta persona en el círculo ya no se puede cambiar; pregunta a quien organiza el círculo.</translation>
    </message>
    <message>
        <source>Some of what {name} shared is missing from the circle file (it may have been cut short). Nothing was lost: it is written back.</source>
        <translation>Falta en el archivo del círculo parte de lo que compartió {name} (puede que el archivo se cortara). No se ha perdido nada: se vuelve a escribir.</translation>
    </message>
    <message>
        <source>Left out {count} things in the circle file written by people who may not write there (someone outside the circle, or someone removed from it). Nothing of the circle&apos;s was lost.</source>
        <translation>Se dejaron fuera {count} elementos del archivo del círculo escritos por personas que no pueden escribir en él (alguien de fuera del círculo o alguien a quien se quitó de él). No se ha perdido nada del círculo.</translation>
    </message>
    <message>
        <source>A comment needs some words.</source>
        <translation>Un comentario necesita alguna palabra.</translation>
    </message>
    <message>
        <source>That entry is not shared with this circle.</source>
        <translation>Esa entrada no está compartida con este círculo.</translation>
    </message>
    <message>
        <source>This file is in the text (armored) form of age; circle files are binary.</source>
        <translation>Este archivo está en el formato de texto (armored) de age; los archivos de círculo son binarios.</translation>
    </message>
    <message>
        <source>The circle file is damaged or was changed by someone outside the circle.</source>
        <translation>El archivo del círculo está dañado o lo ha modificado alguien de fuera del círculo.</translation>
    </message>
    <message>
        <source>The circle file {name} could not be read from the disk.</source>
        <translation>No se pudo leer del disco el archivo del círculo {name}.</translation>
    </message>
    <message>
        <source>This circle file is damaged or was forged: its owner&apos;s signature does not match.</source>
        <translation>Este archivo de círculo está dañado o es falso: la firma de su propietario no coincide.</translation>
    </message>
    <message>
        <source>This circle file was written by a newer CareCompanion; please update the app to open it.</source>
        <translation>Este archivo de círculo lo escribió una versión más reciente de CareCompanion; actualiza la aplicación para abrirlo.</translation>
    </message>
    <message>
        <source>This is not a circle file, or it is damaged.</source>
        <translation>Esto no es un archivo de círculo, o está dañado.</translation>
    </message>
    <message>
        <source>You are not a member of this circle, or your key cannot open this file.</source>
        <translation>No eres miembro de este círculo, o tu clave no puede abrir este archivo.</translation>
    </message>
    <message>
        <source>CareCompanion is not allowed to read the circle file {name}.</source>
        <translation>CareCompanion no tiene permiso para leer el archivo del círculo {name}.</translation>
    </message>
    <message>
        <source>This circle file is damaged or was not made by CareCompanion.</source>
        <translation>Este archivo de círculo está dañado o no lo creó CareCompanion.</translation>
    </message>
    <message>
        <source>The circle file {name} is not there.</source>
        <translation>El archivo del círculo {name} no está ahí.</translation>
    </message>
    <message>
        <source>This circle file is too large to open.</source>
        <translation>Este archivo de círculo es demasiado grande para abrirlo.</translation>
    </message>
    <message>
        <source>This circle file is protected by a passphrase that would take too long to check; it was not made by CareCompanion.</source>
        <translation>Este archivo de círculo está protegido con una frase de contraseña que llevaría demasiado tiempo comprobar; no lo creó CareCompanion.</translation>
    </message>
    <message>
        <source>That circle passphrase does not open this file (or the file was changed).</source>
        <translation>Esa frase de contraseña del círculo no abre este archivo (o el archivo se ha modificado).</translation>
    </message>
    <message>
        <source>{file} already exists; choose another file name.</source>
        <translation>{file} ya existe; elige otro nombre de archivo.</translation>
    </message>
    <message>
        <source>Nothing was saved: the circle would hold more than a circle file can. If someone filled the circle with junk, remove them and repair the circle file (carecompanion circle repair FILE, or Repair on the Circle page); otherwise start a new circle for what comes next.</source>
        <translation>No se ha guardado nada: el círculo tendría más de lo que cabe en un archivo de círculo. Si alguien ha llenado el círculo de basura, quita a esa persona y repara el archivo del círculo (carecompanion circle repair FILE, o «Reparar el archivo del círculo» en la página Círculos); si no, crea un círculo nuevo para lo que venga.</translation>
    </message>
    <message>
        <source>Nothing was saved: {name} would have more in this circle than one person can share in it. To share more, start a new circle.</source>
        <translation>No se ha guardado nada: {name} tendría en este círculo más de lo que una persona puede compartir en él. Para compartir más, crea un círculo nuevo.</translation>
    </message>
    <message>
        <source>You can read this circle but not offer help in it.</source>
        <translation>Puedes leer este círculo, pero no ofrecer ayuda en él.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>El final tiene que ser posterior al comienzo.</translation>
    </message>
    <message>
        <source>That date is too far in the future.</source>
        <translation>Esa fecha está demasiado lejos en el futuro.</translation>
    </message>
    <message>
        <source>That time has already passed.</source>
        <translation>Esa hora ya ha pasado.</translation>
    </message>
    <message>
        <source>There is no offer with that id in this circle.</source>
        <translation>No hay ninguna oferta con ese identificador en este círculo.</translation>
    </message>
    <message>
        <source>There is no request for help with that id in this circle.</source>
        <translation>No hay ninguna petición de ayuda con ese identificador en este círculo.</translation>
    </message>
    <message>
        <source>This request is over or was cancelled.</source>
        <translation>Esta petición ya terminó o se canceló.</translation>
    </message>
    <message>
        <source>That offer is someone else&apos;s.</source>
        <translation>Esa oferta es de otra persona.</translation>
    </message>
    <message>
        <source>Only the person who asked for this help can confirm offers, change or cancel it.</source>
        <translation>Solo quien pidió esta ayuda puede confirmar ofertas, cambiarla o cancelarla.</translation>
    </message>
    <message>
        <source>That offer was withdrawn.</source>
        <translation>Esa oferta se retiró.</translation>
    </message>
    <message>
        <source>This is your own request: someone else can offer to cover it.</source>
        <translation>Esta petición es tuya: otra persona puede ofrecerse a cubrirla.</translation>
    </message>
    <message>
        <source>The number of people needed is from 1 to {count}.</source>
        <translation>El número de personas necesarias va de 1 a {count}.</translation>
    </message>
    <message>
        <source>A series has from 1 to {count} dates, on chosen weekdays.</source>
        <translation>Una serie tiene de 1 a {count} fechas, en los días de la semana elegidos.</translation>
    </message>
    <message>
        <source>This request already has all the people it asked for.</source>
        <translation>Esta petición ya tiene todas las personas que pedía.</translation>
    </message>
    <message>
        <source>That is too long: what is needed has at most {what} characters, where at most {where}, a note at most {note}.</source>
        <translation>Es demasiado largo: lo que se necesita tiene como máximo {what} caracteres, el lugar como máximo {where} y una nota como máximo {note}.</translation>
    </message>
    <message>
        <source>One request can last at most {count} days; ask for a series.</source>
        <translation>Una petición puede durar como máximo {count} días; pide una serie.</translation>
    </message>
    <message>
        <source>{zone} is not a time zone this computer knows.</source>
        <translation>{zone} no es una zona horaria que este ordenador conozca.</translation>
    </message>
    <message>
        <source>Say in a few words what help is needed.</source>
        <translation>Di en pocas palabras qué ayuda se necesita.</translation>
    </message>
    <message>
        <source>Someone else in the circle is saving the circle file right now; try again in a moment.</source>
        <translation>Otra persona del círculo está guardando ahora mismo el archivo del círculo; vuelve a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>A name needs 1 to {count} characters.</source>
        <translation>Un nombre necesita de 1 a {count} caracteres.</translation>
    </message>
    <message>
        <source>This circle was made with an older CareCompanion. Its organiser needs to sync it once with this version before anyone else can change who is in it.</source>
        <translation>Este círculo se creó con una versión anterior de CareCompanion. Quien lo organiza tiene que sincronizarlo una vez con esta versión antes de que nadie más pueda cambiar quién está en él.</translation>
    </message>
    <message>
        <source>This circle is protected by a circle passphrase; enter it to open the circle.</source>
        <translation>Este círculo está protegido con una frase de contraseña del círculo; escríbela para abrir el círculo.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>La carpeta {folder} no existe.</translation>
    </message>
    <message>
        <source>The journal is not available.</source>
        <translation>El diario no está disponible.</translation>
    </message>
    <message>
        <source>This circle has no passphrase: its members&apos; keys protect it.</source>
        <translation>Este círculo no tiene frase de contraseña: lo protegen las claves de sus miembros.</translation>
    </message>
    <message>
        <source>A circle file needs at least one member to encrypt to.</source>
        <translation>Un archivo de círculo necesita al menos un miembro para el que cifrarlo.</translation>
    </message>
    <message>
        <source>There is no shared entry with that id in this circle.</source>
        <translation>No hay ninguna entrada compartida con ese identificador en este círculo.</translation>
    </message>
    <message>
        <source>No member of this circle has that fingerprint.</source>
        <translation>Ningún miembro de este círculo tiene esa huella.</translation>
    </message>
    <message>
        <source>That circle is not in this journal.</source>
        <translation>Ese círculo no está en este diario.</translation>
    </message>
    <message>
        <source>{file} is not one of your circles yet. Join it first.</source>
        <translation>{file} todavía no es uno de tus círculos. Únete primero.</translation>
    </message>
    <message>
        <source>You are not on this circle&apos;s list of members yet. Send your member card to the circle&apos;s organiser and ask them to add you.</source>
        <translation>Todavía no estás en la lista de miembros de este círculo. Envía tu tarjeta de miembro a quien organiza el círculo y pídele que te añada.</translation>
    </message>
    <message>
        <source>The circle file was fine; it was synced instead.</source>
        <translation>El archivo del círculo estaba bien; en su lugar, se ha sincronizado.</translation>
    </message>
    <message>
        <source>Only the circle&apos;s organiser or an admin can change who is in it.</source>
        <translation>Solo quien organiza el círculo o un admin puede cambiar quién está en él.</translation>
    </message>
    <message>
        <source>Only the circle&apos;s organiser can change an admin.</source>
        <translation>Solo quien organiza el círculo puede cambiar a un admin.</translation>
    </message>
    <message>
        <source>Only the circle&apos;s organiser can make someone an admin.</source>
        <translation>Solo quien organiza el círculo puede hacer admin a alguien.</translation>
    </message>
    <message>
        <source>Only the circle&apos;s organiser can change its passphrase.</source>
        <translation>Solo quien organiza el círculo puede cambiar su frase de contraseña.</translation>
    </message>
    <message>
        <source>Only the circle&apos;s organiser can bring back someone the organiser removed.</source>
        <translation>Solo quien organiza el círculo puede volver a admitir a alguien a quien haya quitado.</translation>
    </message>
    <message>
        <source>Only the circle&apos;s organiser can remove an admin.</source>
        <translation>Solo quien organiza el círculo puede quitar a un admin.</translation>
    </message>
    <message>
        <source>The circle&apos;s organiser cannot be removed.</source>
        <translation>No se puede quitar a quien organiza el círculo.</translation>
    </message>
    <message>
        <source>The circle&apos;s organiser is always in it.</source>
        <translation>Quien organiza el círculo siempre está en él.</translation>
    </message>
    <message>
        <source>This circle&apos;s passphrase is needed to write it.</source>
        <translation>Hace falta la frase de contraseña de este círculo para escribir en él.</translation>
    </message>
    <message>
        <source>A circle passphrase needs at least 8 characters.</source>
        <translation>La frase de contraseña de un círculo necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>You can read this circle but not write in it.</source>
        <translation>Puedes leer este círculo, pero no escribir en él.</translation>
    </message>
    <message>
        <source>That shared record is not yours or is not in the circle.</source>
        <translation>Ese elemento compartido no es tuyo o no está en el círculo.</translation>
    </message>
    <message>
        <source>Removed. They keep what they could already read; nothing written from now on is encrypted to them.</source>
        <translation>Se ha quitado del círculo. Esa persona conserva lo que ya pudo leer; nada de lo que se escriba a partir de ahora se cifra para ella.</translation>
    </message>
    <message>
        <source>Removed: nothing they write counts any more. But they still know the circle passphrase, so they can still open the circle file and read what is shared from now on, until you change the passphrase.</source>
        <translation>Se ha quitado del círculo: nada de lo que escriba cuenta ya. Pero todavía conoce la frase de contraseña del círculo, así que aún puede abrir el archivo del círculo y leer lo que se comparta a partir de ahora, hasta que cambies la frase de contraseña.</translation>
    </message>
    <message>
        <source>Only someone who is in the circle can repair its file.</source>
        <translation>Solo alguien que está en el círculo puede reparar su archivo.</translation>
    </message>
    <message>
        <source>{problem} It can be repaired: this computer can write a fresh circle file from what it has already checked.</source>
        <translation>{problem} Se puede reparar: este equipo puede escribir un archivo del círculo nuevo con lo que ya ha comprobado.</translation>
    </message>
    <message>
        <source>A fresh circle file was written from what this computer had checked. What others wrote since comes back when they sync.</source>
        <translation>Se ha escrito un archivo del círculo nuevo con lo que este equipo había comprobado. Lo que las demás personas escribieron desde entonces vuelve cuando sincronicen.</translation>
    </message>
    <message>
        <source>The circle file holds older writing from {name} than this computer has already seen (it may have been restored or rolled back). Nothing was lost: it is written back.</source>
        <translation>El archivo del círculo tiene escritos de {name} más antiguos que los que este ordenador ya había visto (puede que se restaurara una versión anterior). No se ha perdido nada: se vuelve a escribir.</translation>
    </message>
    <message>
        <source>{count} members are called {name}: tell them apart by the number after the name, the start of each one&apos;s safety number.</source>
        <translation>{count} miembros se llaman {name}: distínguelos por el número que sigue al nombre, el principio del número de seguridad de cada uno.</translation>
    </message>
    <message>
        <source>It is saved on this computer and will be written to the circle file at the next sync.</source>
        <translation>Se ha guardado en este equipo y se escribirá en el archivo del círculo en la próxima sincronización.</translation>
    </message>
    <message>
        <source>The circle file is older than what this computer has already seen from {name} (it may have been restored or rolled back). The next sync writes it back.</source>
        <translation>El archivo del círculo es más antiguo que lo que este equipo ya había visto de {name} (puede que se restaurara una versión anterior). La próxima sincronización lo vuelve a escribir.</translation>
    </message>
    <message>
        <source>That is too long to share in the circle; please make it shorter.</source>
        <translation>Es demasiado largo para compartirlo en el círculo; acórtalo un poco, por favor.</translation>
    </message>
    <message>
        <source>A circle can have at most {count} members.</source>
        <translation>Un círculo puede tener como máximo {count} miembros.</translation>
    </message>
    <message>
        <source>At most {count} words can be replaced.</source>
        <translation>Se pueden sustituir como máximo {count} palabras.</translation>
    </message>
    <message>
        <source>That reaction is not one of {reactions}.</source>
        <translation>Esa reacción no es ninguna de estas: {reactions}.</translation>
    </message>
    <message>
        <source>A role is admin, member, helper or reader.</source>
        <translation>Un papel es administrador, miembro, ayudante o lector.</translation>
    </message>
    <message>
        <source>The circle file in {folder} cannot be reached right now (is the shared folder or USB stick there?). What you wrote is kept and will be written at the next sync.</source>
        <translation>Ahora mismo no se puede acceder al archivo del círculo en {folder} (¿está ahí la carpeta compartida o la memoria USB?). Lo que escribiste se conserva y se escribirá en la próxima sincronización.</translation>
    </message>
    <message>
        <source>This file belongs to a different circle.</source>
        <translation>Este archivo pertenece a otro círculo.</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name.</source>
        <translation>{path} ya existe; elige otro nombre.</translation>
    </message>
    <message>
        <source>{path} already exists and is not empty; choose a new folder.</source>
        <translation>{path} ya existe y no está vacía; elige una carpeta nueva.</translation>
    </message>
    <message>
        <source>{path} is a file; choose a folder for a Markdown export.</source>
        <translation>{path} es un archivo; elige una carpeta para la exportación a Markdown.</translation>
    </message>
    <message>
        <source>{path} is a folder; choose a file name.</source>
        <translation>{path} es una carpeta; elige un nombre de archivo.</translation>
    </message>
    <message>
        <source>The PDF could not be written to {folder}.</source>
        <translation>No se pudo escribir el PDF en {folder}.</translation>
    </message>
    <message>
        <source>{file}, line {line}: {reason}</source>
        <translation>{file}, línea {line}: {reason}</translation>
    </message>
    <message>
        <source>this is a folder, not a file</source>
        <translation>esto es una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>{name} is {size}; an attachment can be at most {limit}</source>
        <translation>{name} ocupa {size}; un adjunto puede ocupar como máximo {limit}</translation>
    </message>
    <message>
        <source>the attachments in this import come to more than {mb} MB</source>
        <translation>los adjuntos de esta importación ocupan más de {mb} MB</translation>
    </message>
    <message>
        <source>Adding {name} would take this entry&apos;s attachments over {limit} in total</source>
        <translation>si se añade {name}, los adjuntos de esta entrada superarían {limit} en total</translation>
    </message>
    <message>
        <source>entry {number}: {key} {value} is not a date and time</source>
        <translation>entrada {number}: {key} {value} no es una fecha y hora</translation>
    </message>
    <message>
        <source>entry {number}: the timeZone {value} is not a time zone name</source>
        <translation>entrada {number}: el timeZone {value} no es el nombre de una zona horaria</translation>
    </message>
    <message>
        <source>choose the Day One export&apos;s .zip file</source>
        <translation>elige el archivo .zip de la exportación de Day One</translation>
    </message>
    <message>
        <source>entry {number}: an item in &apos;{key}&apos; has no identifier</source>
        <translation>entrada {number}: un elemento de &apos;{key}&apos; no tiene identificador</translation>
    </message>
    <message>
        <source>entry {number}: every item in &apos;{key}&apos; must be an object</source>
        <translation>entrada {number}: cada elemento de &apos;{key}&apos; debe ser un objeto</translation>
    </message>
    <message>
        <source>entry {number} has no creationDate</source>
        <translation>la entrada {number} no tiene creationDate</translation>
    </message>
    <message>
        <source>entry {number}: &apos;{key}&apos; must be a date and time</source>
        <translation>entrada {number}: &apos;{key}&apos; debe ser una fecha y hora</translation>
    </message>
    <message>
        <source>this is not a Day One export (there is no Journal.json in it)</source>
        <translation>esto no es una exportación de Day One (no contiene ningún Journal.json)</translation>
    </message>
    <message>
        <source>this is not a Day One journal (no list of &apos;entries&apos;)</source>
        <translation>esto no es un diario de Day One (no hay una lista de &apos;entries&apos;)</translation>
    </message>
    <message>
        <source>entry {number}: &apos;tags&apos; must be a list of text</source>
        <translation>entrada {number}: &apos;tags&apos; debe ser una lista de textos</translation>
    </message>
    <message>
        <source>{what} has no {key}</source>
        <translation>{what} no tiene {key}</translation>
    </message>
    <message>
        <source>entry {number}: the date {value} is not YYYY-MM-DD</source>
        <translation>entrada {number}: la fecha {value} no tiene la forma AAAA-MM-DD</translation>
    </message>
    <message>
        <source>entry {number}: the time {value} is not HH:MM</source>
        <translation>entrada {number}: la hora {value} no tiene la forma HH:MM</translation>
    </message>
    <message>
        <source>&apos;entries&apos; must be a list of entries</source>
        <translation>&apos;entries&apos; debe ser una lista de entradas</translation>
    </message>
    <message>
        <source>entry {number} has no date</source>
        <translation>la entrada {number} no tiene fecha</translation>
    </message>
    <message>
        <source>entry {number}: {value} is not a real date</source>
        <translation>entrada {number}: {value} no es una fecha que exista</translation>
    </message>
    <message>
        <source>entry {number}: {value} is not a time</source>
        <translation>entrada {number}: {value} no es una hora</translation>
    </message>
    <message>
        <source>this is not a jrnl JSON export (there is no list of &apos;entries&apos;)</source>
        <translation>esto no es una exportación JSON de jrnl (no hay una lista de &apos;entries&apos;)</translation>
    </message>
    <message>
        <source>entry {number}: every tag must be text</source>
        <translation>entrada {number}: cada etiqueta debe ser un texto</translation>
    </message>
    <message>
        <source>the name {name} appears twice in one object</source>
        <translation>el nombre {name} aparece dos veces en el mismo objeto</translation>
    </message>
    <message>
        <source>the JSON ends too early</source>
        <translation>el JSON termina antes de tiempo</translation>
    </message>
    <message>
        <source>this is not valid JSON (expected &apos;:&apos;)</source>
        <translation>esto no es un JSON válido (se esperaba &apos;:&apos;)</translation>
    </message>
    <message>
        <source>this is not valid JSON (expected &apos;,&apos; or &apos;}}&apos;)</source>
        <translation>esto no es un JSON válido (se esperaba &apos;,&apos; o &apos;}}&apos;)</translation>
    </message>
    <message>
        <source>this is not valid JSON (expected &apos;,&apos; or &apos;]&apos;)</source>
        <translation>esto no es un JSON válido (se esperaba &apos;,&apos; o &apos;]&apos;)</translation>
    </message>
    <message>
        <source>this is not valid JSON (expected a quoted name)</source>
        <translation>esto no es un JSON válido (se esperaba un nombre entre comillas)</translation>
    </message>
    <message>
        <source>this is not valid JSON (expected a value)</source>
        <translation>esto no es un JSON válido (se esperaba un valor)</translation>
    </message>
    <message>
        <source>this is not valid JSON ({detail})</source>
        <translation>esto no es un JSON válido ({detail})</translation>
    </message>
    <message>
        <source>a number is too long</source>
        <translation>un número es demasiado largo</translation>
    </message>
    <message>
        <source>this is not valid JSON (a text value is not closed, or has a line break or control character in it)</source>
        <translation>esto no es un JSON válido (un texto no está cerrado, o contiene un salto de línea o un carácter de control)</translation>
    </message>
    <message>
        <source>the JSON is nested too deeply</source>
        <translation>el JSON tiene demasiados niveles anidados</translation>
    </message>
    <message>
        <source>this is not valid JSON (unexpected text after the end)</source>
        <translation>esto no es un JSON válido (hay texto de más después del final)</translation>
    </message>
    <message>
        <source>{what}: &apos;{key}&apos; must be true or false</source>
        <translation>{what}: &apos;{key}&apos; debe ser true o false</translation>
    </message>
    <message>
        <source>{what}: &apos;{key}&apos; must be a list</source>
        <translation>{what}: &apos;{key}&apos; debe ser una lista</translation>
    </message>
    <message>
        <source>{what}: &apos;{key}&apos; must be text</source>
        <translation>{what}: &apos;{key}&apos; debe ser un texto</translation>
    </message>
    <message>
        <source>a tag</source>
        <translation>una etiqueta</translation>
    </message>
    <message>
        <source>an attachment&apos;s date</source>
        <translation>la fecha de un adjunto</translation>
    </message>
    <message>
        <source>an attachment&apos;s file name</source>
        <translation>el nombre de archivo de un adjunto</translation>
    </message>
    <message>
        <source>entry {number}</source>
        <translation>entrada {number}</translation>
    </message>
    <message>
        <source>entry {number}, attachment {index}</source>
        <translation>entrada {number}, adjunto {index}</translation>
    </message>
    <message>
        <source>entry {number}: the creationDate</source>
        <translation>entrada {number}: creationDate</translation>
    </message>
    <message>
        <source>the change date</source>
        <translation>la fecha de modificación</translation>
    </message>
    <message>
        <source>the creation date</source>
        <translation>la fecha de creación</translation>
    </message>
    <message>
        <source>the date</source>
        <translation>la fecha</translation>
    </message>
    <message>
        <source>the text</source>
        <translation>el texto</translation>
    </message>
    <message>
        <source>the title</source>
        <translation>el título</translation>
    </message>
    <message>
        <source>the attachment {link} is not a file in the import folder</source>
        <translation>el adjunto {link} no es un archivo de la carpeta que se importa</translation>
    </message>
    <message>
        <source>a list started with &apos;[&apos; is not closed with &apos;]&apos;</source>
        <translation>una lista que empieza con &apos;[&apos; no se cierra con &apos;]&apos;</translation>
    </message>
    <message>
        <source>a quoted value in a list is not closed</source>
        <translation>un valor entre comillas de una lista no está cerrado</translation>
    </message>
    <message>
        <source>there is no date: add a &apos;date:&apos; line at the top or start the file name with YYYY-MM-DD</source>
        <translation>no hay fecha: añade una línea &apos;date:&apos; al principio o haz que el nombre del archivo empiece por AAAA-MM-DD</translation>
    </message>
    <message>
        <source>{value} is not a date (use YYYY-MM-DD HH:MM)</source>
        <translation>{value} no es una fecha (usa YYYY-MM-DD HH:MM)</translation>
    </message>
    <message>
        <source>{key} must be true or false</source>
        <translation>{key} debe ser true o false</translation>
    </message>
    <message>
        <source>this front matter line is not &apos;name: value&apos;</source>
        <translation>esta línea de la cabecera no tiene la forma &apos;nombre: valor&apos;</translation>
    </message>
    <message>
        <source>a quoted value is not closed</source>
        <translation>un valor entre comillas no está cerrado</translation>
    </message>
    <message>
        <source>{what} must be text</source>
        <translation>{what} debe ser un texto</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>no existe ese archivo</translation>
    </message>
    <message>
        <source>there is no such folder</source>
        <translation>no existe esa carpeta</translation>
    </message>
    <message>
        <source>{what} has no time zone</source>
        <translation>{what} no tiene zona horaria</translation>
    </message>
    <message>
        <source>{what} is not an object</source>
        <translation>{what} no es un objeto</translation>
    </message>
    <message>
        <source>{what} contains characters that are not valid Unicode</source>
        <translation>{what} contiene caracteres que no son Unicode válido</translation>
    </message>
    <message>
        <source>this is not UTF-8 text</source>
        <translation>esto no es texto UTF-8</translation>
    </message>
    <message>
        <source>{what}: &apos;data&apos; is not valid base64</source>
        <translation>{what}: &apos;data&apos; no es base64 válido</translation>
    </message>
    <message>
        <source>&apos;entries&apos; must be a list</source>
        <translation>&apos;entries&apos; debe ser una lista</translation>
    </message>
    <message>
        <source>this export is version {version}, made by a newer CareCompanion; this one reads version {known}</source>
        <translation>esta exportación es de la versión {version}, hecha con un CareCompanion más nuevo; esta versión lee la {known}</translation>
    </message>
    <message>
        <source>{what}: {key} {value} has no offset (+01:00, Z)</source>
        <translation>{what}: {key} {value} no indica la diferencia horaria (+01:00, Z)</translation>
    </message>
    <message>
        <source>{what}: {value} is not an ISO 8601 time</source>
        <translation>{what}: {value} no es una hora ISO 8601</translation>
    </message>
    <message>
        <source>this is not a CareCompanion journal export (no &quot;format&quot;: &quot;{format}&quot;)</source>
        <translation>esto no es una exportación de diario de CareCompanion (falta &quot;format&quot;: &quot;{format}&quot;)</translation>
    </message>
    <message>
        <source>{what}: &apos;size&apos; says {size} bytes but &apos;data&apos; holds {actual}</source>
        <translation>{what}: &apos;size&apos; dice {size} bytes, pero &apos;data&apos; contiene {actual}</translation>
    </message>
    <message>
        <source>{what}: a tag must be text</source>
        <translation>{what}: cada etiqueta debe ser un texto</translation>
    </message>
    <message>
        <source>&apos;version&apos; must be a number</source>
        <translation>&apos;version&apos; debe ser un número</translation>
    </message>
    <message>
        <source>{what} is not between the years 1900 and 2999</source>
        <translation>{what} no está entre los años 1900 y 2999</translation>
    </message>
    <message>
        <source>a tag is longer than {count} characters</source>
        <translation>una etiqueta tiene más de {count} caracteres</translation>
    </message>
    <message>
        <source>the title is longer than {count} characters</source>
        <translation>el título tiene más de {count} caracteres</translation>
    </message>
    <message>
        <source>the file is larger than {limit}</source>
        <translation>el archivo ocupa más de {limit}</translation>
    </message>
    <message>
        <source>an entry has more than {count} attachments</source>
        <translation>una entrada tiene más de {count} adjuntos</translation>
    </message>
    <message>
        <source>there are more than {count} entries in one import</source>
        <translation>hay más de {count} entradas en una sola importación</translation>
    </message>
    <message>
        <source>the folder holds more than {count} files</source>
        <translation>la carpeta contiene más de {count} archivos</translation>
    </message>
    <message>
        <source>an entry has more than {count} tags</source>
        <translation>una entrada tiene más de {count} etiquetas</translation>
    </message>
    <message>
        <source>the file could not be read ({reason})</source>
        <translation>no se pudo leer el archivo ({reason})</translation>
    </message>
    <message>
        <source>{name} is compressed suspiciously well (a zip bomb?)</source>
        <translation>{name} está comprimido de forma sospechosamente eficaz (¿una bomba zip?)</translation>
    </message>
    <message>
        <source>the archive&apos;s list of files is larger than {limit}</source>
        <translation>la lista de archivos del archivo comprimido ocupa más de {limit}</translation>
    </message>
    <message>
        <source>this is not a zip archive</source>
        <translation>esto no es un archivo zip</translation>
    </message>
    <message>
        <source>the file&apos;s size does not match the archive</source>
        <translation>el tamaño del archivo no coincide con el del archivo zip</translation>
    </message>
    <message>
        <source>the archive would unpack to more than {limit}</source>
        <translation>al descomprimirlo ocuparía más de {limit}</translation>
    </message>
    <message>
        <source>the archive holds more than {count} files</source>
        <translation>el archivo zip contiene más de {count} archivos</translation>
    </message>
    <message>
        <source>the file could not be unpacked</source>
        <translation>no se pudo descomprimir el archivo</translation>
    </message>
    <message>
        <source>the archive has an unsafe file name {name}</source>
        <translation>el archivo zip contiene un nombre de archivo peligroso: {name}</translation>
    </message>
    <message>
        <source>There is no attachment with id {id}.</source>
        <translation>No hay ningún adjunto con el identificador {id}.</translation>
    </message>
    <message>
        <source>{name} is {size}; an attachment can be at most {limit}.</source>
        <translation>{name} ocupa {size}; un adjunto puede ocupar como máximo {limit}.</translation>
    </message>
    <message>
        <source>Adding {name} would take this entry&apos;s attachments over {limit} in total.</source>
        <translation>Si añades {name}, los adjuntos de esta entrada superarían {limit} en total.</translation>
    </message>
    <message>
        <source>There is no journal entry with id {id}.</source>
        <translation>No hay ninguna entrada del diario con el identificador {id}.</translation>
    </message>
    <message>
        <source>A template needs a name.</source>
        <translation>Una plantilla necesita un nombre.</translation>
    </message>
    <message>
        <source>There is no template with id {id}.</source>
        <translation>No hay ninguna plantilla con el identificador {id}.</translation>
    </message>
    <message>
        <source>“{name}” is a built-in template and cannot be changed or deleted; make a copy of it to adapt.</source>
        <translation>“{name}” es una plantilla incluida y no se puede cambiar ni borrar; haz una copia para adaptarla.</translation>
    </message>
    <message>
        <source>No system keyring is available on this computer.</source>
        <translation>Este equipo no tiene ningún llavero del sistema.</translation>
    </message>
    <message>
        <source>No system keyring (such as GNOME Keyring or KWallet) is running.</source>
        <translation>No hay ningún llavero del sistema en marcha (como GNOME Keyring o KWallet).</translation>
    </message>
    <message>
        <source>The system keyring did not accept the key ({kind}). Is it unlocked?</source>
        <translation>El llavero del sistema no aceptó la clave ({kind}). ¿Está desbloqueado?</translation>
    </message>
    <message>
        <source>The system keyring could not be reached ({kind}).</source>
        <translation>No se pudo acceder al llavero del sistema ({kind}).</translation>
    </message>
    <message>
        <source>The keyring in use ({kind}) is not your system&apos;s protected keyring, so CareCompanion will not store a key in it.</source>
        <translation>El llavero en uso ({kind}) no es el llavero protegido de tu sistema, así que CareCompanion no guardará ninguna clave en él.</translation>
    </message>
    <message>
        <source>There is no self-care activity with id {id}.</source>
        <translation>No hay ninguna actividad de autocuidado con el identificador {id}.</translation>
    </message>
    <message>
        <source>There is no saved self-check with id {id}.</source>
        <translation>No hay ninguna autoevaluación guardada con el identificador {id}.</translation>
    </message>
    <message>
        <source>A check-in cannot be dated before 1900.</source>
        <translation>Un registro no puede tener una fecha anterior a 1900.</translation>
    </message>
    <message>
        <source>A check-in cannot be in the future.</source>
        <translation>Un registro no puede estar en el futuro.</translation>
    </message>
    <message>
        <source>Mood is needed (a whole number from {low} to {high}).</source>
        <translation>Falta el ánimo (un número entero del {low} al {high}).</translation>
    </message>
    <message>
        <source>The time of a check-in must include its time zone.</source>
        <translation>La hora de un registro debe incluir su zona horaria.</translation>
    </message>
    <message>
        <source>{label} must be a number of hours from 0 to 24.</source>
        <translation>{label} debe ser un número de horas entre 0 y 24.</translation>
    </message>
    <message>
        <source>{label} must be a whole number from {low} to {high}.</source>
        <translation>{label} debe ser un número entero del {low} al {high}.</translation>
    </message>
    <message>
        <source>The note is longer than {count} characters; a journal entry is the place for a longer text.</source>
        <translation>La nota tiene más de {count} caracteres; para un texto más largo, mejor una entrada del diario.</translation>
    </message>
    <message>
        <source>A check-in can list at most {count} {what}.</source>
        <translation>Un registro puede incluir como máximo {count} {what}.</translation>
    </message>
    <message>
        <source>There is no check-in with id {id}.</source>
        <translation>No hay ningún registro con el identificador {id}.</translation>
    </message>
    <message>
        <source>A support contact is either a person or a crisis line.</source>
        <translation>Un contacto de apoyo es una persona o una línea de crisis.</translation>
    </message>
    <message>
        <source>A support contact needs a name.</source>
        <translation>Un contacto de apoyo necesita un nombre.</translation>
    </message>
    <message>
        <source>A contact&apos;s name and details must each be at most {count} characters long.</source>
        <translation>El nombre y los datos de un contacto pueden tener como máximo {count} caracteres cada uno.</translation>
    </message>
    <message>
        <source>{file} is a folder, not a Daylio CSV export.</source>
        <translation>{file} es una carpeta, no una exportación CSV de Daylio.</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} está vacío.</translation>
    </message>
    <message>
        <source>{count} fields where the header has {expected}.</source>
        <translation>{count} campos, pero la cabecera tiene {expected}.</translation>
    </message>
    <message>
        <source>the line is more than {count} characters long; no Daylio entry is that long.</source>
        <translation>la línea tiene más de {count} caracteres; ninguna entrada de Daylio es tan larga.</translation>
    </message>
    <message>
        <source>The mood {name} must be mapped to a level from {low} to {high}.</source>
        <translation>El ánimo {name} debe asignarse a un nivel del {low} al {high}.</translation>
    </message>
    <message>
        <source>there is no {columns} column, so this is not a Daylio CSV export (or one from a very old version; export it again from Daylio).</source>
        <translation>no hay columna {columns}, así que esto no es una exportación CSV de Daylio (o es de una versión muy antigua; vuelve a exportarla desde Daylio).</translation>
    </message>
    <message>
        <source>the mood name is more than {count} characters long; Daylio&apos;s mood names are short.</source>
        <translation>el nombre del estado de ánimo tiene más de {count} caracteres; los de Daylio son cortos.</translation>
    </message>
    <message>
        <source>There is no file at {file}.</source>
        <translation>No hay ningún archivo en {file}.</translation>
    </message>
    <message>
        <source>the mood is missing.</source>
        <translation>falta el ánimo.</translation>
    </message>
    <message>
        <source>{value} is not a date in the form YYYY-MM-DD.</source>
        <translation>{value} no es una fecha con la forma AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>{value} is not a real date.</source>
        <translation>{value} no es una fecha que exista.</translation>
    </message>
    <message>
        <source>{value} is not a time of day.</source>
        <translation>{value} no es una hora del día.</translation>
    </message>
    <message>
        <source>{file} is not a text file, so it is not a Daylio CSV export.</source>
        <translation>{file} no es un archivo de texto, así que no es una exportación CSV de Daylio.</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text, as Daylio writes it.</source>
        <translation>el archivo no es texto UTF-8, como lo escribe Daylio.</translation>
    </message>
    <message>
        <source>{file} is larger than 50 MB, so it is not a Daylio CSV export.</source>
        <translation>{file} ocupa más de 50 MB, así que no es una exportación CSV de Daylio.</translation>
    </message>
    <message>
        <source>more than {count} different mood names are not Daylio&apos;s defaults; a Daylio export has far fewer, so it is not read.</source>
        <translation>hay más de {count} nombres de estado de ánimo distintos que no son los de Daylio; una exportación de Daylio tiene muchos menos, así que no se lee.</translation>
    </message>
    <message>
        <source>the file has more than {count} entries; a Daylio export holds far fewer (thirty years of daily check-ins are about 11,000), so it is not read.</source>
        <translation>el archivo tiene más de {count} entradas; una exportación de Daylio tiene muchas menos (treinta años de registros diarios son unos 11.000), así que no se lee.</translation>
    </message>
    <message>
        <source>the mood {names} is not one of Daylio&apos;s defaults; say which level from {low} (awful) to {high} (great) it stands for.</source>
        <translation>el ánimo {names} no es uno de los de Daylio; indica a qué nivel corresponde, del {low} (fatal) al {high} (genial).</translation>
    </message>
    <message>
        <source>the mood names {names} are not Daylio&apos;s defaults; say which level from {low} (awful) to {high} (great) each stands for.</source>
        <translation>los ánimos {names} no son los de Daylio; indica a qué nivel corresponde cada uno, del {low} (fatal) al {high} (genial).</translation>
    </message>
    <message>
        <source>{file} could not be read: {reason}.</source>
        <translation>No se pudo leer {file}: {reason}.</translation>
    </message>
    <message>
        <source>Hours of care</source>
        <translation>El tiempo de cuidado</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>La energía</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>El ánimo</translation>
    </message>
    <message>
        <source>Sleep</source>
        <translation>El sueño</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>El estrés</translation>
    </message>
    <message>
        <source>That activity is already on your list.</source>
        <translation>Esa actividad ya está en tu lista.</translation>
    </message>
    <message>
        <source>An empty {what} name cannot be used.</source>
        <translation>No se puede usar un nombre de {what} vacío.</translation>
    </message>
    <message>
        <source>The character &apos;|&apos; cannot be used in an {what} name.</source>
        <translation>El carácter &apos;|&apos; no se puede usar en un nombre de {what}.</translation>
    </message>
    <message>
        <source>Each {what} name must be at most {count} characters long.</source>
        <translation>Cada nombre de {what} puede tener como máximo {count} caracteres.</translation>
    </message>
    <message>
        <source>The {title} has {questions} questions; {answers} answers were given.</source>
        <translation>El {title} tiene {questions} preguntas; se han dado {answers} respuestas.</translation>
    </message>
    <message>
        <source>Question {number} of the {title} needs one of {allowed}.</source>
        <translation>La pregunta {number} del {title} necesita una de estas respuestas: {allowed}.</translation>
    </message>
    <message>
        <source>A self-check cannot be dated in the future.</source>
        <translation>Una autoevaluación no puede tener una fecha futura.</translation>
    </message>
    <message>
        <source>The time of a self-check must include its time zone.</source>
        <translation>La hora de una autoevaluación debe incluir su zona horaria.</translation>
    </message>
    <message>
        <source>There is no self-check called {id}.</source>
        <translation>No hay ninguna autoevaluación llamada {id}.</translation>
    </message>
    <message>
        <source>There is no support contact with id {id}.</source>
        <translation>No hay ningún contacto de apoyo con el identificador {id}.</translation>
    </message>
    <message>
        <source>activities</source>
        <translation>actividades</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>actividad</translation>
    </message>
    <message>
        <source>emotion</source>
        <translation>sentimiento</translation>
    </message>
    <message>
        <source>emotions</source>
        <translation>sentimientos</translation>
    </message>
    <message>
        <source>Check in every 1 to {count} days, or not at all.</source>
        <translation>Elige contactar cada 1 a {count} días, o no fijar ningún plazo.</translation>
    </message>
    <message>
        <source>Each way someone helps can be at most {count} characters long.</source>
        <translation>Cada forma de ayudarte puede tener como máximo {count} caracteres.</translation>
    </message>
    <message>
        <source>A contact needs a name.</source>
        <translation>Un contacto necesita un nombre.</translation>
    </message>
    <message>
        <source>{value} does not look like a phone number.</source>
        <translation>{value} no parece un número de teléfono.</translation>
    </message>
    <message>
        <source>{value} does not look like an e-mail address.</source>
        <translation>{value} no parece una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>A contact can have at most {count} e-mail addresses.</source>
        <translation>Un contacto puede tener como máximo {count} direcciones de correo electrónico.</translation>
    </message>
    <message>
        <source>A contact can have at most {count} ways they help.</source>
        <translation>Un contacto puede tener como máximo {count} formas de ayudarte.</translation>
    </message>
    <message>
        <source>A contact can have at most {count} phone numbers.</source>
        <translation>Un contacto puede tener como máximo {count} números de teléfono.</translation>
    </message>
    <message>
        <source>There is no contact with id {id}.</source>
        <translation>No hay ningún contacto con el identificador {id}.</translation>
    </message>
    <message>
        <source>The description is too long.</source>
        <translation>La descripción es demasiado larga.</translation>
    </message>
    <message>
        <source>Each detail of a crisis line can be at most {count} characters long.</source>
        <translation>Cada dato de una línea de crisis puede tener como máximo {count} caracteres.</translation>
    </message>
    <message>
        <source>A crisis line needs a name.</source>
        <translation>Una línea de crisis necesita un nombre.</translation>
    </message>
    <message>
        <source>A crisis line needs a phone number, a number to text or a web address.</source>
        <translation>Una línea de crisis necesita un número de teléfono, un número al que enviar mensajes o una dirección web.</translation>
    </message>
    <message>
        <source>That is too long for a phone number.</source>
        <translation>Es demasiado largo para un número de teléfono.</translation>
    </message>
    <message>
        <source>There is no crisis line with id {id}.</source>
        <translation>No hay ninguna línea de crisis con el identificador {id}.</translation>
    </message>
    <message>
        <source>A group meets in person, by video or by phone.</source>
        <translation>Un grupo se reúne en persona, por videollamada o por teléfono.</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>Un grupo necesita un nombre.</translation>
    </message>
    <message>
        <source>The location or notes are too long.</source>
        <translation>El lugar o las notas son demasiado largos.</translation>
    </message>
    <message>
        <source>There is no group with id {id}.</source>
        <translation>No hay ningún grupo con el identificador {id}.</translation>
    </message>
    <message>
        <source>A name</source>
        <translation>Un nombre</translation>
    </message>
    <message>
        <source>A role</source>
        <translation>Un papel</translation>
    </message>
    <message>
        <source>An address</source>
        <translation>Una dirección</translation>
    </message>
    <message>
        <source>Best times to call</source>
        <translation>Las mejores horas para llamar</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Las notas</translation>
    </message>
    <message>
        <source>That time is in the future.</source>
        <translation>Esa hora está en el futuro.</translation>
    </message>
    <message>
        <source>The time needs a time zone.</source>
        <translation>La hora necesita una zona horaria.</translation>
    </message>
    <message>
        <source>A note can be at most {count} characters long.</source>
        <translation>Una nota puede tener como máximo {count} caracteres.</translation>
    </message>
    <message>
        <source>There is no contact log entry with id {id}.</source>
        <translation>No hay ninguna anotación de contacto con el identificador {id}.</translation>
    </message>
    <message>
        <source>The group does not meet on {day}.</source>
        <translation>El grupo no se reúne el {day}.</translation>
    </message>
    <message>
        <source>{value} is not one of {allowed}.</source>
        <translation>{value} no está entre estas opciones: {allowed}.</translation>
    </message>
    <message>
        <source>That file is not a JPEG, PNG, GIF or WebP picture.</source>
        <translation>Ese archivo no es una imagen JPEG, PNG, GIF o WebP.</translation>
    </message>
    <message>
        <source>The photo is {size} KiB; a contact photo can be at most {limit} KiB. Choose a smaller picture.</source>
        <translation>La foto ocupa {size} KiB; la foto de un contacto puede ocupar como máximo {limit} KiB. Elige una imagen más pequeña.</translation>
    </message>
    <message>
        <source>A meeting lasts from 1 minute to 24 hours.</source>
        <translation>Una reunión dura de 1 minuto a 24 horas.</translation>
    </message>
    <message>
        <source>The first meeting must fall on the chosen weekday of its month (use Schedule.monthly).</source>
        <translation>La primera reunión debe caer en el día de la semana elegido de su mes (usa Schedule.monthly).</translation>
    </message>
    <message>
        <source>A group meets once, weekly or monthly.</source>
        <translation>Un grupo se reúne una sola vez, cada semana o cada mes.</translation>
    </message>
    <message>
        <source>That is not a possible repeat interval.</source>
        <translation>Ese intervalo de repetición no es posible.</translation>
    </message>
    <message>
        <source>Say where the meeting moves to.</source>
        <translation>Indica adónde se cambia la reunión.</translation>
    </message>
    <message>
        <source>This group has no meeting schedule.</source>
        <translation>Este grupo no tiene reuniones programadas.</translation>
    </message>
    <message>
        <source>{value} is not a time zone name like Europe/London or America/New_York.</source>
        <translation>{value} no es un nombre de zona horaria como Europe/London o America/New_York.</translation>
    </message>
    <message>
        <source>The note is too long.</source>
        <translation>La nota es demasiado larga.</translation>
    </message>
    <message>
        <source>The last day is before the first meeting.</source>
        <translation>El último día es anterior a la primera reunión.</translation>
    </message>
    <message>
        <source>Choose the first to fifth, or the last, weekday of the month.</source>
        <translation>Elige la semana del mes: de la primera a la quinta, o la última.</translation>
    </message>
    <message>
        <source>{what} can be at most {count} characters long.</source>
        <translation>{what}: como máximo {count} caracteres.</translation>
    </message>
    <message>
        <source>There is no built-in list of crisis lines for {code}; choose one of {known}.</source>
        <translation>No hay una lista incluida de líneas de crisis para {code}; elige una de estas: {known}.</translation>
    </message>
    <message>
        <source>this is not a valid vCard line.</source>
        <translation>esta no es una línea vCard válida.</translation>
    </message>
    <message>
        <source>this card has more than {count} lines; is the file damaged?</source>
        <translation>esta tarjeta tiene más de {count} líneas; ¿está dañado el archivo?</translation>
    </message>
    <message>
        <source>line {line}: the check-in interval {value} is not a number of days; left out.</source>
        <translation>línea {line}: el intervalo de contacto {value} no es un número de días; se ha omitido.</translation>
    </message>
    <message>
        <source>line {line}: {value} is not an e-mail address; left out.</source>
        <translation>línea {line}: {value} no es una dirección de correo electrónico; se ha omitido.</translation>
    </message>
    <message>
        <source>END:VCARD without a BEGIN:VCARD before it.</source>
        <translation>END:VCARD sin un BEGIN:VCARD antes.</translation>
    </message>
    <message>
        <source>line {line}: {name} is too long to keep; left out.</source>
        <translation>línea {line}: {name} es demasiado largo para guardarlo; se ha dejado fuera.</translation>
    </message>
    <message>
        <source>line {line}: this card has more than {count} other details; the rest were left out.</source>
        <translation>línea {line}: esta tarjeta tiene más de {count} datos más; el resto se ha dejado fuera.</translation>
    </message>
    <message>
        <source>this card has no END:VCARD.</source>
        <translation>a esta tarjeta le falta END:VCARD.</translation>
    </message>
    <message>
        <source>this card has no name, phone number or e-mail address.</source>
        <translation>esta tarjeta no tiene nombre, número de teléfono ni dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>no contacts found; is this a vCard (.vcf) file?</source>
        <translation>no se encontró ningún contacto; ¿es un archivo vCard (.vcf)?</translation>
    </message>
    <message>
        <source>a new card starts before the card at line {line} has ended (END:VCARD is missing).</source>
        <translation>empieza una tarjeta nueva antes de que termine la de la línea {line} (falta END:VCARD).</translation>
    </message>
    <message>
        <source>this line is not UTF-8 text; export the contacts again as UTF-8 (Unicode) vCards.</source>
        <translation>esta línea no es texto UTF-8; vuelve a exportar los contactos como vCards en UTF-8 (Unicode).</translation>
    </message>
    <message>
        <source>{what} is outside any BEGIN:VCARD ... END:VCARD card; is this a vCard (.vcf) file?</source>
        <translation>{what} está fuera de cualquier tarjeta BEGIN:VCARD ... END:VCARD; ¿es un archivo vCard (.vcf)?</translation>
    </message>
    <message>
        <source>line {line}: {value} is not a phone number; left out.</source>
        <translation>línea {line}: {value} no es un número de teléfono; se ha omitido.</translation>
    </message>
    <message>
        <source>the photo on this line is damaged (its base64 data cannot be read).</source>
        <translation>la foto de esta línea está dañada (no se pueden leer sus datos base64).</translation>
    </message>
    <message>
        <source>line {line}: the photo is a web link; it was not downloaded.</source>
        <translation>línea {line}: la foto es un enlace web; no se ha descargado.</translation>
    </message>
    <message>
        <source>the photo on this line is not a base64 data: URI.</source>
        <translation>la foto de esta línea no es una data: URI en base64.</translation>
    </message>
    <message>
        <source>line {line}: the photo is not a JPEG, PNG, GIF or WebP picture; it was left out.</source>
        <translation>línea {line}: la foto no es una imagen JPEG, PNG, GIF o WebP; se ha omitido.</translation>
    </message>
    <message>
        <source>line {line}: the photo is {size} KiB, larger than {limit} KiB; it was left out.</source>
        <translation>línea {line}: la foto ocupa {size} KiB, más de {limit} KiB; se ha omitido.</translation>
    </message>
    <message>
        <source>line {line}: the photo is in a form this app cannot read; it was left out.</source>
        <translation>línea {line}: la foto está en un formato que esta aplicación no puede leer; se ha omitido.</translation>
    </message>
    <message>
        <source>the card for {name} cannot be imported: {reason}</source>
        <translation>la tarjeta de {name} no se puede importar: {reason}</translation>
    </message>
    <message>
        <source>the file is {size} MiB; at most {limit} MiB can be imported.</source>
        <translation>el archivo ocupa {size} MiB; se pueden importar como máximo {limit} MiB.</translation>
    </message>
    <message>
        <source>the file holds more than {count} contacts; split it into smaller files.</source>
        <translation>el archivo contiene más de {count} contactos; divídelo en archivos más pequeños.</translation>
    </message>
    <message>
        <source>the file has more than {count} lines; split it into smaller files.</source>
        <translation>el archivo tiene más de {count} líneas; divídelo en archivos más pequeños.</translation>
    </message>
    <message>
        <source>the file cannot be read ({reason}).</source>
        <translation>no se puede leer el archivo ({reason}).</translation>
    </message>
    <message>
        <source>the file is damaged: its UTF-16 text cannot be read.</source>
        <translation>el archivo está dañado: no se puede leer su texto UTF-16.</translation>
    </message>
    <message>
        <source>Another program is using your journal right now (CareCompanion in another window, or a long import). Wait for it to finish, or close it, then try again. Nothing you saved before was lost.</source>
        <translation>Otro programa está usando tu diario ahora mismo (CareCompanion en otra ventana, o una importación larga). Espera a que termine, o ciérralo, y vuelve a intentarlo. No se ha perdido nada de lo que guardaste antes.</translation>
    </message>
    <message>
        <source>The database library on this computer cannot encrypt, so CareCompanion will not store your journal with it.</source>
        <translation>La biblioteca de bases de datos de este equipo no puede cifrar, así que CareCompanion no guardará tu diario con ella.</translation>
    </message>
    <message>
        <source>The disk could not read or write your journal: it may be failing, or was unplugged. Check the drive, then try again. If this keeps happening, copy your backups somewhere safe.</source>
        <translation>El disco no pudo leer ni escribir tu diario: puede que esté fallando o que se haya desconectado. Revisa la unidad y vuelve a intentarlo. Si sigue pasando, lleva tus copias de seguridad a un lugar seguro.</translation>
    </message>
    <message>
        <source>There is not enough free space on the disk for CareCompanion to work with your journal. Free some space (empty the trash, or move large files elsewhere), then try again. Nothing you saved before was lost.</source>
        <translation>No hay espacio libre suficiente en el disco para que CareCompanion trabaje con tu diario. Libera algo de espacio (vacía la papelera o mueve archivos grandes a otro sitio) y vuelve a intentarlo. No se ha perdido nada de lo que guardaste antes.</translation>
    </message>
    <message>
        <source>The journal database failed its integrity check ({pages} damaged pages): it has been damaged or tampered with.</source>
        <translation>La base de datos del diario no superó la comprobación de integridad ({pages} páginas dañadas): se ha dañado o alguien la ha manipulado.</translation>
    </message>
    <message>
        <source>CareCompanion is not allowed to write in the folder that holds your journal. Check that the folder and its files belong to you, then try again. Nothing you saved before was lost.</source>
        <translation>CareCompanion no tiene permiso para escribir en la carpeta de tu diario. Comprueba que la carpeta y sus archivos son tuyos y vuelve a intentarlo. No se ha perdido nada de lo que guardaste antes.</translation>
    </message>
    <message>
        <source>CareCompanion needs SQLCipher (the sqlcipher3 package) to encrypt your journal, and it is not available on this computer, so nothing was stored.</source>
        <translation>CareCompanion necesita SQLCipher (el paquete sqlcipher3) para cifrar tu diario, y no está disponible en este equipo, así que no se ha guardado nada.</translation>
    </message>
    <message>
        <source>The folder that holds your journal is read-only, so nothing can be saved there. If it is on a USB drive or memory card, check that it is not locked, then try again. Nothing you saved before was lost.</source>
        <translation>La carpeta de tu diario es de solo lectura, así que no se puede guardar nada en ella. Si está en una memoria USB o una tarjeta de memoria, comprueba que no esté bloqueada y vuelve a intentarlo. No se ha perdido nada de lo que guardaste antes.</translation>
    </message>
    <message>
        <source>The journal database is damaged or has been tampered with and cannot be read.</source>
        <translation>La base de datos del diario está dañada o alguien la ha manipulado, y no se puede leer.</translation>
    </message>
    <message>
        <source>A CareCompanion vault already exists in {where}; it was left untouched.</source>
        <translation>Ya existe un diario de CareCompanion en {where}; no se ha tocado.</translation>
    </message>
    <message>
        <source>This journal&apos;s database is older than its key file (vault.header): an older copy of the database was put in its place, so what was written since is not in it. Nothing was changed. Put the newer database back, or restore a backup.</source>
        <translation>La base de datos de este diario es más antigua que su archivo de claves (vault.header): se puso en su lugar una copia anterior de la base de datos, así que lo que se escribió después no está en ella. No se ha cambiado nada. Vuelve a poner la base de datos más reciente o restaura una copia de seguridad.</translation>
    </message>
    <message>
        <source>This journal&apos;s key file (vault.header) is older than its database: an older copy of it was put in its place, and it may still open with a passphrase you replaced. Nothing was changed. Put the newer key file back, or restore a backup.</source>
        <translation>El archivo de claves de este diario (vault.header) es más antiguo que su base de datos: se puso en su lugar una copia anterior, y puede que todavía se abra con una frase de contraseña que ya cambiaste. No se ha cambiado nada. Vuelve a poner el archivo de claves más reciente o restaura una copia de seguridad.</translation>
    </message>
    <message>
        <source>The journal&apos;s keys were changed by CareCompanion while this command was opening it. Nothing was changed here; try again.</source>
        <translation>CareCompanion cambió las claves del diario mientras esta orden lo abría. Aquí no se ha cambiado nada; vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The journal database is missing or empty. Restore it from a backup.</source>
        <translation>La base de datos del diario falta o está vacía. Restáurala desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>There is no earlier journal called {name} in {where}.</source>
        <translation>No hay ningún diario anterior llamado {name} en {where}.</translation>
    </message>
    <message>
        <source>This journal&apos;s passphrase or keys were changed elsewhere since it was unlocked here, so nothing was changed now. Unlock it again to go on.</source>
        <translation>La frase de contraseña o las claves de este diario se cambiaron en otro lugar después de desbloquearlo aquí, así que ahora no se ha cambiado nada. Vuelve a desbloquearlo para seguir.</translation>
    </message>
    <message>
        <source>The vault header is damaged: a required field is missing.</source>
        <translation>La cabecera del diario está dañada: falta un campo obligatorio.</translation>
    </message>
    <message>
        <source>The vault header is damaged: its generation is not valid.</source>
        <translation>La cabecera del diario está dañada: su generación no es válida.</translation>
    </message>
    <message>
        <source>The vault header is damaged: key settings are not valid.</source>
        <translation>La cabecera del diario está dañada: los ajustes de la clave no son válidos.</translation>
    </message>
    <message>
        <source>The vault header is damaged: key settings are missing.</source>
        <translation>La cabecera del diario está dañada: faltan los ajustes de la clave.</translation>
    </message>
    <message>
        <source>The vault header asks for far more work to unlock than CareCompanion ever sets, so it was refused (it may have been tampered with).</source>
        <translation>La cabecera del diario pide mucho más trabajo para desbloquear del que CareCompanion fija nunca, así que se ha rechazado (puede que alguien la haya manipulado).</translation>
    </message>
    <message>
        <source>The vault header asks for weaker passphrase protection than CareCompanion ever uses, so it was refused (it may have been tampered with).</source>
        <translation>La cabecera del diario pide una protección de la frase de contraseña más débil que la que CareCompanion usa nunca, así que se ha rechazado (puede que alguien la haya manipulado).</translation>
    </message>
    <message>
        <source>The vault header names a key-derivation method we do not use.</source>
        <translation>La cabecera del diario indica un método de derivación de claves que no usamos.</translation>
    </message>
    <message>
        <source>The vault header is damaged: the {slot} nonce is not valid.</source>
        <translation>La cabecera del diario está dañada: un nonce no es válido ({slot}).</translation>
    </message>
    <message>
        <source>This is not a CareCompanion vault header.</source>
        <translation>Esta no es una cabecera de diario de CareCompanion.</translation>
    </message>
    <message>
        <source>The vault header is damaged: {what} is not valid.</source>
        <translation>La cabecera del diario está dañada: un dato no es válido ({what}).</translation>
    </message>
    <message>
        <source>The vault header is damaged: {what} is missing.</source>
        <translation>La cabecera del diario está dañada: falta un dato ({what}).</translation>
    </message>
    <message>
        <source>The vault header is damaged: the passphrase salt is not valid.</source>
        <translation>La cabecera del diario está dañada: la sal de la frase de contraseña no es válida.</translation>
    </message>
    <message>
        <source>The vault header is damaged: its key slots are not valid.</source>
        <translation>La cabecera del diario está dañada: sus ranuras de clave no son válidas.</translation>
    </message>
    <message>
        <source>The vault header has been changed by something other than CareCompanion (damage or tampering). Restore it from a backup.</source>
        <translation>Algo ajeno a CareCompanion ha cambiado la cabecera del diario (daños o manipulación). Restáurala desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>The vault header is far larger than it should be: refused.</source>
        <translation>La cabecera del diario es mucho más grande de lo que debería: se ha rechazado.</translation>
    </message>
    <message>
        <source>The vault header is damaged and cannot be read.</source>
        <translation>La cabecera del diario está dañada y no se puede leer.</translation>
    </message>
    <message>
        <source>The vault header is damaged: its version is not valid.</source>
        <translation>La cabecera del diario está dañada: su versión no es válida.</translation>
    </message>
    <message>
        <source>CareCompanion is open on this journal; close it or use it there.</source>
        <translation>CareCompanion tiene abierto este diario; ciérralo o úsalo desde allí.</translation>
    </message>
    <message>
        <source>Another CareCompanion command is using this journal; try again when it has finished.</source>
        <translation>Otra orden de CareCompanion está usando este diario; vuelve a intentarlo cuando haya terminado.</translation>
    </message>
    <message>
        <source>CareCompanion cannot use the journal&apos;s folder {where}: {reason}.</source>
        <translation>CareCompanion no puede usar la carpeta del diario {where}: {reason}.</translation>
    </message>
    <message>
        <source>This vault was written by a newer version of CareCompanion. Please update the app; the vault was left untouched.</source>
        <translation>Este diario lo escribió una versión más reciente de CareCompanion. Actualiza la aplicación, por favor; el diario no se ha tocado.</translation>
    </message>
    <message>
        <source>No CareCompanion vault in {where}. Create one with &apos;carecompanion init&apos;.</source>
        <translation>No hay ningún diario de CareCompanion en {where}. Crea uno con &apos;carecompanion init&apos;.</translation>
    </message>
    <message>
        <source>A recovery key has {expected} letters and digits in groups of four; this one has {given}.</source>
        <translation>Una clave de recuperación tiene {expected} letras y cifras en grupos de cuatro; esta tiene {given}.</translation>
    </message>
    <message>
        <source>This vault has no recovery key.</source>
        <translation>Este diario no tiene clave de recuperación.</translation>
    </message>
    <message>
        <source>That recovery key has a typo: please check each group of four against the printout.</source>
        <translation>Esa clave de recuperación tiene un error de escritura: compara cada grupo de cuatro con la copia impresa, por favor.</translation>
    </message>
    <message>
        <source>A restore that was interrupted has been finished. The journal it replaced is kept in {where}.</source>
        <translation>Se ha terminado una restauración que se había interrumpido. El diario al que sustituyó se guarda en {where}.</translation>
    </message>
    <message>
        <source>A restore that was interrupted has been finished.</source>
        <translation>Se ha terminado una restauración que se había interrumpido.</translation>
    </message>
    <message>
        <source>A restore into {where} is half-done, so no new vault was made. CareCompanion finishes it (or undoes it) the next time it starts; nothing has been deleted.</source>
        <translation>Hay una restauración a medias en {where}, así que no se ha creado ningún diario nuevo. CareCompanion la terminará (o la deshará) la próxima vez que se inicie; no se ha borrado nada.</translation>
    </message>
    <message>
        <source>A restore was interrupted and its record cannot be read, so nothing was moved. If your journal is missing, put it back from the earlier journals kept in {where}.</source>
        <translation>Una restauración se interrumpió y no se puede leer el archivo que la describe, así que no se ha movido nada. Si falta tu diario, recupéralo de los diarios anteriores guardados en {where}.</translation>
    </message>
    <message>
        <source>There is not enough free space in {where} to restore this journal (it needs about {size} MB). Nothing was changed.</source>
        <translation>No hay espacio libre suficiente en {where} para restaurar este diario (necesita unos {size} MB). No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The journal could not be restored into {where} ({reason}). Nothing was changed.</source>
        <translation>No se pudo restaurar el diario en {where} ({reason}). No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>A restore that was interrupted could not be finished, so it was undone: your journal is as it was before.</source>
        <translation>No se pudo terminar una restauración que se había interrumpido, así que se ha deshecho: tu diario está como estaba antes.</translation>
    </message>
    <message>
        <source>A restore into {where} was interrupted and could not be finished yet ({reason}). Nothing has been deleted; CareCompanion tries again each time it starts.</source>
        <translation>Una restauración en {where} se interrumpió y todavía no se ha podido terminar ({reason}). No se ha borrado nada; CareCompanion vuelve a intentarlo cada vez que se inicia.</translation>
    </message>
    <message>
        <source>Too easy to guess. Try four or five ordinary words with spaces between them.</source>
        <translation>Demasiado fácil de adivinar. Prueba con cuatro o cinco palabras corrientes separadas por espacios.</translation>
    </message>
    <message>
        <source>Still easy to guess. Use at least {count} characters, ideally a few words.</source>
        <translation>Todavía es fácil de adivinar. Usa al menos {count} caracteres, mejor si son unas cuantas palabras.</translation>
    </message>
    <message>
        <source>Hard to guess. Keep it somewhere safe until you know it by heart.</source>
        <translation>Difícil de adivinar. Guárdala en un lugar seguro hasta que te la sepas de memoria.</translation>
    </message>
    <message>
        <source>Very hard to guess. Keep it somewhere safe until you know it by heart.</source>
        <translation>Muy difícil de adivinar. Guárdala en un lugar seguro hasta que te la sepas de memoria.</translation>
    </message>
    <message>
        <source>Your journal now has its new key, but the backup under it could not be written. Your older backups were kept: they still open with the old passphrase and the old recovery key until the next backup replaces them.</source>
        <translation>Tu diario ya tiene su clave nueva, pero no se pudo escribir la copia de seguridad con ella. Se han conservado tus copias de seguridad anteriores: se siguen abriendo con la frase de contraseña antigua y la clave de recuperación antigua hasta que la próxima copia las sustituya.</translation>
    </message>
    <message>
        <source>Your journal now has its new key, but no backup could be written under it (the disk is short of space). Your older backups were kept: they still open with the old passphrase and the old recovery key until tomorrow&apos;s backup replaces them.</source>
        <translation>Tu diario ya tiene su clave nueva, pero no se pudo escribir ninguna copia de seguridad con ella (queda poco espacio en el disco). Se han conservado tus copias de seguridad anteriores: se siguen abriendo con la frase de contraseña antigua y la clave de recuperación antigua hasta que la copia de mañana las sustituya.</translation>
    </message>
    <message>
        <source>Words about caring or this app are among the first tried.</source>
        <translation>Las palabras sobre cuidados o sobre esta aplicación son de las primeras que se prueban.</translation>
    </message>
    <message>
        <source>Nearly there: add another word or two.</source>
        <translation>Ya casi: añade una o dos palabras más.</translation>
    </message>
    <message>
        <source>Capital letters add little; a word adds more.</source>
        <translation>Las mayúsculas aportan poco; una palabra más aporta más.</translation>
    </message>
    <message>
        <source>This is one of the most common passwords.</source>
        <translation>Es una de las contraseñas más usadas.</translation>
    </message>
    <message>
        <source>Years and dates are easy to guess, most of all your own.</source>
        <translation>Los años y las fechas son fáciles de adivinar, sobre todo los que tienen que ver contigo.</translation>
    </message>
    <message>
        <source>Keys next to each other on the keyboard are easy to guess.</source>
        <translation>Las teclas que están juntas en el teclado son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>This is close to a very common password.</source>
        <translation>Se parece a una contraseña muy usada.</translation>
    </message>
    <message>
        <source>Swapping letters for look-alikes (@ for a, 0 for o) adds little.</source>
        <translation>Cambiar letras por signos parecidos (@ por a, 0 por o) aporta poco.</translation>
    </message>
    <message>
        <source>Names are among the first things tried.</source>
        <translation>Los nombres son de lo primero que se prueba.</translation>
    </message>
    <message>
        <source>A single word is easy to guess, even a long one.</source>
        <translation>Una sola palabra es fácil de adivinar, aunque sea larga.</translation>
    </message>
    <message>
        <source>Repeated letters or words add very little.</source>
        <translation>Repetir letras o palabras aporta muy poco.</translation>
    </message>
    <message>
        <source>A word spelled backwards adds little.</source>
        <translation>Escribir una palabra al revés aporta poco.</translation>
    </message>
    <message>
        <source>Runs such as abc or 1234 are easy to guess.</source>
        <translation>Las series como abc o 1234 son fáciles de adivinar.</translation>
    </message>
    <message>
        <source>Use at least {count} characters.</source>
        <translation>Usa al menos {count} caracteres.</translation>
    </message>
    <message>
        <source>That passphrase is too easy to guess. {advice}</source>
        <translation>Esa frase de contraseña es demasiado fácil de adivinar. {advice}</translation>
    </message>
    <message>
        <source>That passphrase does not open this vault. Check Caps Lock and try again, or use your recovery key.</source>
        <translation>Esa frase de contraseña no abre este diario. Revisa el Bloq Mayús y vuelve a intentarlo, o usa tu clave de recuperación.</translation>
    </message>
    <message>
        <source>That recovery key does not open this vault.</source>
        <translation>Esa clave de recuperación no abre este diario.</translation>
    </message>
    <message>
        <source>The computer could not read or write a file ({reason}).</source>
        <translation>El ordenador no pudo leer o escribir un archivo ({reason}).</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}). Your journal is safe; please try again.</source>
        <translation>Algo ha fallado ({kind}). Tu diario está a salvo; inténtalo de nuevo.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>A printable PDF</source>
        <translation>Un PDF para imprimir</translation>
    </message>
    <message>
        <source>A folder of text files (Markdown)</source>
        <translation>Una carpeta de archivos de texto (Markdown)</translation>
    </message>
    <message>
        <source>A CareCompanion file (.json) to import again</source>
        <translation>Un archivo de CareCompanion (.json) para volver a importarlo</translation>
    </message>
    <message>
        <source>Export entries</source>
        <translation>Exportar entradas</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Formato de exportación</translation>
    </message>
    <message>
        <source>Which entries</source>
        <translation>Qué entradas</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>The selected entry</source>
        <translation>La entrada seleccionada</translation>
    </message>
    <message>
        <source>A date range</source>
        <translation>Un periodo de fechas</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Desde la fecha</translation>
    </message>
    <message>
        <source>Until date</source>
        <translation>Hasta la fecha</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <source>An export is not encrypted: anyone who opens the file can read it. Keep it somewhere safe, and delete it when you no longer need it.</source>
        <translation>Una exportación no está cifrada: cualquiera que abra el archivo puede leerlo. Guárdala en un lugar seguro y bórrala cuando ya no la necesites.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Choose where and export</source>
        <translation>Elegir dónde y exportar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Choose an empty folder</source>
        <translation>Elige una carpeta vacía</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportando</translation>
    </message>
    <message>
        <source>Writing your entries…</source>
        <translation>Escribiendo tus entradas…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Cancelado: no se escribió nada.</translation>
    </message>
</context>
<context>
    <name>FileFlows</name>
    <message>
        <source>Cannot import</source>
        <translation>No se puede importar</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se importó nada.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Search your journal (Ctrl+F)</source>
        <translation>Buscar en tu diario (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the journal</source>
        <translation>Buscar en el diario</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Borrar la búsqueda</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <source>Show filters</source>
        <translation>Mostrar filtros</translation>
    </message>
    <message>
        <source>Only entries with this tag</source>
        <translation>Solo entradas con esta etiqueta</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Only entries from a date</source>
        <translation>Solo entradas desde una fecha</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Desde la fecha</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Only entries until a date</source>
        <translation>Solo entradas hasta una fecha</translation>
    </message>
    <message>
        <source>Until date</source>
        <translation>Hasta la fecha</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoritas</translation>
    </message>
    <message>
        <source>Only favourites</source>
        <translation>Solo favoritas</translation>
    </message>
    <message>
        <source>With attachments</source>
        <translation>Con adjuntos</translation>
    </message>
    <message>
        <source>Only entries with attachments</source>
        <translation>Solo entradas con adjuntos</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Todas las etiquetas</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Every week</source>
        <translation>Cada semana</translation>
    </message>
    <message>
        <source>Every other week</source>
        <translation>Cada dos semanas</translation>
    </message>
    <message>
        <source>Once a month, on the same weekday</source>
        <translation>Una vez al mes, el mismo día de la semana</translation>
    </message>
    <message>
        <source>Just once</source>
        <translation>Solo una vez</translation>
    </message>
    <message>
        <source>first</source>
        <translation>primera</translation>
    </message>
    <message>
        <source>second</source>
        <translation>segunda</translation>
    </message>
    <message>
        <source>third</source>
        <translation>tercera</translation>
    </message>
    <message>
        <source>fourth</source>
        <translation>cuarta</translation>
    </message>
    <message>
        <source>fifth</source>
        <translation>quinta</translation>
    </message>
    <message>
        <source>last</source>
        <translation>última</translation>
    </message>
    <message>
        <source>A support group</source>
        <translation>Un grupo de apoyo</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nombre del grupo</translation>
    </message>
    <message>
        <source>How the group meets</source>
        <translation>Cómo se reúne el grupo</translation>
    </message>
    <message>
        <source>Where, or the link or number</source>
        <translation>Dónde, o el enlace o el número</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Persona que lo coordina</translation>
    </message>
    <message>
        <source>Nobody chosen</source>
        <translation>Nadie elegido</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>How often it meets</source>
        <translation>Cada cuánto se reúne</translation>
    </message>
    <message>
        <source>Which week of the month</source>
        <translation>Qué semana del mes</translation>
    </message>
    <message>
        <source>First meeting</source>
        <translation>Primera reunión</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Empieza a las</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>How long</source>
        <translation>Cuánto dura</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>A time zone name such as Europe/London or America/New_York; UTC is universal time.</source>
        <translation>El nombre de una zona horaria, como Europe/Madrid o America/Mexico_City; UTC es el tiempo universal.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Meets</source>
        <translation>Se reúne</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Se repite</translation>
    </message>
    <message>
        <source>Week of the month</source>
        <translation>Semana del mes</translation>
    </message>
    <message>
        <source>Lasts</source>
        <translation>Dura</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>Un grupo necesita un nombre.</translation>
    </message>
    <message>
        <source>&apos;{zone}&apos; is not a time zone name such as Europe/London or America/New_York.</source>
        <translation>«{zone}» no es un nombre de zona horaria como Europe/Madrid o America/Mexico_City.</translation>
    </message>
</context>
<context>
    <name>GroupListModel</name>
    <message>
        <source>no meetings set</source>
        <translation>sin reuniones fijadas</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Emergency: {number}</source>
        <translation>Emergencias: {number}</translation>
    </message>
    <message>
        <source>112 is the emergency number across Europe, and most mobile phones connect it to the local emergency service elsewhere too. In the United States, Canada and Mexico the number is 911; in the United Kingdom, 999.</source>
        <translation>El 112 es el número de emergencias en toda Europa, y la mayoría de los móviles también lo conectan con el servicio de emergencias local en otros países. En Estados Unidos, Canadá y México el número es el 911; en el Reino Unido, el 999.</translation>
    </message>
    <message>
        <source>You can type your country&apos;s emergency number and helplines under Edit helplines.</source>
        <translation>Puedes escribir el número de emergencias y las líneas de ayuda de tu país en Editar líneas de ayuda.</translation>
    </message>
    <message>
        <source>Choose your country below to see its own emergency number and helplines.</source>
        <translation>Elige tu país abajo para ver su número de emergencias y sus líneas de ayuda.</translation>
    </message>
    <message>
        <source>Your people</source>
        <translation>Tu gente</translation>
    </message>
    <message>
        <source>Helplines</source>
        <translation>Líneas de ayuda</translation>
    </message>
    <message>
        <source>text {number}</source>
        <translation>SMS al {number}</translation>
    </message>
    <message>
        <source>Mark the people you would call first as emergency contacts on the People page, and they will be listed here.</source>
        <translation>Marca como contactos de emergencia, en la página Personas, a quienes llamarías primero, y aparecerán aquí.</translation>
    </message>
    <message>
        <source>Need help now</source>
        <translation>Necesito ayuda ya</translation>
    </message>
    <message>
        <source>People and helplines to call</source>
        <translation>Personas y líneas de ayuda a las que llamar</translation>
    </message>
    <message>
        <source>Which country are you in? Its emergency number and helplines will be shown here.</source>
        <translation>¿En qué país estás? Aquí se mostrarán su número de emergencias y sus líneas de ayuda.</translation>
    </message>
    <message>
        <source>Your country, for its helplines</source>
        <translation>Tu país, para sus líneas de ayuda</translation>
    </message>
    <message>
        <source>Use this country</source>
        <translation>Usar este país</translation>
    </message>
    <message>
        <source>Use this country&apos;s emergency number and helplines</source>
        <translation>Usar el número de emergencias y las líneas de ayuda de este país</translation>
    </message>
    <message>
        <source>Edit helplines…</source>
        <translation>Editar líneas de ayuda…</translation>
    </message>
    <message>
        <source>Edit the helplines</source>
        <translation>Editar las líneas de ayuda</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>HelpPanel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Where this request stands</source>
        <translation>Cómo está esta petición</translation>
    </message>
    <message>
        <source>Offers</source>
        <translation>Ofertas</translation>
    </message>
    <message>
        <source>No offers yet.</source>
        <translation>Todavía no hay ofertas.</translation>
    </message>
    <message>
        <source>I can do it…</source>
        <translation>Puedo hacerlo…</translation>
    </message>
    <message>
        <source>Offer to help with this</source>
        <translation>Ofrecerme a ayudar con esto</translation>
    </message>
    <message>
        <source>Withdraw my offer…</source>
        <translation>Retirar mi oferta…</translation>
    </message>
    <message>
        <source>Withdraw my offer to help</source>
        <translation>Retirar mi oferta de ayuda</translation>
    </message>
    <message>
        <source>Confirm this offer</source>
        <translation>Confirmar esta oferta</translation>
    </message>
    <message>
        <source>Confirm the chosen offer</source>
        <translation>Confirmar la oferta elegida</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>Change this request</source>
        <translation>Cambiar esta petición</translation>
    </message>
    <message>
        <source>Cancel this request…</source>
        <translation>Cancelar esta petición…</translation>
    </message>
    <message>
        <source>Cancel this request for help</source>
        <translation>Cancelar esta petición de ayuda</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>Por qué: {reason}</translation>
    </message>
    <message>
        <source>You can read this circle&apos;s requests. The organiser can make you a helper, so that you can offer to help.</source>
        <translation>Puedes leer las peticiones de este círculo. Quien lo organiza puede hacerte ayudante, para que puedas ofrecerte a ayudar.</translation>
    </message>
</context>
<context>
    <name>HelpTab</name>
    <message>
        <source>Requests for help</source>
        <extracomment>A change was saved in this circle (its id): the page syncs it.</extracomment>
        <translation>Peticiones de ayuda</translation>
    </message>
    <message>
        <source>Ask for help…</source>
        <translation>Pedir ayuda…</translation>
    </message>
    <message>
        <source>Ask the circle for help</source>
        <translation>Pedir ayuda al círculo</translation>
    </message>
    <message>
        <source>Show past</source>
        <translation>Mostrar pasadas</translation>
    </message>
    <message>
        <source>Show past and cancelled requests</source>
        <translation>Mostrar las peticiones pasadas y canceladas</translation>
    </message>
    <message>
        <source>Export to calendar</source>
        <translation>Exportar al calendario</translation>
    </message>
    <message>
        <source>Export help to a calendar file</source>
        <translation>Exportar la ayuda a un archivo de calendario</translation>
    </message>
    <message>
        <source>What I said I would do…</source>
        <translation>Lo que dije que haría…</translation>
    </message>
    <message>
        <source>All confirmed help in this circle…</source>
        <translation>Toda la ayuda confirmada en este círculo…</translation>
    </message>
    <message>
        <source>Help status</source>
        <translation>Estado de la ayuda</translation>
    </message>
    <message>
        <source>Nobody has asked for help yet</source>
        <translation>Nadie ha pedido ayuda todavía</translation>
    </message>
    <message>
        <source>When someone in the circle needs a hand (a lift to the clinic, a meal, an afternoon with Mum), they ask here, and the others say “I can do it”.</source>
        <translation>Cuando alguien del círculo necesita una mano (llevarle a la consulta, una comida, una tarde con mamá), lo pide aquí, y los demás dicen «Puedo hacerlo».</translation>
    </message>
    <message>
        <source>Show past ({count})</source>
        <translation>Mostrar pasadas ({count})</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>No se pidió</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>No se cambió</translation>
    </message>
    <message>
        <source>Offer to help</source>
        <translation>Ofrecer ayuda</translation>
    </message>
    <message>
        <source>Offer to help with “{what}”, {when}? {name} will see your offer and can confirm it.</source>
        <translation>¿Ofrecerte a ayudar con «{what}», {when}? {name} verá tu oferta y podrá confirmarla.</translation>
    </message>
    <message>
        <source>A note for {name} (optional)</source>
        <translation>Una nota para {name} (opcional)</translation>
    </message>
    <message>
        <source>I can do it</source>
        <translation>Puedo hacerlo</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>No se ofreció</translation>
    </message>
    <message>
        <source>{name} is counting on you for “{what}”. If you withdraw, the request opens again for others.</source>
        <translation>{name} cuenta contigo para «{what}». Si te retiras, la petición vuelve a quedar abierta para los demás.</translation>
    </message>
    <message>
        <source>Withdraw your offer to help with “{what}”?</source>
        <translation>¿Retirar tu oferta de ayuda con «{what}»?</translation>
    </message>
    <message>
        <source>Withdraw my offer</source>
        <translation>Retirar mi oferta</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>Por qué (opcional)</translation>
    </message>
    <message>
        <source>Keep my offer</source>
        <translation>Mantener mi oferta</translation>
    </message>
    <message>
        <source>Not withdrawn</source>
        <translation>No se retiró</translation>
    </message>
    <message>
        <source>Not confirmed</source>
        <translation>No se confirmó</translation>
    </message>
    <message>
        <source>Cancel this request</source>
        <translation>Cancelar esta petición</translation>
    </message>
    <message>
        <source>Cancel “{what}”, {when}? Whoever offered sees it at their next sync.</source>
        <translation>¿Cancelar «{what}», {when}? Quien se ofreció lo verá en su próxima sincronización.</translation>
    </message>
    <message>
        <source>Cancel the request</source>
        <translation>Cancelar la petición</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Mantenerla</translation>
    </message>
    <message>
        <source>Not cancelled</source>
        <translation>No se canceló</translation>
    </message>
    <message>
        <source>You have not promised any help yet: nothing to export.</source>
        <translation>Todavía no has prometido ninguna ayuda: no hay nada que exportar.</translation>
    </message>
    <message>
        <source>Nobody is confirmed for any request yet: nothing to export.</source>
        <translation>Todavía no hay nadie confirmado en ninguna petición: no hay nada que exportar.</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Archivos de calendario (*.ics)</translation>
    </message>
    <message>
        <source>Saved 1 event to {file}.</source>
        <translation>Se guardó 1 evento en {file}.</translation>
    </message>
    <message>
        <source>Saved {count} events to {file}.</source>
        <translation>Se guardaron {count} eventos en {file}.</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportando</translation>
    </message>
    <message>
        <source>Writing the calendar file…</source>
        <translation>Escribiendo el archivo de calendario…</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>No se puede exportar</translation>
    </message>
</context>
<context>
    <name>HelpWords</name>
    <message>
        <source>Open requests</source>
        <extracomment>The sections, in the order the tab shows them.</extracomment>
        <translation>Peticiones abiertas</translation>
    </message>
    <message>
        <source>Covered</source>
        <translation>Cubiertas</translation>
    </message>
    <message>
        <source>What I said I would do</source>
        <translation>Lo que dije que haría</translation>
    </message>
    <message>
        <source>Past and cancelled</source>
        <translation>Pasadas y canceladas</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>{day}, {times}</source>
        <translation>{day}, {times}</translation>
    </message>
    <message>
        <source>{when} (read as UTC: {zone} is not known here)</source>
        <translation>{when} (leído como UTC: {zone} no se conoce aquí)</translation>
    </message>
    <message>
        <source>{here} ({there} {place} time)</source>
        <translation>{here} ({there} hora de {place})</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>you</source>
        <translation>tú</translation>
    </message>
    <message>
        <source>1 person needed</source>
        <translation>Se necesita 1 persona</translation>
    </message>
    <message>
        <source>{count} people needed</source>
        <translation>Se necesitan {count} personas</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Over</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Covered by {names}</source>
        <translation>La cubre: {names}</translation>
    </message>
    <message>
        <source>Needs 1 more person</source>
        <translation>Falta 1 persona</translation>
    </message>
    <message>
        <source>Needs {count} more people</source>
        <translation>Faltan {count} personas</translation>
    </message>
    <message>
        <source>You offered</source>
        <translation>Te ofreciste</translation>
    </message>
    <message>
        <source>1 offer to confirm</source>
        <translation>1 oferta por confirmar</translation>
    </message>
    <message>
        <source>{count} offers to confirm</source>
        <translation>{count} ofertas por confirmar</translation>
    </message>
    <message>
        <source>1 person offered</source>
        <translation>1 persona se ofreció</translation>
    </message>
    <message>
        <source>{count} people offered</source>
        <translation>{count} personas se ofrecieron</translation>
    </message>
    <message>
        <source>Asked by {name}</source>
        <translation>Lo pide {name}</translation>
    </message>
    <message>
        <source>offered</source>
        <translation>se ofreció</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>confirmada</translation>
    </message>
    <message>
        <source>withdrew</source>
        <translation>se retiró</translation>
    </message>
    <message>
        <source>thanked, not needed</source>
        <translation>agradecida, no hizo falta</translation>
    </message>
    <message>
        <source>Someone offered to help on {day}.</source>
        <extracomment>The reader&apos;s clock (None: this computer&apos;s); tests and screenshots fix it.</extracomment>
        <translation>Alguien se ofreció a ayudar el {day}.</translation>
    </message>
    <message>
        <source>Someone who was coming on {day} can no longer come.</source>
        <translation>Alguien que iba a venir el {day} ya no puede.</translation>
    </message>
    <message>
        <source>Your offer to help on {day} was confirmed.</source>
        <translation>Se confirmó tu oferta de ayuda del {day}.</translation>
    </message>
    <message>
        <source>A request you offered to help with on {day} was cancelled.</source>
        <translation>Se canceló una petición en la que te ofreciste a ayudar el {day}.</translation>
    </message>
    <message>
        <source>And {count} more changes in the circle&apos;s help calendar.</source>
        <translation>Y {count} cambios más en el calendario de ayuda del círculo.</translation>
    </message>
    <message>
        <source>Help coming:
{when}
{names}: {what}</source>
        <translation>Ayuda que viene:
{when}
{names}: {what}</translation>
    </message>
    <message>
        <source>You said you would help:
{when}
{what}</source>
        <translation>Dijiste que ayudarías:
{when}
{what}</translation>
    </message>
</context>
<context>
    <name>HelplinesDialog</name>
    <message>
        <source>Your helplines</source>
        <translation>Tus líneas de ayuda</translation>
    </message>
    <message>
        <source>Emergency number</source>
        <translation>Número de emergencias</translation>
    </message>
    <message>
        <source>Helplines</source>
        <translation>Líneas de ayuda</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Number to text</source>
        <translation>Número para mensajes de texto</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Dirección web</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Add as new</source>
        <translation>Añadir como nueva</translation>
    </message>
    <message>
        <source>Add as a new helpline</source>
        <translation>Añadir como nueva línea de ayuda</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <source>Save the chosen helpline</source>
        <translation>Guardar la línea de ayuda elegida</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove the chosen helpline</source>
        <translation>Quitar la línea de ayuda elegida</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import entries</source>
        <translation>Importar entradas</translation>
    </message>
    <message>
        <source>Where the entries come from</source>
        <translation>De dónde vienen las entradas</translation>
    </message>
    <message>
        <source>File or folder to import</source>
        <translation>Archivo o carpeta que importar</translation>
    </message>
    <message>
        <source>Choose a file or folder…</source>
        <translation>Elige un archivo o una carpeta…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the file or folder</source>
        <translation>Elegir el archivo o la carpeta</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Preview the import</source>
        <translation>Ver la importación antes de hacerla</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>Importar de</translation>
    </message>
    <message>
        <source>File or folder</source>
        <translation>Archivo o carpeta</translation>
    </message>
    <message>
        <source>Nothing is written until you press Import.</source>
        <translation>No se escribe nada hasta que pulses Importar.</translation>
    </message>
    <message>
        <source>Entries that would be imported</source>
        <translation>Entradas que se importarían</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Import the new entries</source>
        <translation>Importar las entradas nuevas</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Choose the folder</source>
        <translation>Elegir la carpeta</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Elegir el archivo</translation>
    </message>
    <message>
        <source>Choose a file or folder first.</source>
        <translation>Primero elige un archivo o una carpeta.</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Leyendo</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se importó nada.</translation>
    </message>
    <message>
        <source>The file or folder changed after the preview, so nothing was imported. Press Preview to read it again.</source>
        <translation>El archivo o la carpeta cambió después de la vista previa, así que no se importó nada. Pulsa Vista previa para leerlo de nuevo.</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
    <message>
        <source>Importing your entries…</source>
        <translation>Importando tus entradas…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Cancelado: no se importó nada.</translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <source>1 duplicate skipped</source>
        <translation>1 duplicada omitida</translation>
    </message>
    <message>
        <source>{n} duplicates skipped</source>
        <translation>{n} duplicadas omitidas</translation>
    </message>
    <message>
        <source>1 empty entry skipped</source>
        <translation>1 entrada vacía omitida</translation>
    </message>
    <message>
        <source>{n} empty entries skipped</source>
        <translation>{n} entradas vacías omitidas</translation>
    </message>
    <message>
        <source>1 attachment</source>
        <translation>1 adjunto</translation>
    </message>
    <message>
        <source>{n} attachments</source>
        <translation>{n} adjuntos</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 entrada</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} entradas</translation>
    </message>
    <message>
        <source>Imported {entries} ({details}).</source>
        <translation>Se importaron {entries} ({details}).</translation>
    </message>
    <message>
        <source>Would import {entries} ({details}).</source>
        <translation>Se importarán {entries} ({details}).</translation>
    </message>
    <message>
        <source>Exported {entries} ({attachments}) to {path}.</source>
        <translation>Se exportaron {entries} ({attachments}) a {path}.</translation>
    </message>
</context>
<context>
    <name>JoinCircleDialog</name>
    <message>
        <source>Join a circle</source>
        <translation>Unirte a un círculo</translation>
    </message>
    <message>
        <source>Circle file</source>
        <translation>Archivo del círculo</translation>
    </message>
    <message>
        <source>Choose the .carecircle file</source>
        <translation>Elegir el archivo .carecircle</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the circle file</source>
        <translation>Elegir el archivo del círculo</translation>
    </message>
    <message>
        <source>Circle passphrase</source>
        <translation>Frase de contraseña del círculo</translation>
    </message>
    <message>
        <source>The passphrase the organiser gave you</source>
        <translation>La frase de contraseña que te dio quien organiza</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Unirme</translation>
    </message>
    <message>
        <source>Choose the circle file someone shared with you, in your shared folder or on the USB stick.</source>
        <translation>Elige el archivo del círculo que alguien compartió contigo, en tu carpeta compartida o en la memoria USB.</translation>
    </message>
    <message>
        <source>Circle files (*.carecircle);;All files (*)</source>
        <translation>Archivos de círculo (*.carecircle);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>That file cannot be read right now.</source>
        <translation>Ahora mismo no se puede leer ese archivo.</translation>
    </message>
    <message>
        <source>This circle is protected by a passphrase. Type the one the organiser gave you.</source>
        <translation>Este círculo está protegido con una frase de contraseña. Escribe la que te dio quien organiza.</translation>
    </message>
    <message>
        <source>This circle opens with member cards: you can join once the organiser has added yours.</source>
        <translation>Este círculo se abre con tarjetas de miembro: podrás unirte cuando quien organiza haya añadido la tuya.</translation>
    </message>
    <message>
        <source>Choose a circle file first.</source>
        <translation>Primero elige un archivo de círculo.</translation>
    </message>
    <message>
        <source>Type the circle passphrase.</source>
        <translation>Escribe la frase de contraseña del círculo.</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>New entry</source>
        <translation>Nueva entrada</translation>
    </message>
    <message>
        <source>New entry (Ctrl+N); the arrow offers templates</source>
        <translation>Nueva entrada (Ctrl+N); la flecha ofrece plantillas</translation>
    </message>
    <message>
        <source>Import and export</source>
        <translation>Importar y exportar</translation>
    </message>
    <message>
        <source>Import entries…</source>
        <translation>Importar entradas…</translation>
    </message>
    <message>
        <source>Export entries…</source>
        <translation>Exportar entradas…</translation>
    </message>
    <message>
        <source>Manage templates…</source>
        <translation>Gestionar plantillas…</translation>
    </message>
    <message>
        <source>Share with circle…</source>
        <translation>Compartir con el círculo…</translation>
    </message>
    <message>
        <source>Share this entry with a circle</source>
        <translation>Compartir esta entrada con un círculo</translation>
    </message>
    <message>
        <source>Choose what to share with your circle and see exactly what they will read</source>
        <translation>Elige qué compartir con tu círculo y mira exactamente lo que leerán</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Diario</translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation>Entradas del diario</translation>
    </message>
    <message>
        <source>Timeline or calendar</source>
        <translation>Línea de tiempo o calendario</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendario</translation>
    </message>
    <message>
        <source>Nothing written yet</source>
        <translation>Aún no has escrito nada</translation>
    </message>
    <message>
        <source>This is your space for the long days and the small wins: what happened, how you felt, what you want to remember. Only you can read it.</source>
        <translation>Este es tu espacio para los días largos y los pequeños logros: lo que pasó, cómo te sentiste, lo que quieres recordar. Solo tú puedes leerlo.</translation>
    </message>
    <message>
        <source>Write your first entry</source>
        <translation>Escribe tu primera entrada</translation>
    </message>
    <message>
        <source>Keep typing: words are found from their third letter.</source>
        <translation>Sigue escribiendo: las palabras se encuentran a partir de la tercera letra.</translation>
    </message>
    <message>
        <source>No entries match your search.</source>
        <translation>Ninguna entrada coincide con tu búsqueda.</translation>
    </message>
    <message>
        <source>No entries match these filters.</source>
        <translation>Ninguna entrada coincide con estos filtros.</translation>
    </message>
    <message>
        <source>Blank entry</source>
        <translation>Entrada en blanco</translation>
    </message>
</context>
<context>
    <name>JournalPdf</name>
    <message>
        <source>{day}, {time}</source>
        <translation>{day}, {time}</translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>Sin entradas</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 entrada</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} entradas</translation>
    </message>
    <message>
        <source>{count} · printed {day} from CareCompanion</source>
        <translation>{count} · impreso el {day} desde CareCompanion</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ Favorita</translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation>Etiquetas: {tags}</translation>
    </message>
    <message>
        <source>Attached: {files}</source>
        <translation>Adjuntos: {files}</translation>
    </message>
    <message>
        <source>My journal</source>
        <translation>Mi diario</translation>
    </message>
</context>
<context>
    <name>JournalTemplates</name>
    <message>
        <source>Today&apos;s care log</source>
        <extracomment>By template id: (name, title, body, tags), each the core&apos;s English.</extracomment>
        <translation>Registro de cuidados de hoy</translation>
    </message>
    <message>
        <source>Care log</source>
        <translation>Registro de cuidados</translation>
    </message>
    <message>
        <source>## How they were today
Mood, sleep, appetite, anything new:


## Medication
Given as usual? Anything missed or refused?


## Appointments, calls and errands


## Anything to watch tomorrow</source>
        <translation>## Cómo ha estado hoy
Ánimo, sueño, apetito, algo nuevo:


## Medicación
¿La ha tomado como siempre? ¿Se ha saltado o rechazado alguna?


## Citas, llamadas y recados


## Algo a vigilar mañana</translation>
    </message>
    <message>
        <source>care log</source>
        <translation>registro de cuidados</translation>
    </message>
    <message>
        <source>What went well, what drained me</source>
        <translation>Lo que fue bien, lo que me agotó</translation>
    </message>
    <message>
        <source>## One thing that went well
Even a small one counts.


## What drained me


## What would make tomorrow a little easier?</source>
        <translation>## Algo que fue bien
Aunque sea pequeño, cuenta.


## Lo que me agotó


## ¿Qué haría que mañana fuera un poco más fácil?</translation>
    </message>
    <message>
        <source>reflection</source>
        <translation>reflexión</translation>
    </message>
    <message>
        <source>What I need help with</source>
        <translation>En qué necesito ayuda</translation>
    </message>
    <message>
        <source>## What I cannot keep doing alone


## Who could help, even a little?
Family, friends, neighbours, the support group, services:


## One thing I will ask for this week</source>
        <translation>## Lo que no puedo seguir haciendo sola o solo


## ¿Quién podría ayudar, aunque sea un poco?
Familia, amistades, vecinos, el grupo de apoyo, servicios:


## Algo que voy a pedir esta semana</translation>
    </message>
    <message>
        <source>help</source>
        <translation>ayuda</translation>
    </message>
    <message>
        <source>Appointment notes</source>
        <translation>Notas de una cita</translation>
    </message>
    <message>
        <source>**With:**
**Where and when:**

## Questions I want to ask
-

## What they said


## Changes to treatment or medication


## Next steps and the next appointment</source>
        <translation>**Con:**
**Dónde y cuándo:**

## Preguntas que quiero hacer
-

## Lo que me dijeron


## Cambios en el tratamiento o la medicación


## Próximos pasos y la próxima cita</translation>
    </message>
    <message>
        <source>appointments</source>
        <translation>citas</translation>
    </message>
    <message>
        <source>Medication change</source>
        <translation>Cambio de medicación</translation>
    </message>
    <message>
        <source>**Medicine:**
**Old dose → new dose:**
**Starting on:**
**Prescribed by, and why:**

## What to watch for
Side effects, changes in mood, sleep or appetite:


## How it is going
Notes over the next few days:</source>
        <translation>**Medicamento:**
**Dosis anterior → dosis nueva:**
**Desde el:**
**Recetado por, y por qué:**

## Qué vigilar
Efectos secundarios, cambios en el ánimo, el sueño o el apetito:


## Cómo va
Notas de los próximos días:</translation>
    </message>
    <message>
        <source>medication</source>
        <translation>medicación</translation>
    </message>
    <message>
        <source>A gratitude note</source>
        <translation>Una nota de gratitud</translation>
    </message>
    <message>
        <source>Grateful for</source>
        <translation>Agradezco</translation>
    </message>
    <message>
        <source>Three things, however small, that I am grateful for today:

1.
2.
3.

## A moment I want to remember</source>
        <translation>Tres cosas, por pequeñas que sean, que hoy agradezco:

1.
2.
3.

## Un momento que quiero recordar</translation>
    </message>
    <message>
        <source>gratitude</source>
        <translation>gratitud</translation>
    </message>
    <message>
        <source>Planning respite</source>
        <translation>Planear un respiro</translation>
    </message>
    <message>
        <source>Planning a break</source>
        <translation>Planear un descanso</translation>
    </message>
    <message>
        <source>Rest is part of caring, not a reward for it.

## When could I take a break?


## Who can cover, and what do they need to know?


## What would actually feel restful?


## What I will not use the time for
(chores, errands, catching up…)</source>
        <translation>Descansar es parte de cuidar, no un premio por hacerlo.

## ¿Cuándo podría tomarme un descanso?


## ¿Quién puede sustituirme, y qué necesita saber?


## ¿Qué me haría descansar de verdad?


## Para qué no voy a usar ese tiempo
(tareas, recados, ponerme al día…)</translation>
    </message>
    <message>
        <source>respite</source>
        <translation>respiro</translation>
    </message>
    <message>
        <source>A hard day</source>
        <translation>Un día difícil</translation>
    </message>
    <message>
        <source>It is all right to write this down, and all right to stop after one line.

## What happened


## How I feel right now


## One kind thing I can do for myself tonight


## Someone I could talk to</source>
        <translation>Está bien escribir esto, y está bien parar después de una línea.

## Qué pasó


## Cómo me siento ahora mismo


## Algo amable que puedo hacer por mí esta noche


## Alguien con quien podría hablar</translation>
    </message>
    <message>
        <source>hard days</source>
        <translation>días difíciles</translation>
    </message>
</context>
<context>
    <name>JournalWords</name>
    <message>
        <source>The jrnl app (a .json file it exported)</source>
        <extracomment>Where entries can come from, by ImportSource value, in people&apos;s words (the core&apos;s labels are the CLI&apos;s): the app, then the file it gives you.</extracomment>
        <translation>La aplicación jrnl (un archivo .json exportado con ella)</translation>
    </message>
    <message>
        <source>The Day One app (a .zip file it exported)</source>
        <translation>La aplicación Day One (un archivo .zip exportado con ella)</translation>
    </message>
    <message>
        <source>A folder of text files (.txt or .md)</source>
        <translation>Una carpeta de archivos de texto (.txt o .md)</translation>
    </message>
    <message>
        <source>CareCompanion (a .json file it exported)</source>
        <translation>CareCompanion (un archivo .json exportado con él)</translation>
    </message>
</context>
<context>
    <name>LogDialog</name>
    <message>
        <source>Log contact with {name}</source>
        <translation>Anotar el contacto con {name}</translation>
    </message>
    <message>
        <source>How you were in touch</source>
        <translation>Cómo estuvisteis en contacto</translation>
    </message>
    <message>
        <source>A call</source>
        <translation>Una llamada</translation>
    </message>
    <message>
        <source>A message</source>
        <translation>Un mensaje</translation>
    </message>
    <message>
        <source>A visit</source>
        <translation>Una visita</translation>
    </message>
    <message>
        <source>A meeting</source>
        <translation>Una reunión</translation>
    </message>
    <message>
        <source>A short note</source>
        <translation>Una nota breve</translation>
    </message>
    <message>
        <source>A few words, if you like</source>
        <translation>Unas palabras, si quieres</translation>
    </message>
</context>
<context>
    <name>MainShell</name>
    <message>
        <source>Journal</source>
        <translation>Diario</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>Círculos</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Secciones</translation>
    </message>
    <message>
        <source>Next group meeting</source>
        <translation>Próxima reunión de grupo</translation>
    </message>
    <message>
        <source>Help coming</source>
        <translation>Ayuda que viene</translation>
    </message>
    <message>
        <source>Help I promised</source>
        <translation>Ayuda que prometí</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Lock the journal now</source>
        <translation>Bloquear el diario ahora</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>Bloquear ahora (Ctrl+L)</translation>
    </message>
    <message>
        <source>Need help now</source>
        <translation>Necesito ayuda ya</translation>
    </message>
    <message>
        <source>People and helplines to call (F1)</source>
        <translation>Personas y líneas de ayuda a las que llamar (F1)</translation>
    </message>
    <message>
        <source>Next meeting:
{when}
{name}</source>
        <translation>Próxima reunión:
{when}
{name}</translation>
    </message>
    <message>
        <source>Check-in corrected.</source>
        <translation>Registro corregido.</translation>
    </message>
    <message>
        <source>Check-in saved. Thank you for taking a moment for yourself.</source>
        <translation>Registro guardado. Gracias por dedicarte un momento.</translation>
    </message>
    <message>
        <source>Your check-in was saved when the journal locked.</source>
        <translation>Tu registro se guardó al bloquearse el diario.</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>Abrirlo</translation>
    </message>
    <message>
        <source>The check-in you had started was not saved when the journal locked: it had no mood yet.</source>
        <translation>El registro que habías empezado no se guardó al bloquearse el diario: aún no tenía el ánimo.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Registrar</translation>
    </message>
</context>
<context>
    <name>MeetingListModel</name>
    <message>
        <source> (moved)</source>
        <translation> (cambiada)</translation>
    </message>
</context>
<context>
    <name>MemberCardDialog</name>
    <message>
        <source>My member card</source>
        <translation>Mi tarjeta de miembro</translation>
    </message>
    <message>
        <source>Your name in circles</source>
        <translation>Tu nombre en los círculos</translation>
    </message>
    <message>
        <source>Your first name, say</source>
        <translation>Tu nombre de pila, por ejemplo</translation>
    </message>
    <message>
        <source>Save name</source>
        <translation>Guardar nombre</translation>
    </message>
    <message>
        <source>Save your name</source>
        <translation>Guardar tu nombre</translation>
    </message>
    <message>
        <source>Your safety number</source>
        <translation>Tu número de seguridad</translation>
    </message>
    <message>
        <source>Save card…</source>
        <translation>Guardar tarjeta…</translation>
    </message>
    <message>
        <source>Save your member card to a file</source>
        <translation>Guardar tu tarjeta de miembro en un archivo</translation>
    </message>
    <message>
        <source>Save my secret key (for experts)…</source>
        <translation>Guardar mi clave secreta (para expertos)…</translation>
    </message>
    <message>
        <source>Save your secret key to a file</source>
        <translation>Guardar tu clave secreta en un archivo</translation>
    </message>
    <message>
        <source>Saves your age key (an age identity file), to open circle files with the standard age tool. You do not need it to use circles in CareCompanion.</source>
        <translation>Guarda tu clave age (un archivo de identidad de age), para abrir archivos de círculo con la herramienta estándar age. No la necesitas para usar los círculos en CareCompanion.</translation>
    </message>
    <message>
        <source>Card code: {fingerprint}</source>
        <translation>Código de la tarjeta: {fingerprint}</translation>
    </message>
    <message>
        <source>Your key&apos;s fingerprint: a short code that belongs to your card alone.</source>
        <translation>La huella (fingerprint) de tu clave: un código corto que solo tiene tu tarjeta.</translation>
    </message>
    <message>
        <source>Save your secret key?</source>
        <translation>¿Guardar tu clave secreta?</translation>
    </message>
    <message>
        <source>Save your secret key</source>
        <translation>Guardar tu clave secreta</translation>
    </message>
    <message>
        <source>Your secret key was saved to {path}.</source>
        <translation>Tu clave secreta se guardó en {path}.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Send your card to the person who organises a circle, so they can add you. It holds no secret: only your name and your public keys.</source>
        <translation>Envía tu tarjeta a la persona que organiza un círculo para que pueda añadirte. No contiene nada secreto: solo tu nombre y tus claves públicas.</translation>
    </message>
    <message>
        <source>Your name, as the circle sees it</source>
        <translation>Tu nombre, tal como lo ve el círculo</translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation>Número de seguridad</translation>
    </message>
    <message>
        <source>Read these digits to each other by phone or in person. If they match what the organiser sees for your card, the card really came from you.</source>
        <translation>Leed estas cifras en voz alta, por teléfono o en persona. Si coinciden con lo que ve quien organiza para tu tarjeta, la tarjeta es de verdad tuya.</translation>
    </message>
    <message>
        <source>Save your name first: your card carries it.</source>
        <translation>Guarda antes tu nombre: tu tarjeta lo lleva.</translation>
    </message>
    <message>
        <source>Saved. Your circles hear of it at their next sync.</source>
        <translation>Guardado. Tus círculos se enterarán en su próxima sincronización.</translation>
    </message>
    <message>
        <source>Save your member card</source>
        <translation>Guardar tu tarjeta de miembro</translation>
    </message>
    <message>
        <source>Member cards (*.carecard)</source>
        <translation>Tarjetas de miembro (*.carecard)</translation>
    </message>
    <message>
        <source>The card could not be saved there ({reason}).</source>
        <translation>No se pudo guardar la tarjeta ahí ({reason}).</translation>
    </message>
    <message>
        <source>Saved to {path}. Send it to the circle&apos;s organiser.</source>
        <translation>Guardada en {path}. Envíasela a quien organiza el círculo.</translation>
    </message>
    <message>
        <source>This file is your secret key. Anyone who has it can read every circle you are in, and it cannot be taken back. Export it only to open circle files with the standard age tool, and keep it somewhere only you can reach.</source>
        <translation>Este archivo es tu clave secreta. Quien la tenga puede leer todos los círculos en los que estás, y no hay vuelta atrás. Expórtala solo para abrir archivos de círculo con la herramienta estándar age, y guárdala donde solo tú puedas llegar.</translation>
    </message>
    <message>
        <source>The key could not be saved there ({reason}).</source>
        <translation>No se pudo guardar la clave ahí ({reason}).</translation>
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>(you)</source>
        <extracomment>How the circle shows each member: two with one name told apart, a changed name.</extracomment>
        <translation>(tú)</translation>
    </message>
    <message>
        <source>Safety number: {number}</source>
        <translation>Número de seguridad: {number}</translation>
    </message>
</context>
<context>
    <name>MembersDialog</name>
    <message>
        <source>Members of {name}</source>
        <translation>Miembros de {name}</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Add a member from their card…</source>
        <translation>Añadir un miembro con su tarjeta…</translation>
    </message>
    <message>
        <source>Add a member from their member card file</source>
        <translation>Añadir un miembro con el archivo de su tarjeta de miembro</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <source>Remove the chosen member</source>
        <translation>Quitar al miembro elegido</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Each member&apos;s safety number is on their own member card; compare them by phone or in person if you ever doubt a card.</source>
        <translation>El número de seguridad de cada miembro está en su propia tarjeta; compáralos por teléfono o en persona si alguna vez dudas de una tarjeta.</translation>
    </message>
    <message>
        <source>Change the passphrase…</source>
        <translation>Cambiar la frase de contraseña…</translation>
    </message>
    <message>
        <source>Change the circle passphrase</source>
        <translation>Cambiar la frase de contraseña del círculo</translation>
    </message>
    <message>
        <source>Type the new passphrase…</source>
        <translation>Escribir la nueva frase de contraseña…</translation>
    </message>
    <message>
        <source>Type the new circle passphrase the organiser gave you</source>
        <translation>Escribir la nueva frase de contraseña del círculo que te dio quien organiza</translation>
    </message>
    <message>
        <source>Only the circle&apos;s organiser or an admin can change who is in it.</source>
        <translation>Solo quien organiza el círculo o un admin puede cambiar quién está en él.</translation>
    </message>
    <message>
        <source>Choose their member card</source>
        <translation>Elegir su tarjeta de miembro</translation>
    </message>
    <message>
        <source>Member cards (*.carecard);;All files (*)</source>
        <translation>Tarjetas de miembro (*.carecard);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>That is your own card.</source>
        <translation>Esa es tu propia tarjeta.</translation>
    </message>
    <message>
        <source>{name} is already in this circle, as {role}.</source>
        <translation>{name} ya está en este círculo, como {role}.</translation>
    </message>
    <message>
        <source>{name} was added. They can join once the circle has synced.</source>
        <translation>Se añadió a {name}. Podrá unirse cuando el círculo se haya sincronizado.</translation>
    </message>
    <message>
        <source>Nothing {name} writes will count any more. But they still know the circle passphrase, so they can still read what is shared until the passphrase is changed (only the circle&apos;s organiser can change it). What they could already read stays with them: it cannot be taken back.</source>
        <translation>Nada de lo que escriba {name} contará ya. Pero todavía conoce la frase de contraseña del círculo, así que aún podrá leer lo que se comparta hasta que se cambie la frase de contraseña (solo quien organiza el círculo puede cambiarla). Lo que ya pudo leer se queda con esa persona: no se puede recuperar.</translation>
    </message>
    <message>
        <source>{name} will not be able to read anything shared from now on. What they could already read stays with them: it cannot be taken back.</source>
        <translation>{name} no podrá leer nada de lo que se comparta a partir de ahora. Lo que ya pudo leer se queda con esa persona: no se puede recuperar.</translation>
    </message>
    <message>
        <source>The circle passphrase is changed. Give the new one to each member who stays; they type it once, under Members.</source>
        <translation>La frase de contraseña del círculo se ha cambiado. Da la nueva a cada miembro que siga en el círculo; cada cual la escribe una vez, en Miembros.</translation>
    </message>
    <message>
        <source>This computer opens the circle with the new passphrase from now on.</source>
        <translation>A partir de ahora, este equipo abre el círculo con la nueva frase de contraseña.</translation>
    </message>
    <message>
        <source>Remove {name}?</source>
        <translation>¿Quitar a {name}?</translation>
    </message>
    <message>
        <source>{name} was removed.</source>
        <translation>Se quitó a {name}.</translation>
    </message>
</context>
<context>
    <name>MoodCharts</name>
    <message>
        <source>Mood (1–5)</source>
        <translation>Ánimo (1–5)</translation>
    </message>
    <message>
        <source>Stress (0–10)</source>
        <translation>Estrés (0–10)</translation>
    </message>
    <message>
        <source>Daily mood</source>
        <translation>Ánimo diario</translation>
    </message>
    <message>
        <source>{days}-day average</source>
        <translation>Media de {days} días</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Estrés</translation>
    </message>
    <message>
        <source>One day</source>
        <translation>Un día</translation>
    </message>
    <message>
        <source>Hours slept</source>
        <translation>Horas de sueño</translation>
    </message>
    <message>
        <source>Days with it</source>
        <translation>Días con ella</translation>
    </message>
    <message>
        <source>Days without it</source>
        <translation>Días sin ella</translation>
    </message>
    <message>
        <source>Average mood (1–5)</source>
        <translation>Ánimo medio (1–5)</translation>
    </message>
</context>
<context>
    <name>MoodFiles</name>
    <message>
        <source>Reading</source>
        <translation>Leyendo</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <source>All {n} check-ins in this file are already here.</source>
        <translation>Los {n} registros de este archivo ya están aquí.</translation>
    </message>
    <message>
        <source>Import {new} check-ins from {first} to {last}? {dups} are already here and will be skipped.</source>
        <translation>¿Importar {new} registros del {first} al {last}? {dups} ya están aquí y se omitirán.</translation>
    </message>
    <message>
        <source>Import from Daylio</source>
        <translation>Importar de Daylio</translation>
    </message>
    <message>
        <source>Imported {added} check-ins ({dups} duplicates skipped).</source>
        <translation>Se importaron {added} registros (se omitieron {dups} duplicados).</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
    <message>
        <source>Importing your check-ins…</source>
        <translation>Importando tus registros…</translation>
    </message>
    <message>
        <source>Save the mood report</source>
        <translation>Guardar el informe de ánimo</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Mood report</source>
        <translation>Informe de ánimo</translation>
    </message>
    <message>
        <source>Drawing your mood report…</source>
        <translation>Preparando tu informe de ánimo…</translation>
    </message>
    <message>
        <source>Export check-ins as CSV</source>
        <translation>Exportar los registros como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportando</translation>
    </message>
    <message>
        <source>Writing your check-ins…</source>
        <translation>Escribiendo tus registros…</translation>
    </message>
</context>
<context>
    <name>MoodMapDialog</name>
    <message>
        <source>Which mood is which?</source>
        <translation>¿Qué ánimo es cada uno?</translation>
    </message>
    <message>
        <source>These moods are not Daylio&apos;s usual five. For each, choose a level from 1 (awful) to 5 (great).</source>
        <translation>Estos ánimos no son los cinco habituales de Daylio. Para cada uno, elige un nivel del 1 (fatal) al 5 (genial).</translation>
    </message>
    <message>
        <source>Level for {name}</source>
        <translation>Nivel para {name}</translation>
    </message>
</context>
<context>
    <name>MoodPage</name>
    <message>
        <source>Check in</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Check in now</source>
        <translation>Registrar ahora</translation>
    </message>
    <message>
        <source>Check in (Ctrl+K)</source>
        <translation>Registrar (Ctrl+K)</translation>
    </message>
    <message>
        <source>Caregiver self-check…</source>
        <translation>Autoevaluación para cuidadores…</translation>
    </message>
    <message>
        <source>Take a caregiver self-check</source>
        <translation>Hacer una autoevaluación para cuidadores</translation>
    </message>
    <message>
        <source>Reports and files</source>
        <translation>Informes y archivos</translation>
    </message>
    <message>
        <source>Mood report for an appointment (PDF)…</source>
        <translation>Informe de ánimo para una cita (PDF)…</translation>
    </message>
    <message>
        <source>Export check-ins as CSV…</source>
        <translation>Exportar los registros como CSV…</translation>
    </message>
    <message>
        <source>Import from Daylio…</source>
        <translation>Importar de Daylio…</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
    <message>
        <source>Thank you, not now</source>
        <translation>Gracias, ahora no</translation>
    </message>
    <message>
        <source>Hide this note for a while</source>
        <translation>Ocultar esta nota por un tiempo</translation>
    </message>
    <message>
        <source>Period shown</source>
        <translation>Periodo mostrado</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Última semana</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Último mes</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Último año</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Show as a table</source>
        <translation>Ver como tabla</translation>
    </message>
    <message>
        <source>Show the figures as tables</source>
        <translation>Ver las cifras como tablas</translation>
    </message>
    <message>
        <source>Mood and stress over time</source>
        <translation>Ánimo y estrés a lo largo del tiempo</translation>
    </message>
    <message>
        <source>Sleep and mood</source>
        <translation>Sueño y ánimo</translation>
    </message>
    <message>
        <source>What lifts your mood</source>
        <translation>Lo que te levanta el ánimo</translation>
    </message>
    <message>
        <source>Year in colour, as a table</source>
        <translation>El año en color, como tabla</translation>
    </message>
    <message>
        <source>Your check-ins</source>
        <translation>Tus registros</translation>
    </message>
    <message>
        <source>Double-click or press Enter on a check-in to correct it.</source>
        <translation>Haz doble clic o pulsa Intro en un registro para corregirlo.</translation>
    </message>
    <message>
        <source>Mood charts</source>
        <translation>Gráficos de ánimo</translation>
    </message>
    <message>
        <source>Mood and stress</source>
        <translation>Ánimo y estrés</translation>
    </message>
    <message>
        <source>Year in colour</source>
        <translation>El año en color</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>How are you, really?</source>
        <translation>¿Cómo estás, de verdad?</translation>
    </message>
    <message>
        <source>A check-in takes ten seconds: how you feel, how you slept, what you did for yourself. Over weeks, gentle charts show the slope before you feel it.</source>
        <translation>Un registro lleva diez segundos: cómo te sientes, cómo dormiste, qué hiciste por ti. Con las semanas, unos gráficos sencillos te muestran la cuesta antes de que la notes.</translation>
    </message>
    <message>
        <source>Check in for the first time</source>
        <translation>Haz tu primer registro</translation>
    </message>
    <message>
        <source>mood {value} out of 5</source>
        <translation>ánimo {value} de 5</translation>
    </message>
    <message>
        <source>stress {value} out of 10</source>
        <translation>estrés {value} de 10</translation>
    </message>
    <message>
        <source>{value} hours of sleep</source>
        <translation>{value} horas de sueño</translation>
    </message>
    <message>
        <source>On average: {figures}.</source>
        <translation>De media: {figures}.</translation>
    </message>
    <message>
        <source>You checked in on one day.</source>
        <translation>Registraste tu ánimo un día.</translation>
    </message>
    <message numerus="yes">
        <source>You checked in on %n days.</source>
        <translation>
            <numerusform>Registraste tu ánimo %n día.</numerusform>
            <numerusform>Registraste tu ánimo %n días.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days in a row so far.</source>
        <translation>
            <numerusform>%n día seguido hasta ahora.</numerusform>
            <numerusform>%n días seguidos hasta ahora.</numerusform>
        </translation>
    </message>
    <message>
        <source>Current streak: one day.</source>
        <translation>Racha actual: un día.</translation>
    </message>
    <message numerus="yes">
        <source>Current streak: %n days in a row.</source>
        <translation>
            <numerusform>Racha actual: %n día seguido.</numerusform>
            <numerusform>Racha actual: %n días seguidos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Longest: one day.</source>
        <translation>La más larga: un día.</translation>
    </message>
    <message numerus="yes">
        <source>Longest: %n days in a row.</source>
        <translation>
            <numerusform>La más larga: %n día seguido.</numerusform>
            <numerusform>La más larga: %n días seguidos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import from Daylio</source>
        <translation>Importar de Daylio</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>{days}-day average</source>
        <translation>Media de {days} días</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation>Estrés</translation>
    </message>
    <message>
        <source>Sleep (h)</source>
        <translation>Sueño (h)</translation>
    </message>
    <message>
        <source>Mood and stress from {first} to {last}</source>
        <translation>Ánimo y estrés del {first} al {last}</translation>
    </message>
    <message>
        <source>Hours slept</source>
        <translation>Horas de sueño</translation>
    </message>
    <message>
        <source>{n} days with both sleep and mood</source>
        <translation>{n} días con sueño y ánimo</translation>
    </message>
    <message>
        <source>not enough days yet</source>
        <translation>aún no hay días suficientes</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Mood with</source>
        <translation>Ánimo con</translation>
    </message>
    <message>
        <source>Days with</source>
        <translation>Días con</translation>
    </message>
    <message>
        <source>Mood without</source>
        <translation>Ánimo sin</translation>
    </message>
    <message>
        <source>Days without</source>
        <translation>Días sin</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Average mood on days with and without each activity</source>
        <translation>Ánimo medio en los días con y sin cada actividad</translation>
    </message>
    <message>
        <source>Average mood on days with and without each activity, with the number of days behind each figure (with/without). An activity appears once it has at least {n} days on each side; {shown} of {total} do so far. This shows what tends to go together, not what causes what.</source>
        <translation>Ánimo medio en los días con y sin cada actividad, con el número de días detrás de cada cifra (con/sin). Una actividad aparece cuando tiene al menos {n} días de cada lado; por ahora, {shown} de {total} lo cumplen. Esto muestra lo que suele ir junto, no qué causa qué.</translation>
    </message>
    <message>
        <source>In words</source>
        <translation>En palabras</translation>
    </message>
    <message>
        <source>People you chose: </source>
        <translation>Personas que elegiste: </translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>Informe guardado</translation>
    </message>
    <message>
        <source>The report was saved to {path}. It is not encrypted.</source>
        <translation>El informe se guardó en {path}. No está cifrado.</translation>
    </message>
    <message>
        <source>Check-ins exported</source>
        <translation>Registros exportados</translation>
    </message>
    <message>
        <source>Saved to {path}. It is not encrypted.</source>
        <translation>Guardado en {path}. No está cifrado.</translation>
    </message>
    <message>
        <source>Choose a Daylio CSV export</source>
        <translation>Elige una exportación CSV de Daylio</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>MoodReport</name>
    <message>
        <source>Under 5 hours</source>
        <extracomment>A chart&apos;s height as a share of the page&apos;s width. Hours of sleep where one band ends and the next begins: under 5, 5 to 6, ... 8 or more. Up to this many days the figures are by week, beyond it by month (and the average line takes 14 days instead of 7). Draws one chart into the rectangle it is given (see ``_Pages.chart``). The report&apos;s period when none is chosen: this many days.</extracomment>
        <translation>Menos de 5 horas</translation>
    </message>
    <message>
        <source>5 to 6 hours</source>
        <translation>De 5 a 6 horas</translation>
    </message>
    <message>
        <source>6 to 7 hours</source>
        <translation>De 6 a 7 horas</translation>
    </message>
    <message>
        <source>7 to 8 hours</source>
        <translation>De 7 a 8 horas</translation>
    </message>
    <message>
        <source>8 hours or more</source>
        <translation>8 horas o más</translation>
    </message>
    <message>
        <source>CareCompanion mood report</source>
        <translation>Informe de ánimo de CareCompanion</translation>
    </message>
    <message>
        <source>Mood report</source>
        <translation>Informe de ánimo</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>Del {first} al {last}</translation>
    </message>
    <message>
        <source>Days with a check-in: {days} (of {period}), {checkins} check-ins. Average mood {mood} of 5 (lowest {low}, highest {high}); stress {stress} of 10; energy {energy} of 10; sleep {sleep} a night on average; care given {care} in all. Longest run of daily check-ins: {longest} days.</source>
        <translation>Días con registro: {days} (de {period}), {checkins} registros. Ánimo medio {mood} de 5 (mínimo {low}, máximo {high}); estrés {stress} de 10; energía {energy} de 10; sueño {sleep} por noche de media; cuidados {care} en total. Racha más larga de registros diarios: {longest} días.</translation>
    </message>
    <message>
        <source>Mood and stress</source>
        <translation>Ánimo y estrés</translation>
    </message>
    <message>
        <source>Week starting</source>
        <translation>Semana que empieza el</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Sleep and mood</source>
        <translation>Sueño y ánimo</translation>
    </message>
    <message>
        <source>What goes with a better mood</source>
        <translation>Lo que acompaña a un mejor ánimo</translation>
    </message>
    <message>
        <source>{activity}: mood {with_it} on {days_with} days with it, {without_it} on {days_without} days without.</source>
        <translation>{activity}: ánimo {with_it} en {days_with} días con ello, {without_it} en {days_without} días sin ello.</translation>
    </message>
    <message>
        <source>These figures show what tends to go together, not what causes what.</source>
        <translation>Estas cifras muestran lo que suele ir junto, no qué causa qué.</translation>
    </message>
    <message>
        <source>Caregiver self-checks</source>
        <translation>Autoevaluaciones de cuidador</translation>
    </message>
</context>
<context>
    <name>MoodShareDialog</name>
    <message>
        <source>Share how your week went</source>
        <translation>Compartir cómo te fue la semana</translation>
    </message>
    <message>
        <source>Circle to share with</source>
        <translation>Círculo con el que compartir</translation>
    </message>
    <message>
        <source>What you want to say</source>
        <translation>Lo que quieres decir</translation>
    </message>
    <message>
        <source>A few words about your week</source>
        <translation>Unas palabras sobre tu semana</translation>
    </message>
    <message>
        <source>Figures to include</source>
        <translation>Cifras que incluir</translation>
    </message>
    <message>
        <source>What the circle will see</source>
        <translation>Lo que verá el círculo</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>From {first} to {last}. Only the words and the ticked figures below are shared; your check-ins stay in your journal.</source>
        <translation>Del {first} al {last}. Solo se comparten tus palabras y las cifras marcadas abajo; tus registros se quedan en tu diario.</translation>
    </message>
    <message>
        <source>No check-ins this week yet: you can still share a few words.</source>
        <translation>Aún no hay registros esta semana: igualmente puedes compartir unas palabras.</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>Círculo</translation>
    </message>
    <message>
        <source>Your words</source>
        <translation>Tus palabras</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Cifras</translation>
    </message>
    <message>
        <source>You are not in a circle where you can write yet.</source>
        <translation>Aún no estás en ningún círculo en el que puedas escribir.</translation>
    </message>
</context>
<context>
    <name>MoodWords</name>
    <message>
        <source>awful</source>
        <translation>fatal</translation>
    </message>
    <message>
        <source>bad</source>
        <translation>mal</translation>
    </message>
    <message>
        <source>okay</source>
        <translation>regular</translation>
    </message>
    <message>
        <source>good</source>
        <translation>bien</translation>
    </message>
    <message>
        <source>great</source>
        <translation>genial</translation>
    </message>
    <message>
        <source>Your check-ins over the last two weeks have been lower than usual for you.</source>
        <extracomment>The mood nudge&apos;s gentle words (the core&apos;s nudge.py), by reason code.</extracomment>
        <translation>Tus registros de las últimas dos semanas han estado más bajos de lo habitual para ti.</translation>
    </message>
    <message>
        <source>Many of your check-ins over the last two weeks have been on the low side.</source>
        <translation>Muchos de tus registros de las últimas dos semanas han estado por lo bajo.</translation>
    </message>
    <message>
        <source>You have noted a lot of stress over the last two weeks.</source>
        <translation>Has anotado mucho estrés en las últimas dos semanas.</translation>
    </message>
    <message>
        <source>A recent self-check suggested you are carrying a lot right now.</source>
        <translation>Una autoevaluación reciente indica que ahora mismo estás cargando con mucho.</translation>
    </message>
    <message>
        <source>Caring for someone is hard work, and stretches like this happen to many caregivers. It might help to talk with someone you trust, or to take a little time for yourself.</source>
        <translation>Cuidar de alguien es un trabajo duro, y muchas personas cuidadoras pasan por rachas así. Puede ayudarte hablar con alguien de confianza o tomarte un poco de tiempo para ti.</translation>
    </message>
    <message>
        <source>If you ever feel you might harm yourself, call your local emergency number now.</source>
        <translation>Si en algún momento sientes que podrías hacerte daño, llama ahora al número de emergencias de tu zona.</translation>
    </message>
    <message>
        <source>Overwhelmed</source>
        <extracomment>The feelings the check-in offers (the core&apos;s DEFAULT_EMOTIONS); stored in English, shown in the person&apos;s language. Feelings they type themselves are shown as typed.</extracomment>
        <translation>Agobio</translation>
    </message>
    <message>
        <source>Anxious</source>
        <translation>Ansiedad</translation>
    </message>
    <message>
        <source>Sad</source>
        <translation>Tristeza</translation>
    </message>
    <message>
        <source>Lonely</source>
        <translation>Soledad</translation>
    </message>
    <message>
        <source>Guilty</source>
        <translation>Culpa</translation>
    </message>
    <message>
        <source>Frustrated</source>
        <translation>Frustración</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>Enfado</translation>
    </message>
    <message>
        <source>Tired</source>
        <translation>Cansancio</translation>
    </message>
    <message>
        <source>Numb</source>
        <translation>Vacío</translation>
    </message>
    <message>
        <source>Calm</source>
        <translation>Calma</translation>
    </message>
    <message>
        <source>Hopeful</source>
        <translation>Esperanza</translation>
    </message>
    <message>
        <source>Grateful</source>
        <translation>Gratitud</translation>
    </message>
    <message>
        <source>Proud</source>
        <translation>Orgullo</translation>
    </message>
    <message>
        <source>Loved</source>
        <translation>Cariño</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Satisfacción</translation>
    </message>
    <message>
        <source>A walk</source>
        <extracomment>The self-care activities a new vault starts with (the core&apos;s DEFAULT_ACTIVITIES, which migration 0003 stores in English): shown in the person&apos;s language, stored as they are, so charts and exports keep one name for each. Activities they add are shown as typed.</extracomment>
        <translation>Un paseo</translation>
    </message>
    <message>
        <source>Talked to a friend</source>
        <translation>Hablé con una amistad</translation>
    </message>
    <message>
        <source>Respite</source>
        <translation>Respiro</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Time for a hobby</source>
        <translation>Tiempo para una afición</translation>
    </message>
    <message>
        <source>Support group meeting</source>
        <translation>Reunión del grupo de apoyo</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>Descanso</translation>
    </message>
    <message>
        <source>Time outdoors</source>
        <translation>Tiempo al aire libre</translation>
    </message>
    <message>
        <source>Time with family</source>
        <translation>Tiempo en familia</translation>
    </message>
    <message>
        <source>Meditation or prayer</source>
        <translation>Meditación u oración</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Música</translation>
    </message>
</context>
<context>
    <name>MoveMeetingDialog</name>
    <message>
        <source>Move this meeting</source>
        <translation>Cambiar esta reunión</translation>
    </message>
    <message>
        <source>New day</source>
        <translation>Nuevo día</translation>
    </message>
    <message>
        <source>New time</source>
        <translation>Nueva hora</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Time (the group&apos;s time zone)</source>
        <translation>Hora (zona horaria del grupo)</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyPage</name>
    <message>
        <source>Your new recovery key</source>
        <translation>Tu nueva clave de recuperación</translation>
    </message>
    <message>
        <source>Your passphrase and your journal&apos;s key have been changed. This is your new recovery key; the old one no longer works. It is shown only now: print it or save it, and keep it somewhere safe and private.</source>
        <translation>Tu frase de contraseña y la clave de tu diario se han cambiado. Esta es tu nueva clave de recuperación; la antigua ya no funciona. Solo se muestra ahora: imprímela o guárdala, y tenla en un lugar seguro y privado.</translation>
    </message>
    <message>
        <source>New recovery key</source>
        <translation>Nueva clave de recuperación</translation>
    </message>
    <message>
        <source>I have printed, saved or written down my new recovery key</source>
        <translation>He impreso, guardado o apuntado mi nueva clave de recuperación</translation>
    </message>
    <message>
        <source>I have kept my new recovery key</source>
        <translation>He guardado mi nueva clave de recuperación</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save the recovery kit as a PDF</source>
        <translation>Guardar el kit de recuperación como PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print the recovery kit</source>
        <translation>Imprimir el kit de recuperación</translation>
    </message>
    <message>
        <source>Save your recovery kit</source>
        <translation>Guardar tu kit de recuperación</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>PassphraseChange</name>
    <message>
        <source>Checking your current passphrase…</source>
        <extracomment>The steps of a rotation: checking, then vault/rotation.py&apos;s steps (STEPS), then done.</extracomment>
        <translation>Comprobando tu frase de contraseña actual…</translation>
    </message>
    <message>
        <source>Protecting your journal with the new passphrase…</source>
        <translation>Protegiendo tu diario con la nueva frase de contraseña…</translation>
    </message>
    <message>
        <source>Re-encrypting your journal with its new key…</source>
        <translation>Volviendo a cifrar tu diario con su clave nueva…</translation>
    </message>
    <message>
        <source>Saving the new key…</source>
        <translation>Guardando la clave nueva…</translation>
    </message>
    <message>
        <source>Making a fresh backup and removing the old ones…</source>
        <translation>Haciendo una copia de seguridad nueva y borrando las antiguas…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Listo.</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Frase de contraseña cambiada</translation>
    </message>
    <message>
        <source>Your passphrase has been changed. Your recovery key still works.</source>
        <translation>Tu frase de contraseña se ha cambiado. Tu clave de recuperación sigue funcionando.</translation>
    </message>
    <message>
        <source>The current passphrase is not right.</source>
        <translation>La frase de contraseña actual no es correcta.</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show or hide what you typed</source>
        <translation>Mostrar u ocultar lo que escribiste</translation>
    </message>
    <message>
        <source>Show or hide the passphrase</source>
        <translation>Mostrar u ocultar la frase de contraseña</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>How they help</source>
        <translation>Cómo te ayuda</translation>
    </message>
    <message>
        <source>Best times</source>
        <translation>Mejores horas</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Stay in touch every day.</source>
        <translation>Mantener el contacto cada día.</translation>
    </message>
    <message>
        <source>Stay in touch every {days} days.</source>
        <translation>Mantener el contacto cada {days} días.</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>{every} Last contact: {last}; next: {next}.</source>
        <translation>{every} Último contacto: {last}; próximo: {next}.</translation>
    </message>
    <message>
        <source>Add a person</source>
        <translation>Añadir una persona</translation>
    </message>
    <message>
        <source>Import and export</source>
        <translation>Importar y exportar</translation>
    </message>
    <message>
        <source>Import contacts (vCard)…</source>
        <translation>Importar contactos (vCard)…</translation>
    </message>
    <message>
        <source>Export contacts (vCard)…</source>
        <translation>Exportar contactos (vCard)…</translation>
    </message>
    <message>
        <source>Export meetings to a calendar (.ics)…</source>
        <translation>Exportar las reuniones a un calendario (.ics)…</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Cumpleaños</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <translation>{day} de {month}</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day} de {month} de {year}</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Buscar una persona</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Your people</source>
        <translation>Tu gente</translation>
    </message>
    <message>
        <source>About this person</source>
        <translation>Sobre esta persona</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Edit this person</source>
        <translation>Editar esta persona</translation>
    </message>
    <message>
        <source>I was in touch</source>
        <translation>Estuve en contacto</translation>
    </message>
    <message>
        <source>Log a call, message or visit</source>
        <translation>Anotar una llamada, un mensaje o una visita</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove this person</source>
        <translation>Quitar esta persona</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Upcoming meetings</source>
        <translation>Próximas reuniones</translation>
    </message>
    <message>
        <source>Your groups</source>
        <translation>Tus grupos</translation>
    </message>
    <message>
        <source>Add a group</source>
        <translation>Añadir un grupo</translation>
    </message>
    <message>
        <source>Add a support group</source>
        <translation>Añadir un grupo de apoyo</translation>
    </message>
    <message>
        <source>Edit the group</source>
        <translation>Editar el grupo</translation>
    </message>
    <message>
        <source>Remove the group</source>
        <translation>Quitar el grupo</translation>
    </message>
    <message>
        <source>Coming up (next five weeks, your time)</source>
        <translation>Próximamente (las próximas cinco semanas, en tu hora)</translation>
    </message>
    <message>
        <source>Cancel this meeting</source>
        <translation>Cancelar esta reunión</translation>
    </message>
    <message>
        <source>Cancel the chosen meeting only</source>
        <translation>Cancelar solo la reunión elegida</translation>
    </message>
    <message>
        <source>Move this meeting…</source>
        <translation>Cambiar esta reunión…</translation>
    </message>
    <message>
        <source>Move the chosen meeting only</source>
        <translation>Cambiar solo la reunión elegida</translation>
    </message>
    <message>
        <source>People or meetings</source>
        <translation>Personas o reuniones</translation>
    </message>
    <message>
        <source>Groups and meetings</source>
        <translation>Grupos y reuniones</translation>
    </message>
    <message>
        <source>The people who help you carry it</source>
        <translation>Las personas que te ayudan a llevarlo</translation>
    </message>
    <message>
        <source>Keep your peers, support groups and the professionals you lean on within one click, with a gentle nudge when it has been a while.</source>
        <translation>Ten a un clic a otras personas cuidadoras, tus grupos de apoyo y los profesionales en quienes te apoyas, con un suave recordatorio cuando haya pasado un tiempo.</translation>
    </message>
    <message>
        <source>Add the first person</source>
        <translation>Añadir la primera persona</translation>
    </message>
    <message>
        <source>Time to check in with: {names}</source>
        <translation>Toca contactar con: {names}</translation>
    </message>
    <message>
        <source>Photo not used</source>
        <translation>No se usó la foto</translation>
    </message>
    <message>
        <source>Remove {name}?</source>
        <translation>¿Quitar a {name}?</translation>
    </message>
    <message>
        <source>Their details and your notes about them will be removed.</source>
        <translation>Se quitarán sus datos y tus notas sobre esta persona.</translation>
    </message>
    <message>
        <source>Remove this group?</source>
        <translation>¿Quitar este grupo?</translation>
    </message>
    <message>
        <source>The group and its meetings will be removed.</source>
        <translation>Se quitarán el grupo y sus reuniones.</translation>
    </message>
    <message>
        <source>Choose a vCard file</source>
        <translation>Elige un archivo vCard</translation>
    </message>
    <message>
        <source>vCard files (*.vcf *.vcard)</source>
        <translation>Archivos vCard (*.vcf *.vcard)</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportado</translation>
    </message>
    <message>
        <source>Saved to {path}. It is not encrypted: keep it somewhere safe.</source>
        <translation>Guardado en {path}. No está cifrado: guárdalo en un lugar seguro.</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Leyendo</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <source>Added {added} people ({dups} already here).</source>
        <translation>Se han añadido {added} personas ({dups} ya estaban).</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importando</translation>
    </message>
    <message>
        <source>Adding the people from {name}…</source>
        <translation>Añadiendo las personas de {name}…</translation>
    </message>
    <message>
        <source>Writing your contacts…</source>
        <translation>Escribiendo tus contactos…</translation>
    </message>
    <message>
        <source>Writing your meetings…</source>
        <translation>Escribiendo tus reuniones…</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>No se puede exportar</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exportando</translation>
    </message>
    <message>
        <source>Everyone in this file is already here.</source>
        <translation>Todas las personas de este archivo ya están aquí.</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Importar contactos</translation>
    </message>
    <message>
        <source>Add {n} people ({names}…)? {dups} already here will be skipped.</source>
        <translation>¿Añadir {n} personas ({names}…)? Se omitirán {dups} que ya están aquí.</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Exportar contactos</translation>
    </message>
    <message>
        <source>Export meetings</source>
        <translation>Exportar reuniones</translation>
    </message>
</context>
<context>
    <name>PeopleWords</name>
    <message>
        <source>Peer caregiver</source>
        <translation>Otra persona cuidadora</translation>
    </message>
    <message>
        <source>Support-group facilitator</source>
        <translation>Coordinador de un grupo de apoyo</translation>
    </message>
    <message>
        <source>Friend</source>
        <translation>Amistad</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>Professional</source>
        <translation>Profesional</translation>
    </message>
    <message>
        <source>Crisis line</source>
        <translation>Línea de crisis</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otra relación</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>En persona</translation>
    </message>
    <message>
        <source>Video call</source>
        <translation>Videollamada</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Llamada telefónica</translation>
    </message>
    <message>
        <source>your local emergency number</source>
        <translation>el número de emergencias de tu zona</translation>
    </message>
    <message>
        <source>CareCompanion is not an emergency service and cannot call for help. If you or someone else is in danger right now, call {emergency}.</source>
        <translation>CareCompanion no es un servicio de emergencias y no puede pedir ayuda por ti. Si tú o alguien más está en peligro ahora mismo, llama ya: {emergency}.</translation>
    </message>
    <message>
        <source>mobile</source>
        <extracomment>Phone and e-mail labels the core knows (records.PHONE_KINDS, EMAIL_KINDS), stored by code; a label the person typed themselves is kept and shown as typed.</extracomment>
        <translation>móvil</translation>
    </message>
    <message>
        <source>home</source>
        <translation>casa</translation>
    </message>
    <message>
        <source>work</source>
        <translation>trabajo</translation>
    </message>
    <message>
        <source>fax</source>
        <translation>fax</translation>
    </message>
    <message>
        <source>pager</source>
        <translation>buscapersonas</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
</context>
<context>
    <name>PlaceWords</name>
    <message>
        <source>United States</source>
        <extracomment>The built-in helpline countries, by code; the English is the core&apos;s own name for each.</extracomment>
        <translation>Estados Unidos</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canadá</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Reino Unido</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>Irlanda</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>Australia</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>Nueva Zelanda</translation>
    </message>
    <message>
        <source>Deutschland</source>
        <translation>Alemania</translation>
    </message>
    <message>
        <source>France</source>
        <translation>Francia</translation>
    </message>
    <message>
        <source>Nederland</source>
        <translation>Países Bajos</translation>
    </message>
    <message>
        <source>Another country</source>
        <translation>Otro país</translation>
    </message>
    <message>
        <source>UTC (universal time)</source>
        <translation>UTC (tiempo universal)</translation>
    </message>
    <message>
        <source>{city} time</source>
        <translation>hora de {city}</translation>
    </message>
</context>
<context>
    <name>PostDelegate</name>
    <message>
        <source>You</source>
        <translation>Tú</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nuevo</translation>
    </message>
    <message>
        <source>1 comment</source>
        <translation>1 comentario</translation>
    </message>
    <message>
        <source>{count} comments</source>
        <translation>{count} comentarios</translation>
    </message>
</context>
<context>
    <name>PostListModel</name>
    <message>
        <source>by {name}</source>
        <extracomment>How the circle shows each member (``CircleState.names``): renamed members.</extracomment>
        <translation>de {name}</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>one comment</source>
        <translation>un comentario</translation>
    </message>
    <message>
        <source>{count} comments</source>
        <translation>{count} comentarios</translation>
    </message>
</context>
<context>
    <name>PostPanel</name>
    <message>
        <source>Shared text</source>
        <extracomment>GitHub-flavoured Markdown with raw HTML dropped: a post is someone else&apos;s text.</extracomment>
        <translation>Texto compartido</translation>
    </message>
    <message>
        <source>Send “{words}”</source>
        <translation>Enviar «{words}»</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <source>No comments yet. A few words can mean a lot.</source>
        <translation>Aún no hay comentarios. Unas pocas palabras pueden significar mucho.</translation>
    </message>
    <message>
        <source>Your comment</source>
        <translation>Tu comentario</translation>
    </message>
    <message>
        <source>Write a comment (Ctrl+Enter sends it)</source>
        <translation>Escribe un comentario (Ctrl+Intro lo envía)</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Añadir comentario</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Retirar…</translation>
    </message>
    <message>
        <source>Withdraw this post from the circle</source>
        <translation>Retirar esta publicación del círculo</translation>
    </message>
    <message>
        <source>Shared by you · {day}</source>
        <translation>Lo compartiste tú · {day}</translation>
    </message>
    <message>
        <source>Shared by {name} · {day}</source>
        <translation>Compartido por {name} · {day}</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>actualizado</translation>
    </message>
    <message>
        <source>{words}: you sent this</source>
        <translation>{words}: lo enviaste tú</translation>
    </message>
    <message>
        <source>{words}: sending…</source>
        <translation>{words}: enviando…</translation>
    </message>
    <message>
        <source>, {count} so far</source>
        <translation>, {count} hasta ahora</translation>
    </message>
    <message>
        <source>You can read this circle but not write in it.</source>
        <translation>Puedes leer este círculo, pero no escribir en él.</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Untitled entry</source>
        <translation>Entrada sin título</translation>
    </message>
    <message>
        <source>  (already in your journal: skipped)</source>
        <translation>  (ya está en tu diario: se omite)</translation>
    </message>
    <message>
        <source>  · {n} attachment(s)</source>
        <translation>  · {n} adjunto(s)</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
</context>
<context>
    <name>RecoveryKit</name>
    <message>
        <source>Print your recovery kit</source>
        <translation>Imprime tu kit de recuperación</translation>
    </message>
    <message>
        <source>Sent to the printer. Check that the page came out and the key is easy to read.</source>
        <translation>Enviado a la impresora. Comprueba que la página ha salido y que la clave se lee bien.</translation>
    </message>
    <message>
        <source>Nothing was printed: no printer could be reached. Save the kit as a PDF instead, or copy the key by hand.</source>
        <translation>No se ha impreso nada: no se pudo conectar con ninguna impresora. Guarda el kit como PDF o copia la clave a mano.</translation>
    </message>
    <message>
        <source>The printer did not take the page, so nothing was printed. Save the kit as a PDF instead, or copy the key by hand.</source>
        <translation>La impresora no aceptó la página, así que no se ha impreso nada. Guarda el kit como PDF o copia la clave a mano.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Mood report for an appointment</source>
        <translation>Informe de ánimo para una cita</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Desde la fecha</translation>
    </message>
    <message>
        <source>Until date</source>
        <translation>Hasta la fecha</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>A PDF with your charts and figures for the chosen weeks, to take to a doctor or counsellor. It is not encrypted: keep it somewhere safe.</source>
        <translation>Un PDF con tus gráficos y cifras de las semanas elegidas, para llevar a tu médico o a tu terapeuta. No está cifrado: guárdalo en un lugar seguro.</translation>
    </message>
    <message>
        <source>There are no check-ins in the last {days} days, so the dates are set to the {days} days up to your last check-in.</source>
        <translation>No hay registros en los últimos {days} días, así que las fechas son los {days} días hasta tu último registro.</translation>
    </message>
</context>
<context>
    <name>ScheduleWords</name>
    <message>
        <source>first</source>
        <translation>primer</translation>
    </message>
    <message>
        <source>second</source>
        <translation>segundo</translation>
    </message>
    <message>
        <source>third</source>
        <translation>tercer</translation>
    </message>
    <message>
        <source>fourth</source>
        <translation>cuarto</translation>
    </message>
    <message>
        <source>fifth</source>
        <translation>quinto</translation>
    </message>
    <message>
        <source>last</source>
        <translation>último</translation>
    </message>
    <message>
        <source>Once, on {day} at {time}</source>
        <translation>Una sola vez, el {day} a las {time}</translation>
    </message>
    <message>
        <source>Every {weekday} at {time}</source>
        <translation>Cada {weekday} a las {time}</translation>
    </message>
    <message>
        <source>Every other {weekday} at {time}</source>
        <translation>Cada dos semanas, el {weekday} a las {time}</translation>
    </message>
    <message>
        <source>Every {n} weeks on {weekday} at {time}</source>
        <translation>Cada {n} semanas, el {weekday} a las {time}</translation>
    </message>
    <message>
        <source>The {ordinal} {weekday} of each month at {time}</source>
        <translation>El {ordinal} {weekday} de cada mes a las {time}</translation>
    </message>
    <message>
        <source>{schedule}, {zone}</source>
        <translation>{schedule}, {zone}</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Untitled entry</source>
        <translation>Entrada sin título</translation>
    </message>
</context>
<context>
    <name>SelfCheckDialog</name>
    <message>
        <source>Caregiver self-check</source>
        <translation>Autoevaluación para cuidadores</translation>
    </message>
    <message>
        <source>Which self-check</source>
        <translation>Qué autoevaluación</translation>
    </message>
    <message>
        <source>See my result</source>
        <translation>Ver mi resultado</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Source: {citation}</source>
        <translation>Fuente: {citation}</translation>
    </message>
    <message>
        <source>{n} question(s) still need an answer.</source>
        <translation>Faltan {n} pregunta(s) por responder.</translation>
    </message>
    <message>
        <source>Your score: {total} of {max}. {text}</source>
        <translation>Tu puntuación: {total} de {max}. {text}</translation>
    </message>
    <message>
        <source>Your results will be kept here, so you can see how things change over time.</source>
        <translation>Tus resultados se guardarán aquí, para que veas cómo cambian las cosas con el tiempo.</translation>
    </message>
    <message>
        <source>Earlier results: </source>
        <translation>Resultados anteriores: </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>A new language shows the next time you open CareCompanion.</source>
        <translation>El nuevo idioma se verá la próxima vez que abras CareCompanion.</translation>
    </message>
    <message>
        <source>Privacy and security</source>
        <translation>Privacidad y seguridad</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
    </message>
    <message>
        <source>Lock after this many idle minutes</source>
        <translation>Bloquear tras estos minutos sin actividad</translation>
    </message>
    <message>
        <source>Lock when idle for</source>
        <translation>Bloquear tras un tiempo sin uso de</translation>
    </message>
    <message>
        <source>Remember on this computer (open without a passphrase)</source>
        <translation>Recordar en este equipo (abrir sin frase de contraseña)</translation>
    </message>
    <message>
        <source>Remember on this computer</source>
        <translation>Recordar en este equipo</translation>
    </message>
    <message>
        <source>Keeps a key in your system&apos;s keyring. Anyone who can log in to this computer as you could then open your journal.</source>
        <translation>Guarda una clave en el llavero de tu sistema. Cualquiera que pueda entrar en este equipo con tu usuario podría entonces abrir tu diario.</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Cambiar la frase de contraseña…</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Recordatorios</translation>
    </message>
    <message>
        <source>Remind me to check in each day at</source>
        <translation>Recordarme registrar cómo estoy cada día a las</translation>
    </message>
    <message>
        <source>Daily check-in reminder</source>
        <translation>Recordatorio diario de registro</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Hora del recordatorio</translation>
    </message>
    <message>
        <source>Remind me before group meetings</source>
        <translation>Recordarme antes de las reuniones de grupo</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source> minutes before</source>
        <translation> minutos antes</translation>
    </message>
    <message>
        <source>Meeting reminder, minutes before</source>
        <translation>Recordatorio de reunión, minutos antes</translation>
    </message>
    <message>
        <source>Start CareCompanion in the tray when I log in</source>
        <translation>Abrir CareCompanion en la bandeja al iniciar sesión</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Abrir al iniciar sesión</translation>
    </message>
    <message>
        <source>Remind me before help I promised</source>
        <translation>Avisarme antes de la ayuda que prometí</translation>
    </message>
    <message>
        <source>Reminder before help I promised, minutes before</source>
        <translation>Aviso antes de la ayuda que prometí, minutos antes</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Guardar ajustes</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Welcome to CareCompanion</source>
        <translation>Te damos la bienvenida a CareCompanion</translation>
    </message>
    <message>
        <source>A private place for the days of caring: what happened, how you are, and the people who help you carry it.</source>
        <translation>Un lugar privado para los días de cuidar: lo que pasó, cómo estás y las personas que te ayudan a llevarlo.</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer, encrypted. There is no account and no cloud. You choose, entry by entry, what to share with the people who understand.</source>
        <translation>Todo lo que escribes se queda en este equipo, cifrado. No hay cuenta ni nube. Tú eliges, entrada por entrada, qué compartir con las personas que te entienden.</translation>
    </message>
    <message>
        <source>Get started</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Elige una frase de contraseña</translation>
    </message>
    <message>
        <source>Your passphrase locks your journal. A few ordinary words that mean something only to you are easy to remember and hard to guess.</source>
        <translation>Tu frase de contraseña cierra tu diario. Unas cuantas palabras corrientes que solo signifiquen algo para ti son fáciles de recordar y difíciles de adivinar.</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repite la frase de contraseña</translation>
    </message>
    <message>
        <source>Type it once more</source>
        <translation>Escríbela otra vez</translation>
    </message>
    <message>
        <source>Please note: nobody, including us, can recover a forgotten passphrase. On the next step you will get a recovery key: it is the only other way in.</source>
        <translation>Ten en cuenta que nadie, ni siquiera nosotros, puede recuperar una frase de contraseña olvidada. En el siguiente paso recibirás una clave de recuperación: es la única otra forma de entrar.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Back to the welcome page</source>
        <translation>Volver a la bienvenida</translation>
    </message>
    <message>
        <source>Create my journal</source>
        <translation>Crear mi diario</translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>Las dos frases de contraseña aún no coinciden.</translation>
    </message>
    <message>
        <source>Creating your journal…</source>
        <translation>Creando tu diario…</translation>
    </message>
    <message>
        <source>Your recovery key</source>
        <translation>Tu clave de recuperación</translation>
    </message>
    <message>
        <source>If you ever forget your passphrase, this key is the only way back into your journal. It is shown only now. Print it or save it, and keep it somewhere safe and private.</source>
        <translation>Si alguna vez olvidas tu frase de contraseña, esta clave es la única forma de volver a entrar en tu diario. Solo se muestra ahora. Imprímela o guárdala, y tenla en un lugar seguro y privado.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save the recovery kit as a PDF</source>
        <translation>Guardar el kit de recuperación como PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print the recovery kit</source>
        <translation>Imprimir el kit de recuperación</translation>
    </message>
    <message>
        <source>Your country, for helplines</source>
        <translation>Tu país, para las líneas de ayuda</translation>
    </message>
    <message>
        <source>Your country, for the helplines in &apos;Need help now&apos;:</source>
        <translation>Tu país, para las líneas de ayuda de «Necesito ayuda ya»:</translation>
    </message>
    <message>
        <source>I have printed, saved or written down my recovery key</source>
        <translation>He impreso, guardado o apuntado mi clave de recuperación</translation>
    </message>
    <message>
        <source>I have kept my recovery key</source>
        <translation>He guardado mi clave de recuperación</translation>
    </message>
    <message>
        <source>Open my journal</source>
        <translation>Abrir mi diario</translation>
    </message>
    <message>
        <source>Save your recovery kit</source>
        <translation>Guardar tu kit de recuperación</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share with circle</source>
        <translation>Compartir con el círculo</translation>
    </message>
    <message>
        <source>Circles to share with</source>
        <translation>Círculos con los que compartir</translation>
    </message>
    <message>
        <source>Words to replace</source>
        <translation>Palabras que reemplazar</translation>
    </message>
    <message>
        <source>One a line, e.g. your mum&apos;s name → her initials. Used for every circle: applied to everything you share, in any circle.</source>
        <translation>Uno por línea, p. ej., el nombre de tu madre → sus iniciales. Sirve para todos los círculos: se aplica a todo lo que compartas, en cualquier círculo.</translation>
    </message>
    <message>
        <source>Margaret → M.
St Anne&apos;s clinic → the clinic</source>
        <translation>Margarita → M.
Clínica San Antonio → la clínica</translation>
    </message>
    <message>
        <source>Title that will be shared</source>
        <translation>Título que se compartirá</translation>
    </message>
    <message>
        <source>Text that will be shared</source>
        <translation>Texto que se compartirá</translation>
    </message>
    <message>
        <source>Withdraw from this circle</source>
        <translation>Retirar de este círculo</translation>
    </message>
    <message>
        <source>Withdraw this entry from the chosen circle</source>
        <translation>Retirar esta entrada del círculo elegido</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Share with</source>
        <translation>Compartir con</translation>
    </message>
    <message>
        <source>Only what you see on the right leaves your journal: the title, the text, the tags and the day. Attachments and the time of day stay private.</source>
        <translation>Solo sale de tu diario lo que ves a la derecha: el título, el texto, las etiquetas y el día. Los adjuntos y la hora se quedan en privado.</translation>
    </message>
    <message>
        <source>{name} (an earlier version is shared)</source>
        <translation>{name} (hay una versión anterior compartida)</translation>
    </message>
    <message>
        <source>{name} (shared)</source>
        <translation>{name} (compartida)</translation>
    </message>
    <message>
        <source>You are in no circle you can share with yet.</source>
        <translation>Aún no estás en ningún círculo con el que puedas compartir.</translation>
    </message>
    <message>
        <source>What “{name}” will see</source>
        <translation>Lo que verá «{name}»</translation>
    </message>
    <message>
        <source>You shared this entry with {name} before, and it has changed since. Share again to send the new version in place of the old one.</source>
        <translation>Ya compartiste esta entrada con {name} y ha cambiado desde entonces. Vuelve a compartirla para enviar la versión nueva en lugar de la anterior.</translation>
    </message>
    <message>
        <source>This entry is shared with {name} as it is now.</source>
        <translation>Esta entrada está compartida con {name} tal como está ahora.</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>Tags: {tags}</source>
        <translation>Etiquetas: {tags}</translation>
    </message>
    <message>
        <source>Share the new version</source>
        <translation>Compartir la nueva versión</translation>
    </message>
    <message>
        <source>Withdraw from {name}?</source>
        <translation>¿Retirar de {name}?</translation>
    </message>
    <message>
        <source>The entry disappears from the circle at everyone&apos;s next sync. Anyone who has already read it may remember it, or keep a copy.</source>
        <translation>La entrada desaparecerá del círculo la próxima vez que cada persona sincronice. Quien ya la haya leído puede recordarla o guardar una copia.</translation>
    </message>
    <message>
        <source>Withdrawn from {name}.</source>
        <translation>Retirada de {name}.</translation>
    </message>
</context>
<context>
    <name>StartCircleDialog</name>
    <message>
        <source>Start a circle</source>
        <translation>Crear un círculo</translation>
    </message>
    <message>
        <source>Circle name</source>
        <translation>Nombre del círculo</translation>
    </message>
    <message>
        <source>e.g. Tuesday carers</source>
        <translation>p. ej., Cuidadores de los martes</translation>
    </message>
    <message>
        <source>Circle file</source>
        <translation>Archivo del círculo</translation>
    </message>
    <message>
        <source>Choose where to keep the file</source>
        <translation>Elige dónde guardar el archivo</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose where to save the circle file</source>
        <translation>Elegir dónde guardar el archivo del círculo</translation>
    </message>
    <message>
        <source>Member cards (recommended)</source>
        <translation>Tarjetas de miembro (recomendado)</translation>
    </message>
    <message>
        <source>A shared passphrase</source>
        <translation>Una frase de contraseña compartida</translation>
    </message>
    <message>
        <source>Circle passphrase</source>
        <translation>Frase de contraseña del círculo</translation>
    </message>
    <message>
        <source>At least 8 characters</source>
        <translation>Al menos 8 caracteres</translation>
    </message>
    <message>
        <source>Repeat the circle passphrase</source>
        <translation>Repite la frase de contraseña del círculo</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Escríbela otra vez</translation>
    </message>
    <message>
        <source>Simpler to set up, but it trades away control: anyone who has the passphrase can read everything in the circle and join it, and removing someone does not stop them reading while they still know it.</source>
        <translation>Es más fácil de preparar, pero pierdes control: cualquiera que tenga la frase puede leer todo el círculo y unirse, y quitar a alguien no le impide seguir leyendo mientras la conozca.</translation>
    </message>
    <message>
        <source>Start the circle</source>
        <translation>Crear el círculo</translation>
    </message>
    <message>
        <source>The circle lives in one encrypted file. Save it in a folder the others can reach too: a shared Dropbox, Nextcloud or Syncthing folder, or a USB stick you pass around.</source>
        <translation>El círculo vive en un único archivo cifrado. Guárdalo en una carpeta a la que las demás personas también lleguen: una carpeta compartida de Dropbox, Nextcloud o Syncthing, o una memoria USB que se vayan pasando.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Where to keep the circle file</source>
        <translation>Dónde guardar el archivo del círculo</translation>
    </message>
    <message>
        <source>Who can open it</source>
        <translation>Quién puede abrirlo</translation>
    </message>
    <message>
        <source>Only the people you add, from the member card each sends you, can read it. You can remove someone later.</source>
        <translation>Solo pueden leerlo las personas que añadas con la tarjeta de miembro que cada una te envíe. Más adelante puedes quitar a alguien.</translation>
    </message>
    <message>
        <source>My circle</source>
        <translation>Mi círculo</translation>
    </message>
    <message>
        <source>Save the circle file</source>
        <translation>Guardar el archivo del círculo</translation>
    </message>
    <message>
        <source>Circle files (*.carecircle)</source>
        <translation>Archivos de círculo (*.carecircle)</translation>
    </message>
    <message>
        <source>Give the circle a name.</source>
        <translation>Ponle un nombre al círculo.</translation>
    </message>
    <message>
        <source>Choose where to keep the circle file.</source>
        <translation>Elige dónde guardar el archivo del círculo.</translation>
    </message>
    <message>
        <source>{file} already exists; choose another name.</source>
        <translation>{file} ya existe; elige otro nombre.</translation>
    </message>
    <message>
        <source>The circle passphrase needs at least 8 characters.</source>
        <translation>La frase de contraseña del círculo necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Very weak</source>
        <extracomment>The meter&apos;s verdict by score, the UI&apos;s own (the core&apos;s English labels serve the CLI). What is wrong and what to do are the core&apos;s sentences, translated by code (error_words).</extracomment>
        <translation>Muy débil</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Débil</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Muy buena</translation>
    </message>
    <message>
        <source>Almost</source>
        <translation>Casi</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Seguridad de la frase de contraseña</translation>
    </message>
    <message>
        <source>{verdict}. {advice}</source>
        <translation>{verdict}. {advice}</translation>
    </message>
    <message>
        <source>Tip: a few ordinary words you can picture, with spaces, work well.</source>
        <translation>Consejo: unas cuantas palabras corrientes que puedas imaginar, con espacios, funcionan bien.</translation>
    </message>
</context>
<context>
    <name>TemplateListModel</name>
    <message>
        <source> (built in)</source>
        <translation> (incluida)</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Templates</source>
        <translation>Plantillas</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Nombre de la plantilla</translation>
    </message>
    <message>
        <source>Title of new entries</source>
        <translation>Título de las entradas nuevas</translation>
    </message>
    <message>
        <source>Tags of new entries</source>
        <translation>Etiquetas de las entradas nuevas</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Texto de la plantilla</translation>
    </message>
    <message>
        <source>Start a line with ## to make it a heading in the entry.</source>
        <translation>Empieza una línea con ## para que sea un título en la entrada.</translation>
    </message>
    <message>
        <source>What a new entry from this template says</source>
        <translation>Lo que dirá una entrada nueva hecha con esta plantilla</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Entry title</source>
        <translation>Título de la entrada</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Nueva plantilla</translation>
    </message>
    <message>
        <source>Make a copy</source>
        <translation>Hacer una copia</translation>
    </message>
    <message>
        <source>Make a copy of this template</source>
        <translation>Hacer una copia de esta plantilla</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>Guardar la plantilla</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Delete the template</source>
        <translation>Borrar la plantilla</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Built-in templates cannot be changed; make a copy to adapt one.</source>
        <translation>Las plantillas incluidas no se pueden cambiar; haz una copia para adaptarla.</translation>
    </message>
    <message>
        <source>My template</source>
        <translation>Mi plantilla</translation>
    </message>
    <message>
        <source>{name} (my copy)</source>
        <translation>{name} (mi copia)</translation>
    </message>
    <message>
        <source>A template needs a name.</source>
        <translation>Una plantilla necesita un nombre.</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Untitled entry</source>
        <translation>Entrada sin título</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Open CareCompanion</source>
        <extracomment>A help-calendar notice or reminder was clicked: show the circle&apos;s help calendar.</extracomment>
        <translation>Abrir CareCompanion</translation>
    </message>
    <message>
        <source>Check in…</source>
        <translation>Registrar…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Your circle&apos;s help calendar</source>
        <translation>El calendario de ayuda de tu círculo</translation>
    </message>
    <message>
        <source>Help you promised</source>
        <translation>Ayuda que prometiste</translation>
    </message>
    <message>
        <source>You said you would help at {time}.</source>
        <translation>Dijiste que ayudarías a las {time}.</translation>
    </message>
    <message>
        <source>You said you would help on {day} at {time}.</source>
        <translation>Dijiste que ayudarías el {day} a las {time}.</translation>
    </message>
    <message>
        <source>A meeting soon</source>
        <translation>Una reunión pronto</translation>
    </message>
    <message>
        <source>One of your groups meets at {time}.</source>
        <translation>Uno de tus grupos se reúne a las {time}.</translation>
    </message>
    <message>
        <source>Time for a check-in</source>
        <translation>Hora de registrar cómo estás</translation>
    </message>
    <message>
        <source>How are you today? It takes ten seconds.</source>
        <translation>¿Cómo estás hoy? Son diez segundos.</translation>
    </message>
</context>
<context>
    <name>Unexpected</name>
    <message>
        <source>Something went wrong</source>
        <translation>Algo ha fallado</translation>
    </message>
    <message>
        <source>Something went wrong inside CareCompanion. Your journal is safe: everything you saved is kept.

What you were doing may not have finished, so please check it and try again. If this keeps happening, close CareCompanion and open it again.</source>
        <translation>Algo ha fallado dentro de CareCompanion. Tu diario está a salvo: todo lo que guardaste se conserva.

Puede que lo que estabas haciendo no se haya terminado, así que revísalo e inténtalo de nuevo. Si vuelve a pasar, cierra CareCompanion y ábrelo otra vez.</translation>
    </message>
</context>
<context>
    <name>UnlockView</name>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>Hola de nuevo</translation>
    </message>
    <message>
        <source>Your journal is locked. Enter your passphrase to open it.</source>
        <translation>Tu diario está bloqueado. Escribe tu frase de contraseña para abrirlo.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Unlock the journal</source>
        <translation>Desbloquear el diario</translation>
    </message>
    <message>
        <source>Forgot your passphrase?</source>
        <translation>¿Olvidaste tu frase de contraseña?</translation>
    </message>
    <message>
        <source>Use your recovery key</source>
        <translation>Usa tu clave de recuperación</translation>
    </message>
    <message>
        <source>Use the recovery key</source>
        <translation>Usar la clave de recuperación</translation>
    </message>
    <message>
        <source>Earlier journals…</source>
        <translation>Diarios anteriores…</translation>
    </message>
    <message>
        <source>Earlier journals, kept by restores</source>
        <translation>Diarios anteriores, guardados al restaurar</translation>
    </message>
    <message>
        <source>Open with your recovery key</source>
        <translation>Abrir con tu clave de recuperación</translation>
    </message>
    <message>
        <source>Type the recovery key from your printed recovery kit (capitals, spaces and dashes do not matter), then choose a new passphrase.</source>
        <translation>Escribe la clave de recuperación de tu kit impreso (no importan las mayúsculas, los espacios ni los guiones) y después elige una nueva frase de contraseña.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Repite la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Open and set the new passphrase</source>
        <translation>Abrir y poner la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Open with the recovery key</source>
        <translation>Abrir con la clave de recuperación</translation>
    </message>
    <message>
        <source>Back to the passphrase</source>
        <translation>Volver a la frase de contraseña</translation>
    </message>
    <message>
        <source>Please type your passphrase.</source>
        <translation>Escribe tu frase de contraseña, por favor.</translation>
    </message>
    <message>
        <source>Please type your recovery key.</source>
        <translation>Escribe tu clave de recuperación, por favor.</translation>
    </message>
    <message>
        <source>Please choose a stronger new passphrase.</source>
        <translation>Elige una frase de contraseña nueva más segura, por favor.</translation>
    </message>
    <message>
        <source>The two new passphrases are not the same.</source>
        <translation>Las dos frases nuevas no coinciden.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
</context>
<context>
    <name>YearHeatmap</name>
    <message>
        <source>Year in colour</source>
        <extracomment>The least a day&apos;s square and its gap take: a narrow window (911 px at 150 %) makes the squares smaller, down to this, rather than cut off the last months, the ones that count.</extracomment>
        <translation>El año en color</translation>
    </message>
    <message>
        <source>{days} days with a check-in in {year}.</source>
        <translation>{days} días con registro en {year}.</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <source>no check-in</source>
        <translation>sin registro</translation>
    </message>
    <message>
        <source>mood {value} ({word})</source>
        <translation>ánimo {value} ({word})</translation>
    </message>
</context>
</TS>
