"""Every label of the cooperation report in English, French and Spanish: one table per language
with the same keys (a test checks they match). Text with `{name}` fields is filled by
`str.format`. Language is data: adding a language is adding a table."""

from __future__ import annotations

from collections.abc import Mapping

EN: Mapping[str, str] = {
    "meeting": "Meeting",
    "document": "Document",
    "date": "Date",
    "source": "Source",
    "title": "Title",
    "purpose": "Purpose",
    "summary": "Summary",
    "action_required": "Action required",
    "references": "References",
    "purpose.information": "For information",
    "purpose.action": "For action",
    "meeting.default": "{group} meeting",
    "source.br": "Director, Radiocommunication Bureau",
    "source.tsb": "Director, Telecommunication Standardization Bureau",
    "source.bdt": "Director, Telecommunication Development Bureau",
    "report.title": "Cooperation among the three Sectors: report under Resolution 57 ({period})",
    "report.summary": (
        "This contribution reports on cooperation among ITU-R, ITU-T and ITU-D for {period}: "
        "{subjects} subjects of mutual interest with current work, {common} of them in all "
        "three Sectors; {candidates} duplicate-work candidates, {open} still open; "
        "{liaisons} liaisons exchanged between the Sectors, {overdue} overdue; {findings} "
        "roadmap alignment findings; {actions} resolution actions, {done} done."
    ),
    "action.information": "{group} is invited to note this report.",
    "action.action": (
        "{group} is invited to note this report, to consider the open duplicate-work "
        "candidates and the overdue liaisons it lists, and to advise on further cooperation."
    ),
    "reference.resolution": "{body} Resolution {number}",
    "reference.revision": "(Rev. {place}, {year})",
    "section.subjects": "Subjects of mutual interest and who works on each",
    "section.duplicates": "Duplicate work: candidates reviewed and open",
    "section.liaisons": "Liaisons exchanged between the Sectors",
    "section.alignment": "Roadmap alignment findings",
    "section.actions": "Resolution actions and their status",
    "section.changes": "Changes since the previous report",
    "annex": "Annex: the registry items behind each figure",
    "subjects.intro": (
        "A group works on a subject when the registry holds current work of it on that "
        "subject (an open Question or work item, or a text in force it maintains)."
    ),
    "fig.subjects.with-work": "Subjects with current work",
    "fig.subjects.common": "Subjects with work in all three Sectors",
    "fig.subject.cell": "{subject}, {sector}: activities",
    "col.subject": "Subject",
    "col.common": "All three",
    "chart.matrix": "Current activities per subject and Sector",
    "yes": "yes",
    "no": "no",
    "none": "none",
    "duplicates.intro": (
        "Candidates come from the last full overlap analysis; a review holds until either "
        "text changes."
    ),
    "fig.duplicates.candidates": "Duplicate-work candidates",
    "fig.duplicates.reviewed": "Candidates reviewed",
    "fig.duplicates.open": "Candidates open (not reviewed)",
    "fig.duplicates.decision": "Reviewed: {decision}",
    "col.candidate": "Candidate",
    "col.score": "Score",
    "col.items": "Items",
    "liaisons.intro": (
        "Liaisons whose sender and an addressee are in different Sectors, sent between "
        "{start} and {end}; overdue ones are counted whenever they were sent."
    ),
    "fig.liaisons.across": "Liaisons between the Sectors in the period",
    "fig.liaisons.purpose": "{purpose}",
    "fig.liaisons.state": "State: {state}",
    "fig.liaisons.overdue": "Overdue liaisons between the Sectors (now)",
    "purpose.for_action": "For action",
    "purpose.for_comment": "For comment",
    "purpose.for_information": "For information",
    "state.draft": "draft",
    "state.sent": "sent",
    "state.answered": "answered",
    "state.closed": "closed",
    "state.overdue": "overdue",
    "col.liaison": "Liaison",
    "col.from": "From",
    "col.to": "For action",
    "col.deadline": "Deadline",
    "col.purpose": "Purpose",
    "chart.liaisons": "Liaisons between the Sectors by purpose and state",
    "alignment.intro": "Findings of the alignment checks as of {today}, most serious first.",
    "fig.findings.total": "Alignment findings",
    "fig.findings.check": "Check: {check}",
    "check.late-dependency": "late cross-Sector dependency",
    "check.no-counterpart": "subject with no counterpart",
    "check.liaison-overdue": "liaison overdue",
    "check.past-target": "activity past its target",
    "check.stale-roadmap-entry": "stale roadmap entry",
    "col.check": "Check",
    "col.severity": "Severity",
    "col.finding": "Finding",
    "actions.intro": (
        "Every operative clause of the ingested resolutions is a tracked action; a new "
        "revision carries it over or supersedes it."
    ),
    "fig.actions.total": "Resolution actions",
    "fig.actions.status": "Status: {status}",
    "fig.actions.addressed": "Actions addressed to {group} or its Director",
    "status.not-started": "not started",
    "status.ongoing": "ongoing",
    "status.done": "done",
    "status.superseded": "superseded",
    "col.action": "Action",
    "col.addressees": "Action by",
    "col.status": "Status",
    "col.due": "Due",
    "chart.actions": "Resolution actions by status",
    "changes.first": "No previous report to {group} is recorded: this is the first.",
    "changes.intro": "Compared with the report of {date} ({document}).",
    "col.figure": "Figure",
    "col.previous": "Previous",
    "col.now": "Now",
    "col.change": "Change",
    "col.added": "Items added",
    "col.removed": "Items removed",
    "changes.none": "No figure changed.",
    "annex.intro": "Each figure of this report and the registry items it counts.",
    "col.key": "Key",
    "col.value": "Value",
}

FR: Mapping[str, str] = {
    "meeting": "Réunion",
    "document": "Document",
    "date": "Date",
    "source": "Source",
    "title": "Titre",
    "purpose": "Objet",
    "summary": "Résumé",
    "action_required": "Suite à donner",
    "references": "Références",
    "purpose.information": "Pour information",
    "purpose.action": "Pour suite à donner",
    "meeting.default": "Réunion du {group}",
    "source.br": "Directeur du Bureau des radiocommunications",
    "source.tsb": "Directeur du Bureau de la normalisation des télécommunications",
    "source.bdt": "Directeur du Bureau de développement des télécommunications",
    "report.title": (
        "Coopération entre les trois Secteurs : rapport au titre de la Résolution 57 ({period})"
    ),
    "report.summary": (
        "La présente contribution rend compte de la coopération entre l'UIT-R, l'UIT-T et "
        "l'UIT-D pour {period} : {subjects} sujets d'intérêt mutuel font l'objet de travaux en "
        "cours, dont {common} dans les trois Secteurs ; {candidates} cas possibles de doublons, "
        "dont {open} encore ouverts ; {liaisons} déclarations de liaison échangées entre les "
        "Secteurs, dont {overdue} en retard ; {findings} constats d'alignement des feuilles de "
        "route ; {actions} actions découlant des résolutions, dont {done} achevées."
    ),
    "action.information": "Le {group} est invité à prendre note du présent rapport.",
    "action.action": (
        "Le {group} est invité à prendre note du présent rapport, à examiner les cas de "
        "doublons ouverts et les déclarations de liaison en retard qui y figurent, et à donner "
        "son avis sur la poursuite de la coopération."
    ),
    "reference.resolution": "Résolution {number} de l'{body}",
    "reference.revision": "(Rév. {place}, {year})",
    "section.subjects": "Sujets d'intérêt mutuel et groupes qui y travaillent",
    "section.duplicates": "Doublons : cas examinés et ouverts",
    "section.liaisons": "Déclarations de liaison échangées entre les Secteurs",
    "section.alignment": "Constats d'alignement des feuilles de route",
    "section.actions": "Actions découlant des résolutions et leur état",
    "section.changes": "Évolution depuis le rapport précédent",
    "annex": "Annexe : les éléments du registre derrière chaque chiffre",
    "subjects.intro": (
        "Un groupe travaille sur un sujet lorsque le registre contient des travaux en cours de "
        "ce groupe sur ce sujet (Question ou point de travail ouvert, ou texte en vigueur dont "
        "il assure la mise à jour)."
    ),
    "fig.subjects.with-work": "Sujets faisant l'objet de travaux en cours",
    "fig.subjects.common": "Sujets traités dans les trois Secteurs",
    "fig.subject.cell": "{subject}, {sector} : activités",
    "col.subject": "Sujet",
    "col.common": "Trois Secteurs",
    "chart.matrix": "Activités en cours par sujet et par Secteur",
    "yes": "oui",
    "no": "non",
    "none": "aucun",
    "duplicates.intro": (
        "Les cas proviennent de la dernière analyse complète des chevauchements ; un examen "
        "reste valable tant qu'aucun des deux textes ne change."
    ),
    "fig.duplicates.candidates": "Cas possibles de doublons",
    "fig.duplicates.reviewed": "Cas examinés",
    "fig.duplicates.open": "Cas ouverts (non examinés)",
    "fig.duplicates.decision": "Examinés : {decision}",
    "col.candidate": "Cas",
    "col.score": "Score",
    "col.items": "Éléments",
    "liaisons.intro": (
        "Déclarations de liaison dont l'expéditeur et un destinataire relèvent de Secteurs "
        "différents, envoyées entre le {start} et le {end} ; celles en retard sont comptées "
        "quelle que soit leur date d'envoi."
    ),
    "fig.liaisons.across": "Déclarations de liaison entre les Secteurs pendant la période",
    "fig.liaisons.purpose": "{purpose}",
    "fig.liaisons.state": "État : {state}",
    "fig.liaisons.overdue": "Déclarations de liaison entre les Secteurs en retard (à ce jour)",
    "purpose.for_action": "Pour suite à donner",
    "purpose.for_comment": "Pour observations",
    "purpose.for_information": "Pour information",
    "state.draft": "projet",
    "state.sent": "envoyée",
    "state.answered": "répondue",
    "state.closed": "close",
    "state.overdue": "en retard",
    "col.liaison": "Déclaration de liaison",
    "col.from": "De",
    "col.to": "Pour suite à donner",
    "col.deadline": "Échéance",
    "col.purpose": "Objet",
    "chart.liaisons": "Déclarations de liaison entre les Secteurs par objet et par état",
    "alignment.intro": (
        "Constats des vérifications d'alignement au {today}, les plus graves d'abord."
    ),
    "fig.findings.total": "Constats d'alignement",
    "fig.findings.check": "Vérification : {check}",
    "check.late-dependency": "dépendance intersectorielle en retard",
    "check.no-counterpart": "sujet sans homologue",
    "check.liaison-overdue": "déclaration de liaison en retard",
    "check.past-target": "activité au-delà de son échéance",
    "check.stale-roadmap-entry": "entrée de feuille de route périmée",
    "col.check": "Vérification",
    "col.severity": "Gravité",
    "col.finding": "Constat",
    "actions.intro": (
        "Chaque disposition du dispositif des résolutions enregistrées est une action suivie ; "
        "une nouvelle révision la reprend ou la remplace."
    ),
    "fig.actions.total": "Actions découlant des résolutions",
    "fig.actions.status": "État : {status}",
    "fig.actions.addressed": "Actions adressées au {group} ou à son Directeur",
    "status.not-started": "non commencée",
    "status.ongoing": "en cours",
    "status.done": "achevée",
    "status.superseded": "remplacée",
    "col.action": "Action",
    "col.addressees": "Destinataires",
    "col.status": "État",
    "col.due": "Échéance",
    "chart.actions": "Actions découlant des résolutions par état",
    "changes.first": (
        "Aucun rapport précédent au {group} n'est enregistré : celui-ci est le premier."
    ),
    "changes.intro": "Par rapport au rapport du {date} ({document}).",
    "col.figure": "Chiffre",
    "col.previous": "Précédent",
    "col.now": "Actuel",
    "col.change": "Variation",
    "col.added": "Éléments ajoutés",
    "col.removed": "Éléments retirés",
    "changes.none": "Aucun chiffre n'a changé.",
    "annex.intro": "Chaque chiffre du présent rapport et les éléments du registre qu'il compte.",
    "col.key": "Clé",
    "col.value": "Valeur",
}

ES: Mapping[str, str] = {
    "meeting": "Reunión",
    "document": "Documento",
    "date": "Fecha",
    "source": "Origen",
    "title": "Título",
    "purpose": "Finalidad",
    "summary": "Resumen",
    "action_required": "Acción requerida",
    "references": "Referencias",
    "purpose.information": "Para información",
    "purpose.action": "Para acción",
    "meeting.default": "Reunión del {group}",
    "source.br": "Director de la Oficina de Radiocomunicaciones",
    "source.tsb": "Director de la Oficina de Normalización de las Telecomunicaciones",
    "source.bdt": "Director de la Oficina de Desarrollo de las Telecomunicaciones",
    "report.title": (
        "Cooperación entre los tres Sectores: informe en virtud de la Resolución 57 ({period})"
    ),
    "report.summary": (
        "La presente contribución informa sobre la cooperación entre el UIT-R, el UIT-T y el "
        "UIT-D en {period}: {subjects} temas de interés mutuo con trabajos en curso, {common} "
        "de ellos en los tres Sectores; {candidates} posibles duplicaciones, {open} aún "
        "abiertas; {liaisons} declaraciones de coordinación intercambiadas entre los Sectores, "
        "{overdue} atrasadas; {findings} constataciones de alineación de las hojas de ruta; "
        "{actions} acciones derivadas de las resoluciones, {done} concluidas."
    ),
    "action.information": "Se invita al {group} a tomar nota de este informe.",
    "action.action": (
        "Se invita al {group} a tomar nota de este informe, a examinar las posibles "
        "duplicaciones abiertas y las declaraciones de coordinación atrasadas que enumera, y a "
        "asesorar sobre la cooperación futura."
    ),
    "reference.resolution": "Resolución {number} de la {body}",
    "reference.revision": "(Rev. {place}, {year})",
    "section.subjects": "Temas de interés mutuo y quién trabaja en cada uno",
    "section.duplicates": "Duplicación de trabajos: casos examinados y abiertos",
    "section.liaisons": "Declaraciones de coordinación intercambiadas entre los Sectores",
    "section.alignment": "Constataciones de alineación de las hojas de ruta",
    "section.actions": "Acciones derivadas de las resoluciones y su estado",
    "section.changes": "Cambios desde el informe anterior",
    "annex": "Anexo: los elementos del registro detrás de cada cifra",
    "subjects.intro": (
        "Un grupo trabaja en un tema cuando el registro contiene trabajos en curso del grupo "
        "sobre ese tema (una Cuestión o un punto de trabajo abiertos, o un texto en vigor que "
        "mantiene)."
    ),
    "fig.subjects.with-work": "Temas con trabajos en curso",
    "fig.subjects.common": "Temas con trabajos en los tres Sectores",
    "fig.subject.cell": "{subject}, {sector}: actividades",
    "col.subject": "Tema",
    "col.common": "Tres Sectores",
    "chart.matrix": "Actividades en curso por tema y Sector",
    "yes": "sí",
    "no": "no",
    "none": "ninguno",
    "duplicates.intro": (
        "Los casos proceden del último análisis completo de solapamientos; un examen sigue "
        "siendo válido mientras ninguno de los dos textos cambie."
    ),
    "fig.duplicates.candidates": "Posibles duplicaciones",
    "fig.duplicates.reviewed": "Casos examinados",
    "fig.duplicates.open": "Casos abiertos (sin examinar)",
    "fig.duplicates.decision": "Examinados: {decision}",
    "col.candidate": "Caso",
    "col.score": "Puntuación",
    "col.items": "Elementos",
    "liaisons.intro": (
        "Declaraciones de coordinación cuyo remitente y algún destinatario pertenecen a "
        "Sectores distintos, enviadas entre el {start} y el {end}; las atrasadas se cuentan "
        "cualquiera que sea su fecha de envío."
    ),
    "fig.liaisons.across": "Declaraciones de coordinación entre los Sectores en el periodo",
    "fig.liaisons.purpose": "{purpose}",
    "fig.liaisons.state": "Estado: {state}",
    "fig.liaisons.overdue": "Declaraciones de coordinación entre los Sectores atrasadas (hoy)",
    "purpose.for_action": "Para acción",
    "purpose.for_comment": "Para comentarios",
    "purpose.for_information": "Para información",
    "state.draft": "borrador",
    "state.sent": "enviada",
    "state.answered": "respondida",
    "state.closed": "cerrada",
    "state.overdue": "atrasada",
    "col.liaison": "Declaración de coordinación",
    "col.from": "De",
    "col.to": "Para acción",
    "col.deadline": "Plazo",
    "col.purpose": "Finalidad",
    "chart.liaisons": "Declaraciones de coordinación entre los Sectores por finalidad y estado",
    "alignment.intro": (
        "Constataciones de las verificaciones de alineación al {today}, las más graves primero."
    ),
    "fig.findings.total": "Constataciones de alineación",
    "fig.findings.check": "Verificación: {check}",
    "check.late-dependency": "dependencia intersectorial atrasada",
    "check.no-counterpart": "tema sin contrapartida",
    "check.liaison-overdue": "declaración de coordinación atrasada",
    "check.past-target": "actividad pasada su fecha objetivo",
    "check.stale-roadmap-entry": "entrada de hoja de ruta obsoleta",
    "col.check": "Verificación",
    "col.severity": "Gravedad",
    "col.finding": "Constatación",
    "actions.intro": (
        "Cada disposición de la parte dispositiva de las resoluciones registradas es una acción "
        "objeto de seguimiento; una nueva revisión la mantiene o la sustituye."
    ),
    "fig.actions.total": "Acciones derivadas de las resoluciones",
    "fig.actions.status": "Estado: {status}",
    "fig.actions.addressed": "Acciones dirigidas al {group} o a su Director",
    "status.not-started": "no iniciada",
    "status.ongoing": "en curso",
    "status.done": "concluida",
    "status.superseded": "sustituida",
    "col.action": "Acción",
    "col.addressees": "Destinatarios",
    "col.status": "Estado",
    "col.due": "Plazo",
    "chart.actions": "Acciones derivadas de las resoluciones por estado",
    "changes.first": "No consta ningún informe anterior al {group}: este es el primero.",
    "changes.intro": "Comparado con el informe del {date} ({document}).",
    "col.figure": "Cifra",
    "col.previous": "Anterior",
    "col.now": "Actual",
    "col.change": "Cambio",
    "col.added": "Elementos añadidos",
    "col.removed": "Elementos retirados",
    "changes.none": "Ninguna cifra ha cambiado.",
    "annex.intro": "Cada cifra de este informe y los elementos del registro que cuenta.",
    "col.key": "Clave",
    "col.value": "Valor",
}

LABELS: Mapping[str, Mapping[str, str]] = {"en": EN, "fr": FR, "es": ES}
REPORT_LANGUAGES = tuple(LABELS)
BODY_NAMES: Mapping[str, Mapping[str, str]] = {
    "en": {"wtsa": "WTSA", "wtdc": "WTDC", "ra": "RA", "pp": "PP", "wrc": "WRC"},
    "fr": {"wtsa": "AMNT", "wtdc": "CMDT", "ra": "AR", "pp": "PP", "wrc": "CMR"},
    "es": {"wtsa": "AMNT", "wtdc": "CMDT", "ra": "AR", "pp": "PP", "wrc": "CMR"},
}
