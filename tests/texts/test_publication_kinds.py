"""Each ITU publication kind gets an id of its own (texts/cover.py, recommendation.py,
resolution.py). The texts below are the project's own short texts in ITU's layout (the
cover page, title block and headings ITU prints), NOT ITU's official wording: where no real
file of a kind is in tests/data/itu-documents/."""

from __future__ import annotations

import pytest

from intersector.domain.documents import Document
from intersector.texts.parse import parse_document


def parse(text: str) -> Document:
    return parse_document(text, source="own-test-text")


@pytest.mark.parametrize(
    ("head", "intro", "expected"),
    [
        ("RESOLUTION 57 (Rev. Dubai, 2012)",
         "The World Telecommunication Standardization Assembly (Dubai, 2012),", "wtsa-res-57"),
        ("RESOLUTION 37 (Rev. Buenos Aires, 2017)",
         "The World Telecommunication Development Conference (Buenos Aires, 2017),",
         "wtdc-res-37"),
        ("RESOLUTION 71 (Rev. Dubai, 2018)",
         "The Plenipotentiary Conference of the International Telecommunication Union "
         "(Dubai, 2018),", "pp-res-71"),
        ("RESOLUTION 238 (WRC-15)",
         "The World Radiocommunication Conference (Geneva, 2015),", "wrc-res-238"),
        ("RESOLUTION ITU-R 1-8",
         "The ITU Radiocommunication Assembly,", "itu-r-res-1-8"),
        ("OPINION 1 (Dubai, 2012)",
         "The World Telecommunication Standardization Assembly (Dubai, 2012),", "wtsa-op-1"),
    ],
)  # fmt: skip
def test_resolutions_and_opinions_of_every_body(head: str, intro: str, expected: str) -> None:
    doc = parse(f"{head}\nA title\n{intro}\nconsidering\na)\tthat one,\nresolves\n1\tto act.\n")
    assert doc.id == expected
    assert doc.kind == ("opinion" if head.startswith("OPINION") else "resolution")
    assert doc.parent == ""


def test_bis_clauses_are_siblings_not_parents() -> None:
    """`b)bis` comes between `b)` and `c)`; `c)` is a letter, not the roman numeral 100."""
    doc = parse(
        "RESOLUTION 1 (Rev. Hammamet, 2016)\nRules of procedure\n"
        "The World Telecommunication Standardization Assembly (Hammamet, 2016),\n"
        "considering\na)\tthat one;\nb)\tthat two;\nb)bis\tthat two more;\nc)\tthat three,\n"
        "resolves\n1\tto do;\n1bis\tto do more;\n2\tto do again.\n"
    )
    assert [(c.label, c.children) for c in doc.preamble[0].clauses] == [
        ("a)", ()),
        ("b)", ()),
        ("b)bis", ()),
        ("c)", ()),
    ]
    assert [c.label for c in doc.operative[0].clauses] == ["1", "1bis", "2"]


def test_report_itu_r() -> None:
    doc = parse(
        "REPORT ITU-R M.2410-0\nMinimum requirements related to technical performance for "
        "IMT-2020 radio interface(s)\n(2017)\n1\tIntroduction\nThis Report describes them.\n"
    )
    assert (doc.id, doc.kind, doc.number, doc.body) == (
        "itu-r-rep-m.2410",
        "report",
        "M.2410",
        "itu-r",
    )
    assert doc.metadata.get("version") == "0"
    assert [(p.label, p.heading) for p in doc.parts] == [("1", "Introduction")]


COVER = """\
International Telecommunication Union
ITU-T\tE.119
TELECOMMUNICATION
STANDARDIZATION SECTOR
OF ITU\tAmendment 2 (05/2020)
SERIES E: OVERALL NETWORK OPERATION, TELEPHONE SERVICE, SERVICE OPERATION AND HUMAN FACTORS
Requirements for provision of information to roaming users
Recommendation ITU-T E.119 (2016) – Amendment 2
FOREWORD
The International Telecommunication Union (ITU) is the United Nations specialized agency.
Recommendation ITU-T E.119
Requirements for provision of information to roaming users
Amendment 2
Modifications to clause 4
1\tScope
This amendment changes clause 4.
"""


def test_amendment_from_its_cover_and_title_block() -> None:
    doc = parse(COVER)
    assert (doc.id, doc.kind, doc.number, doc.parent) == (
        "itu-t-rec-e.119-amd2",
        "amendment",
        "E.119 Amd. 2",
        "itu-t-rec-e.119",
    )
    assert doc.title == "Modifications to clause 4"
    assert doc.metadata.get("parent_title") == (
        "Requirements for provision of information to roaming users"
    )
    assert (doc.approved, doc.metadata.get("parent_edition")) == ("2020-05", "2016")
    assert doc.cover.startswith("International Telecommunication Union")
    assert [(p.label, p.heading) for p in doc.parts] == [("1", "Scope")]


def test_prepublished_recommendation() -> None:
    doc = parse(
        COVER.replace("Amendment 2 (05/2020)", "(05/2020)")
        .replace("Recommendation ITU-T E.119 (2016) – Amendment 2\n",
                 "CAUTION ! PREPUBLISHED RECOMMENDATION\n")
        .replace("Recommendation ITU-T E.119\n", "Draft Recommendation ITU-T E.119 (ex E.rr)\n")
        .replace("Amendment 2\nModifications to clause 4\n", "")
    )  # fmt: skip
    assert (doc.id, doc.kind, doc.parent, doc.metadata.get("status")) == (
        "itu-t-rec-e.119",
        "recommendation",
        "",
        "prepublished",
    )
    assert doc.title == "Requirements for provision of information to roaming users"


# The same publications as ITU prints them in French and Spanish (the project's own short
# texts in ITU's layout, not ITU's official wording): the cover words are each language's.
COVER_FR = (
    "Union internationale des télécommunications\n"
    "UIT-T\tE.119\n"
    "SECTEUR DE LA NORMALISATION\n"
    "DES TÉLÉCOMMUNICATIONS\n"
    "DE L'UIT\tAmendement 2 (05/2020)\n"
    "SÉRIE E: EXPLOITATION GÉNÉRALE DU RÉSEAU, SERVICE TÉLÉPHONIQUE, EXPLOITATION DES "
    "SERVICES ET FACTEURS HUMAINS\n"
    "Prescriptions relatives à la fourniture d'informations aux usagers en itinérance\n"
    "Recommandation UIT-T E.119 (2016) – Amendement 2\n"
    "AVANT-PROPOS\n"
    "L'Union internationale des télécommunications (UIT) est l'institution spécialisée des "
    "Nations Unies dans le domaine des télécommunications et des technologies de "
    "l'information et de la communication.\n"
    "Recommandation UIT-T E.119\n"
    "Prescriptions relatives à la fourniture d'informations aux usagers en itinérance\n"
    "Amendement 2\n"
    "Modifications de l'article 4\n"
    "1\tDomaine d'application\n"
    "Le présent amendement modifie l'article 4 de la Recommandation et les dispositions qui "
    "en découlent pour les usagers.\n"
)

CORRIGENDUM_ES = (
    "Unión Internacional de Telecomunicaciones\n"
    "UIT-T\tE.119\n"
    "SECTOR DE NORMALIZACIÓN\n"
    "DE LAS TELECOMUNICACIONES\n"
    "DE LA UIT\tCorrigéndum 1 (05/2020)\n"
    "SERIE E: EXPLOTACIÓN GENERAL DE LA RED, SERVICIO TELEFÓNICO, EXPLOTACIÓN DEL SERVICIO Y "
    "FACTORES HUMANOS\n"
    "Requisitos para el suministro de información a los usuarios itinerantes\n"
    "Recomendación UIT-T E.119 (2016) – Corrigéndum 1\n"
    "PREFACIO\n"
    "La Unión Internacional de Telecomunicaciones (UIT) es el organismo especializado de las "
    "Naciones Unidas en el campo de las telecomunicaciones y de las tecnologías de la "
    "información y la comunicación.\n"
    "Recomendación UIT-T E.119\n"
    "Requisitos para el suministro de información a los usuarios itinerantes\n"
    "Corrigéndum 1\n"
    "Correcciones de la cláusula 4\n"
    "1\tAlcance\n"
    "El presente corrigéndum corrige la cláusula 4 de la Recomendación y las disposiciones "
    "que de ella se derivan para los usuarios.\n"
)

SUPPLEMENT_FR = (
    "Union internationale des télécommunications\n"
    "UIT-T\tSérie A\n"
    "SECTEUR DE LA NORMALISATION\n"
    "DES TÉLÉCOMMUNICATIONS\n"
    "DE L'UIT\tSupplément 5 (07/2016)\n"
    "Lignes directrices pour la collaboration et l'échange d'informations avec d'autres "
    "organisations\n"
    "Supplément 5 aux Recommandations UIT-T de la série A\n"
    "Lignes directrices pour la collaboration et l'échange d'informations avec d'autres "
    "organisations\n"
    "1\tDomaine d'application\n"
    "Le présent supplément donne des lignes directrices pour la collaboration avec les autres"
    " organisations et pour les échanges.\n"
)

PREPUBLISHED_ES = (
    "Unión Internacional de Telecomunicaciones\n"
    "UIT-T\tJ.383\n"
    "SECTOR DE NORMALIZACIÓN\n"
    "DE LAS TELECOMUNICACIONES\n"
    "DE LA UIT\t(05/2020)\n"
    "SERIE J: REDES DE CABLE Y TRANSMISIÓN DE SEÑALES RADIOFÓNICAS, DE TELEVISIÓN Y DE OTRAS "
    "SEÑALES MULTIMEDIOS\n"
    "¡ATENCIÓN! RECOMENDACIÓN PREPUBLICADA\n"
    "Proyecto de Recomendación UIT-T J.383 (ex J.rr)\n"
    "Requisitos para el suministro de información a los usuarios de las redes de cable\n"
    "1\tAlcance\n"
    "La presente Recomendación especifica los requisitos para el suministro de información a "
    "los usuarios de las redes de cable.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (COVER_FR, ("fr", "itu-t-rec-e.119-amd2", "amendment", "itu-t-rec-e.119",
                    "Modifications de l'article 4", "2020-05")),
        (CORRIGENDUM_ES, ("es", "itu-t-rec-e.119-cor1", "corrigendum", "itu-t-rec-e.119",
                          "Correcciones de la cláusula 4", "2020-05")),
        (SUPPLEMENT_FR, ("fr", "itu-t-sup-a-5", "supplement", "",
                         "Lignes directrices pour la collaboration et l'échange d'informations "
                         "avec d'autres organisations", "2016-07")),
        (PREPUBLISHED_ES, ("es", "itu-t-rec-j.383", "recommendation", "",
                           "Requisitos para el suministro de información a los usuarios de las "
                           "redes de cable", "2020-05")),
    ],
)  # fmt: skip
def test_covers_in_french_and_spanish(text: str, expected: tuple[str, ...]) -> None:
    doc = parse(text)
    assert (doc.language, doc.id, doc.kind, doc.parent, doc.title, doc.approved) == expected
    assert doc.parts[0].label == "1"


def test_prepublished_in_spanish_is_marked() -> None:
    assert parse(PREPUBLISHED_ES).metadata.get("status") == "prepublished"
    assert parse(COVER_FR).metadata.get("parent_edition") == "2016"


GUIDE_OF_A_SERIES = """\
INTERNATIONAL TELECOMMUNICATION UNION
ITU-T\tDIR
Implementers' Guide
TELECOMMUNICATION
STANDARDIZATION SECTOR
OF ITU\t(12 March 2010)
SERIES X: DATA NETWORKS, OPEN SYSTEM COMMUNICATIONS AND SECURITY
DIR Implementers' Guide – Version 2.0
DIR IMPLEMENTERS' GUIDE
1\tIntroduction
1.1\tBackground
This Guide records the defects reported on the directory Recommendations and their resolutions.
2\tDefect reports
Defect reports are listed in Annex A.
Annex A
Defect reports
A.1\tDefect 1
Annex A - Incorrect module notation in clause 7
The module is corrected as follows.
Annex C - The second arc is wrong. Arc 3 is already taken.
The arc is corrected.
Annex B
Form
B.1\tThe form
"""


def test_implementers_guide_of_a_series_is_a_work_of_its_own() -> None:
    """A guide named on its cover (`ITU-T<tab>DIR`, `Implementers' Guide`, `SERIES X`), as
    ITU's X.ImpOSI: `itu-t-imp-x.dir`, no parent; the defects citing `Annex A` or reading as
    sentences inside an annex are its content, not annexes."""
    doc = parse(GUIDE_OF_A_SERIES)
    assert (doc.id, doc.kind, doc.number, doc.parent) == (
        "itu-t-imp-x.dir",
        "implementers-guide",
        "X.ImpDIR",
        "",
    )
    assert (doc.title, doc.approved, doc.metadata.get("version")) == (
        "DIR Implementers' Guide",
        "2010-03-12",
        "2.0",
    )
    assert [(p.label, p.heading) for p in doc.parts] == [
        ("1", "Introduction"),
        ("2", "Defect reports"),
    ]
    assert [(a.label, a.title) for a in doc.annexes] == [("A", "Defect reports"), ("B", "Form")]


def test_a_heading_styled_as_a_contents_entry_is_a_clause() -> None:
    """Word's `toc1` style on `1<tab>Introduction` (no page number) followed by clause 1.1:
    the clause; a real contents entry (`1<tab>Scope<tab>1`) stays text."""
    text = (
        "Recommendation ITU-T E.1\nA title\n1\tScope\t1\n1\tIntroduction\n1.1\tBackground\nText.\n"
    )
    styles = ("recno", "rectitle", "toc1", "toc1", "heading2", "normal")
    doc = parse_document(text, source="own-test-text", styles=styles)
    assert [(p.label, p.heading, [c.label for c in p.children]) for p in doc.parts] == [
        ("1", "Introduction", ["1.1"])
    ]
