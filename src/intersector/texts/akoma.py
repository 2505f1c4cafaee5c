"""Documents as Akoma Ntoso 3.0 XML, and back.

`to_akoma(doc)` writes a document valid against the official (strict) Akoma Ntoso 3.0 schema:

- resolutions, decisions and opinions as `<statement name="resolution">`, other kinds as
  `<doc name="recommendation">` and so on (both have the same open structure);
- `<meta>`: FRBR identity (work, expression with its language, manifestation) under the
  `/akn/un/…` naming convention (ITU is a UN specialized agency), the issuing body as a
  `TLCOrganization`, every reference as a `TLCReference` (`href` an `/akn/…` work URI,
  `showAs` the text as written), and in `<proprietary>` (our own namespace, `ITX_NS`) what
  Akoma Ntoso has no place for: identity as ids, revision and history, footnote list, actions,
  metadata, boilerplate, warnings, source;
- the foreword in `<coverPage>`, number and title in `<preface>`;
- preamble sections as `<recitals>` of `<recital>`s (nested items as `<blockList>`), operative
  sections as `<hcontainer name="resolves">` of `<paragraph>`s (nested items as `<point>`s), the
  numbered tree of `parts` as `<level>`s, annexes as `<attachment>`s holding a `<doc>`;
- footnotes as `<authorialNote marker="1">` right after the words they annotate.

Sections carry their language-independent function and addressees as attributes of our
namespace, which the schema allows on every element (`anyAttribute ##other`).

Promise: `from_akoma(to_akoma(doc)) == doc` for every document whose strings are XML 1.0
characters; `to_akoma` raises `InputError` otherwise, and `from_akoma` raises `InputError` for
XML that is not such a document.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from typing import Any

from lxml import etree

from intersector.domain.documents import (
    Action,
    Annex,
    Clause,
    Document,
    Edition,
    Event,
    Footnote,
    Metadata,
    Part,
    Reference,
    Section,
    Table,
)
from intersector.domain.errors import InputError
from intersector.domain.ids import make_id

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
ITX_NS = "urn:intersector:akn:1"
NSMAP = {None: AKN_NS, "itx": ITX_NS}
COUNTRY = "un"
SOURCE = "#intersector"
INTRO = "intro"  # the metadata item holding the enacting formula
STATEMENT_KINDS = frozenset({"resolution", "decision", "opinion"})
LANGUAGES = {"en": "eng", "fr": "fra", "es": "spa", "ar": "ara", "zh": "zho", "ru": "rus"}
_MIXED = frozenset(
    {"p", "heading", "num", "docNumber", "docTitle", "docType", "authorialNote", "ref"}
)
Link = tuple[str, str, str]  # a reference's text as written, its href, the TLCReferences it names

Element = Any  # lxml's _Element: its stubs are not installed, so typed loosely here


def _a(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def _x(name: str) -> str:
    return f"{{{ITX_NS}}}{name}"


# --- writing ------------------------------------------------------------------------------------


def to_akoma(doc: Document) -> bytes:
    """The document as Akoma Ntoso 3.0 XML (UTF-8, indented where whitespace is not content)."""
    try:
        root = etree.Element(_a("akomaNtoso"), nsmap=NSMAP)
        root.append(_document_element(doc))
    except ValueError as error:  # lxml refuses strings that are not XML 1.0 characters
        raise InputError(
            f"cannot be written as XML ({error}): remove control characters from the text",
            source=doc.source,
        ) from None
    etree.cleanup_namespaces(root, top_nsmap=NSMAP)
    _indent(root, 0)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def _document_element(doc: Document) -> Element:
    kind = doc.kind
    element = etree.Element(_a("statement" if kind in STATEMENT_KINDS else "doc"), name=kind)
    element.append(_meta(doc))
    if doc.foreword:
        element.append(_cover_page(doc.foreword))
    element.append(_preface(doc))
    if doc.preamble or doc.metadata.get(INTRO):
        element.append(_preamble(doc))
    element.append(_main_body(doc))
    if doc.annexes:
        element.append(_attachments(doc))
    return element


def _sub(parent: Element, tag_: str, text: str | None = None, **attrs: str) -> Element:
    child = etree.SubElement(parent, _a(tag_), **attrs)
    if text is not None:
        child.text = text
    return child


def _xsub(parent: Element, tag_: str, text: str | None = None, **attrs: str) -> Element:
    child = etree.SubElement(parent, _x(tag_), **attrs)
    if text is not None:
        child.text = text
    return child


# meta


def _meta(doc: Document, component: str = "") -> Element:
    meta = etree.Element(_a("meta"))
    meta.append(_identification(doc, component))
    if not component:
        meta.append(_references(doc))
        proprietary = _sub(meta, "proprietary", source=SOURCE)
        proprietary.append(_proprietary(doc))
    return meta


def _first_year(doc: Document) -> int | None:
    """The year the work was first adopted: the earliest of its history (or its revision)."""
    years = [e.year for e in doc.history] or ([doc.revision.year] if doc.revision else [])
    return min(years) if years else None


def _work_uri(doc: Document) -> str:
    doctype = "statement" if doc.kind in STATEMENT_KINDS else "doc"
    first = _first_year(doc)
    date = str(first) if first is not None else "undated"
    kind = make_id(doc.kind) or "text"
    return f"/akn/{COUNTRY}/{doctype}/{kind}/{_author(doc.body)}/{date}/{_number(doc)}"


def _author(body: str) -> str:
    """The issuing body in a URI: `itu-wtsa`, `itu-r` (not `itu-itu-r`)."""
    body_id = make_id(body)
    return body_id if body_id.startswith("itu") else make_id("itu", body_id)


def _number(doc: Document) -> str:
    return make_id(doc.number) or "unnumbered"


def _date(year: int | None) -> str:
    return f"{year:04d}-01-01" if year is not None and 1 <= year <= 9999 else "0001-01-01"


def _identification(doc: Document, component: str) -> Element:
    work = _work_uri(doc)
    language = LANGUAGES.get(doc.language, doc.language or "und")
    year = doc.revision.year if doc.revision else (doc.history[-1].year if doc.history else None)
    expression = f"{work}/{language}@{year if year is not None else ''}"
    main = f"!{component or 'main'}"
    author = f"#{_org_id(doc.body)}"
    identification = etree.Element(_a("identification"), source=SOURCE)
    frbr = _sub(identification, "FRBRWork")
    _frbr_core(frbr, f"{work}/{main}", work, (_date(_first_year(doc)), "adoption"), author)
    _sub(frbr, "FRBRcountry", value=COUNTRY)
    _sub(frbr, "FRBRsubtype", value=doc.kind or "text")
    _sub(frbr, "FRBRnumber", value=doc.number or "unnumbered")
    frbr = _sub(identification, "FRBRExpression")
    _frbr_core(frbr, f"{expression}/{main}", expression, (_date(year), "revision"), author)
    _sub(frbr, "FRBRlanguage", language=language)
    frbr = _sub(identification, "FRBRManifestation")
    dated = (_date(year), "revision")
    _frbr_core(frbr, f"{expression}/{main}.xml", f"{expression}.akn", dated, SOURCE)
    return identification


def _frbr_core(frbr: Element, this: str, uri: str, date: tuple[str, str], author: str) -> None:
    _sub(frbr, "FRBRthis", value=this)
    _sub(frbr, "FRBRuri", value=uri)
    _sub(frbr, "FRBRdate", date=date[0], name=date[1])
    _sub(frbr, "FRBRauthor", href=author)


def _org_id(body: str) -> str:
    return f"org_{make_id(body) or 'unknown'}"


def _references(doc: Document) -> Element:
    references = etree.Element(_a("references"), source=SOURCE)
    _sub(
        references,
        "TLCOrganization",
        eId="intersector",
        href="/ontology/organization/intersector",
        showAs="intersector",
    )
    _sub(
        references,
        "TLCOrganization",
        eId=_org_id(doc.body),
        href=f"/ontology/organization/itu/{make_id(doc.body) or 'unknown'}",
        showAs=doc.body.upper() or "unknown",
    )
    for index, ref in enumerate(doc.references, 1):
        references.append(_tlc_reference(ref, index))
    return references


def _tlc_reference(ref: Reference, index: int) -> Element:
    element = etree.Element(
        _a("TLCReference"),
        eId=f"ref_{index}",
        name=ref.kind,
        href=_reference_href(ref),
        showAs=ref.text,
    )
    element.set(_x("id"), ref.id)
    element.set(_x("body"), ref.body)
    element.set(_x("number"), ref.number)
    if ref.revision:
        _set_event(element, ref.revision, "revision-")
    return element


def _reference_href(ref: Reference) -> str:
    """The `/akn/…` work URI of a cited text (without its date, which citations seldom give)."""
    doctype = "statement" if ref.kind in STATEMENT_KINDS else "doc"
    kind = make_id(ref.kind) or "text"
    number = make_id(ref.number) or "unnumbered"
    return f"/akn/{COUNTRY}/{doctype}/{kind}/{_author(ref.body)}/{number}"


def _set_event(element: Element, event: Event, prefix: str = "") -> None:
    element.set(_x(f"{prefix}place"), event.place)
    element.set(_x(f"{prefix}year"), str(event.year))
    element.set(_x(f"{prefix}place-as-written"), event.place_as_written)


def _proprietary(doc: Document) -> Element:
    """Our own record of what Akoma Ntoso has no place for, read back by `from_akoma`."""
    document = etree.Element(
        _x("document"),
        id=doc.id,
        kind=doc.kind,
        body=doc.body,
        number=doc.number,
        language=doc.language,
        source=doc.source,
    )
    for name in ("parent", "approved", "summary", "cover"):
        if value := getattr(doc, name):
            _xsub(document, name, value)
    for keyword in doc.keywords:
        _xsub(document, "keyword", keyword)
    for e in doc.editions:
        _xsub(document, "edition", None, edition=e.edition, designation=e.designation,
              approved=e.approved, study_group=e.study_group, unique_id=e.unique_id)  # fmt: skip
    for table in doc.tables:
        element = _xsub(document, "table", None, caption=table.caption, after=table.after)
        for row in table.rows:
            row_element = _xsub(element, "row")
            for cell in row:
                _xsub(row_element, "cell", cell)
    if doc.revision:
        _set_plain_event(_xsub(document, "revision"), doc.revision)
    for event in doc.history:
        _set_plain_event(_xsub(document, "event"), event)
    for note in doc.footnotes:
        _xsub(document, "footnote", note.text, label=note.label, anchor=note.anchor)
    for action in doc.actions:
        document.append(_action(action))
    for name, value in doc.metadata.items:
        _xsub(document, "meta", value, name=name)
    for text in doc.boilerplate:
        _xsub(document, "boilerplate", text)
    for text in doc.warnings:
        _xsub(document, "warning", text)
    return document


def _set_plain_event(element: Element, event: Event) -> None:
    element.set("place", event.place)
    element.set("year", str(event.year))
    element.set("place-as-written", event.place_as_written)


def _action(action: Action) -> Element:
    element = etree.Element(_x("action"), clause=action.clause, verb=action.verb)
    for addressee in action.addressees:
        _xsub(element, "addressee", addressee)
    _xsub(element, "text", action.text)
    return element


# cover page, preface, preamble


def _cover_page(foreword: str) -> Element:
    cover = etree.Element(_a("coverPage"))
    container = _sub(cover, "container", name="foreword", eId="cover__foreword")
    for line in foreword.split("\n"):
        _sub(container, "p", line)
    return cover


def _preface(doc: Document) -> Element:
    preface = etree.Element(_a("preface"))
    number = _sub(preface, "p", **{"class": "number"})
    _sub(number, "docType", doc.kind.capitalize() or "Text").tail = " "
    _sub(number, "docNumber", doc.number)
    if doc.title:
        title = _sub(_sub(preface, "longTitle", eId="longTitle"), "p")
        _sub(title, "docTitle", doc.title)
    return preface


def _preamble(doc: Document) -> Element:
    """The enacting formula (`The World Telecommunication Standardization Assembly (Dubai,
    2012),`, kept in the metadata as `intro`), then one `recitals` per preamble section."""
    preamble = etree.Element(_a("preamble"))
    if doc.metadata.get(INTRO):
        formula = _sub(preamble, "formula", name="enactingFormula", eId="preamble__formula_1")
        _sub(formula, "p", doc.metadata.get(INTRO))
    for index, section in enumerate(doc.preamble, 1):
        preamble.append(_recitals(section, f"preamble__recitals_{index}", doc))
    return preamble


def _set_section(element: Element, section: Section) -> None:
    element.set(_x("function"), section.function)
    element.set(_x("addressee"), section.addressee)
    element.set(_x("addressees"), json.dumps(list(section.addressees), ensure_ascii=False))


def _recitals(section: Section, eid: str, doc: Document) -> Element:
    """A preamble section; one without clauses is a `<container>` (recitals need a recital)."""
    if not section.clauses:
        element = etree.Element(_a("container"), name="section", eId=eid)
        _sub(element, "p", section.heading, **{"class": "heading"})
    else:
        element = etree.Element(_a("recitals"), eId=eid)
        _sub(element, "heading", section.heading)
        for index, clause in enumerate(section.clauses, 1):
            element.append(_item(clause, "recital", f"{eid}__recital_{index}", doc))
    _set_section(element, section)
    return element


def _item(clause: Clause, tag: str, eid: str, doc: Document) -> Element:
    """A clause as a block item (`recital`, `item`): num, one p, nested items in a blockList."""
    element = etree.Element(_a(tag), eId=eid)
    if clause.label:
        _sub(element, "num", clause.label)
    element.append(_paragraph_p(clause, eid, doc))
    if clause.children:
        items = _sub(element, "blockList", eId=f"{eid}__list_1")
        for index, child in enumerate(clause.children, 1):
            items.append(_item(child, "item", f"{eid}__list_1__item_{index}", doc))
    return element


def _paragraph_p(clause: Clause, eid: str, doc: Document) -> Element:
    """The clause text in a `<p>`: each footnote an `<authorialNote>` after its anchor words,
    each reference found in the text a `<ref>` (see `_inline_p`)."""
    cuts: list[tuple[int, Element]] = []
    text, position = clause.text, 0
    for index, label in enumerate(clause.footnotes, 1):
        note = _footnote(doc, label)
        found = text.find(note.anchor, position) if note.anchor else -1
        position = found + len(note.anchor) if found >= 0 else len(text)
        cuts.append((position, _authorial_note(note, f"{eid}__authorialNote_{index}")))
    return _inline_p(text, cuts, _links(doc))


def _links(doc: Document) -> list[Link]:
    """(text as written, href, refersTo) per distinct reference text, longest text first; a
    text citing several works (`Resolutions ITU-R 47-2, 50-2 and 56-1`) refers to them all."""
    return list(_links_of(doc.references))


@functools.lru_cache(maxsize=16)
def _links_of(references: tuple[Reference, ...]) -> tuple[Link, ...]:
    """`_links`, computed once per document rather than once per clause."""
    by_text: dict[str, list[int]] = {}
    for index, ref in enumerate(references, 1):
        if ref.text.strip():
            by_text.setdefault(ref.text, []).append(index)
    links = [
        (
            text,
            _reference_href(references[indexes[0] - 1]),
            " ".join(f"#ref_{i}" for i in indexes),
        )
        for text, indexes in by_text.items()
    ]
    return tuple(sorted(links, key=lambda link: -len(link[0])))


def _spans(text: str, links: list[Link], cuts: list[int]) -> list[tuple[int, int, str, str]]:
    """Where the reference texts occur: non-overlapping, never around a footnote."""
    spans: list[tuple[int, int, str, str]] = []
    for needle, href, refers in links:
        start = text.find(needle)
        while start >= 0:
            end = start + len(needle)
            free = all(end <= s or start >= e for s, e, _, _ in spans)
            if free and not any(start < c < end for c in cuts):
                spans.append((start, end, href, refers))
            start = text.find(needle, end)
    return sorted(spans)


def _inline_p(text: str, cuts: list[tuple[int, Element]], links: list[Link]) -> Element:
    """A `<p>` of `text` with the notes inserted at their positions and the references wrapped
    in `<ref href="/akn/…">`; its text without the notes is `text` again."""
    p = etree.Element(_a("p"))
    spans = _spans(text, links, [c for c, _ in cuts])
    events = sorted(
        [(c, 0, i) for i, (c, _) in enumerate(cuts)] + [(s[0], 1, i) for i, s in enumerate(spans)]
    )
    position = 0
    for at, kind, index in events:
        _append_text(p, text[position:at])
        if kind == 0:
            p.append(cuts[index][1])
            position = at
        else:
            start, end, href, refers = spans[index]
            _sub(p, "ref", text[start:end], href=href, refersTo=refers)
            position = end
    _append_text(p, text[position:])
    return p


def _footnote(doc: Document, label: str) -> Footnote:
    return next((f for f in doc.footnotes if f.label == label), Footnote(label, ""))


def _append_text(element: Element, text: str) -> None:
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def _authorial_note(note: Footnote, eid: str) -> Element:
    element = etree.Element(_a("authorialNote"), marker=note.label, placement="bottom", eId=eid)
    element.set(_x("anchor"), note.anchor)
    _sub(element, "p", note.text)
    return element


# main body


def _main_body(doc: Document) -> Element:
    body = etree.Element(_a("mainBody"))
    for index, section in enumerate(doc.operative, 1):
        body.append(_hcontainer(section, f"hcontainer_{index}", doc))
    for index, part in enumerate(doc.parts, 1):
        body.append(_level(part, f"level_{index}", _links(doc)))
    if not len(body):
        _sub(body, "p")  # mainBody must hold something
    return body


def _hcontainer(section: Section, eid: str, doc: Document) -> Element:
    element = etree.Element(_a("hcontainer"), name=section.function or "section", eId=eid)
    _sub(element, "heading", section.heading)
    for index, clause in enumerate(section.clauses, 1):
        element.append(_hier(clause, "paragraph", f"{eid}__para_{index}", doc))
    _set_section(element, section)
    return element


def _hier(clause: Clause, tag: str, eid: str, doc: Document) -> Element:
    """A clause as a hierarchical element: num, then content, or intro and nested points."""
    element = etree.Element(_a(tag), eId=eid)
    if clause.label:
        _sub(element, "num", clause.label)
    holder = _sub(element, "intro" if clause.children else "content")
    holder.append(_paragraph_p(clause, eid, doc))
    for index, child in enumerate(clause.children, 1):
        element.append(_hier(child, "point", f"{eid}__point_{index}", doc))
    return element


def _level(part: Part, eid: str, links: list[Link]) -> Element:
    element = etree.Element(_a("level"), eId=eid)
    if part.label:
        _sub(element, "num", part.label)
    if part.heading:
        _sub(element, "heading", part.heading)
    holder = _sub(element, "intro" if part.children else "content")
    for line in part.text.split("\n"):  # one p per line of the text
        holder.append(_inline_p(line, [], links))
    for index, child in enumerate(part.children, 1):
        element.append(_level(child, f"{eid}__level_{index}", links))
    return element


# attachments


def _attachments(doc: Document) -> Element:
    attachments = etree.Element(_a("attachments"))
    for index, annex in enumerate(doc.annexes, 1):
        attachment = _sub(attachments, "attachment", eId=f"att_{index}")
        attachment.append(_annex_doc(annex, doc, f"att_{index}"))
    return attachments


def _annex_doc(annex: Annex, doc: Document, eid: str) -> Element:
    element = etree.Element(_a("doc"), name=annex.kind)
    element.append(_meta(doc, component=eid))
    preface = _sub(element, "preface")
    _sub(_sub(preface, "p", **{"class": "label"}), "docNumber", annex.label)
    if annex.title:
        _sub(_sub(preface, "p", **{"class": "title"}), "docTitle", annex.title)
    body = _sub(element, "mainBody")
    for index, part in enumerate(annex.parts, 1):
        body.append(_level(part, f"{eid}__level_{index}", _links(doc)))
    if not annex.parts:
        _sub(body, "p")
    return element


def _indent(element: Element, level: int) -> None:
    """Indent element-only content; mixed content (p, heading, num, …) is left as it is."""
    if not len(element) or element.tag.rpartition("}")[2] in _MIXED:
        return
    if element.text is None or not element.text.strip():
        element.text = "\n" + "  " * (level + 1)
    for child in element:
        _indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    element[-1].tail = "\n" + "  " * level


# --- reading ------------------------------------------------------------------------------------


def from_akoma(xml: bytes, *, source: str = "") -> Document:
    """Read back a document written by `to_akoma`. `source` names the XML in errors."""
    root = _parse(xml, source)
    main = _first(root, source, "statement", "doc")
    record = main.find(f"{_a('meta')}/{_a('proprietary')}/{_x('document')}")
    if record is None:
        raise InputError(
            "no intersector record in <meta><proprietary>: only XML written by intersector "
            "(`parse --format akn`) can be read back",
            source=source,
        )
    try:
        return _document(main, record)
    except InputError as error:
        error.source = error.source or source
        raise
    except (AttributeError, TypeError, ValueError) as error:  # a part missing or malformed
        raise InputError(
            f"not an Akoma Ntoso document as intersector writes it ({error})", source=source
        ) from None


def _parse(xml: bytes, source: str) -> Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(
            f"not well-formed XML ({error.msg}): give Akoma Ntoso XML",
            source=source,
            line=error.lineno,
        ) from None
    if root.tag != _a("akomaNtoso"):
        raise InputError(
            f"the root element is <{etree.QName(root).localname}>, not Akoma Ntoso 3.0's "
            "<akomaNtoso>",
            source=source,
            line=root.sourceline,
        )
    return root


def _first(root: Element, source: str, *tags: str) -> Element:
    for child in root:
        if child.tag in {_a(t) for t in tags}:
            return child
    raise InputError(f"no <{'> or <'.join(tags)}> under <akomaNtoso>", source=source)


def _document(main: Element, record: Element) -> Document:
    footnotes = tuple(
        Footnote(_need(n, "label"), n.text or "", _need(n, "anchor"))
        for n in record.iterchildren(_x("footnote"))
    )
    revision = record.find(_x("revision"))
    return Document(
        id=_need(record, "id"),
        kind=_need(record, "kind"),
        body=_need(record, "body"),
        number=_need(record, "number"),
        language=_need(record, "language"),
        title=_text_of(main.find(f"{_a('preface')}/{_a('longTitle')}//{_a('docTitle')}")),
        parent=_record_text(record, "parent"),
        approved=_record_text(record, "approved"),
        summary=_record_text(record, "summary"),
        keywords=_texts(record.iterchildren(_x("keyword"))),
        editions=tuple(_read_edition(e) for e in record.iterchildren(_x("edition"))),
        cover=_record_text(record, "cover"),
        tables=tuple(_read_table(t) for t in record.iterchildren(_x("table"))),
        revision=_plain_event(revision) if revision is not None else None,
        history=tuple(_plain_event(e) for e in record.iterchildren(_x("event"))),
        foreword=_foreword(main),
        preamble=_read_preamble(main),
        operative=_read_operative(main),
        parts=_read_levels(main.find(_a("mainBody"))),
        annexes=_read_annexes(main),
        footnotes=footnotes,
        references=_read_references(main),
        actions=tuple(_read_action(a) for a in record.iterchildren(_x("action"))),
        metadata=Metadata(
            tuple((_need(m, "name"), m.text or "") for m in record.iterchildren(_x("meta")))
        ),
        boilerplate=_texts(record.iterchildren(_x("boilerplate"))),
        warnings=_texts(record.iterchildren(_x("warning"))),
        source=_need(record, "source"),
    )


def _record_text(record: Element, name: str) -> str:
    element = record.find(_x(name))
    return (element.text or "") if element is not None else ""


def _read_edition(element: Element) -> Edition:
    return Edition(*(element.get(k, "") for k in _EDITION_KEYS))


_EDITION_KEYS = ("edition", "designation", "approved", "study_group", "unique_id")


def _read_table(element: Element) -> Table:
    rows = tuple(_texts(row.iterchildren(_x("cell"))) for row in element.iterchildren(_x("row")))
    return Table(rows, element.get("caption", ""), element.get("after", ""))


def _texts(elements: Iterable[Element]) -> tuple[str, ...]:
    return tuple(e.text or "" for e in elements)


def _text_of(element: Element | None) -> str:
    return _inline_text(element) if element is not None else ""


def _inline_text(element: Element) -> str:
    """The text of mixed content, leaving out the notes (`authorialNote`) inside it."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag != _a("authorialNote"):
            pieces.append(_inline_text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _plain_event(element: Element) -> Event:
    return Event(_need(element, "place"), _int(element, "year"), _need(element, "place-as-written"))


def _foreword(main: Element) -> str:
    container = main.find(f"{_a('coverPage')}/{_a('container')}")
    if container is None:
        return ""
    return "\n".join(_inline_text(p) for p in container.iterchildren(_a("p")))


def _read_preamble(main: Element) -> tuple[Section, ...]:
    preamble = main.find(_a("preamble"))
    if preamble is None:
        return ()
    return tuple(
        _read_section(e, "recital") for e in preamble.iterchildren(_a("recitals"), _a("container"))
    )


def _read_operative(main: Element) -> tuple[Section, ...]:
    body = main.find(_a("mainBody"))
    return tuple(_read_section(e, "paragraph") for e in body.iterchildren(_a("hcontainer")))


def _read_section(element: Element, clause_tag: str) -> Section:
    heading = element.find(_a("heading"))
    if heading is None:  # a section without clauses, written as a container
        heading = element.find(_a("p"))
    clauses = tuple(_read_clause(c) for c in element.iterchildren(_a(clause_tag)))
    return Section(
        heading=_text_of(heading),
        function=element.get(_x("function"), ""),
        clauses=clauses,
        addressee=element.get(_x("addressee"), ""),
        addressees=tuple(json.loads(element.get(_x("addressees"), "[]"))),
    )


def _read_clause(element: Element) -> Clause:
    """A clause from a block item (recital, item) or a hierarchical one (paragraph, point)."""
    p = element.find(_a("p"))
    if p is None:  # hierarchical: the p is in content (no children) or intro
        p = element.find(f"{_a('content')}/{_a('p')}")
    if p is None:
        p = element.find(f"{_a('intro')}/{_a('p')}")
    children: Iterator[Element]
    block_list = element.find(_a("blockList"))
    if block_list is not None:
        children = block_list.iterchildren(_a("item"))
    else:
        children = element.iterchildren(_a("point"))
    return Clause(
        label=_text_of(element.find(_a("num"))),
        text=_inline_text(p),
        footnotes=tuple(_need(n, "marker") for n in p.iterchildren(_a("authorialNote"))),
        children=tuple(_read_clause(c) for c in children),
    )


def _read_levels(parent: Element) -> tuple[Part, ...]:
    return tuple(_read_part(e) for e in parent.iterchildren(_a("level")))


def _read_part(element: Element) -> Part:
    holder = element.find(_a("content"))
    if holder is None:
        holder = element.find(_a("intro"))
    return Part(
        label=_text_of(element.find(_a("num"))),
        heading=_text_of(element.find(_a("heading"))),
        text="\n".join(_inline_text(p) for p in holder.iterchildren(_a("p"))),
        children=_read_levels(element),
    )


def _read_annexes(main: Element) -> tuple[Annex, ...]:
    attachments = main.find(_a("attachments"))
    if attachments is None:
        return ()
    return tuple(_read_annex(a.find(_a("doc"))) for a in attachments)


def _read_annex(doc: Element) -> Annex:
    preface = doc.find(_a("preface"))
    return Annex(
        kind=_need(doc, "name"),
        label=_text_of(preface.find(f".//{_a('docNumber')}")),
        title=_text_of(preface.find(f".//{_a('docTitle')}")),
        parts=_read_levels(doc.find(_a("mainBody"))),
    )


def _read_references(main: Element) -> tuple[Reference, ...]:
    references = main.find(f"{_a('meta')}/{_a('references')}")
    if references is None:
        return ()
    return tuple(_read_reference(r) for r in references.iterchildren(_a("TLCReference")))


def _read_reference(element: Element) -> Reference:
    revision = None
    if element.get(_x("revision-year")) is not None:
        revision = Event(
            _need(element, _x("revision-place")),
            _int(element, _x("revision-year")),
            _need(element, _x("revision-place-as-written")),
        )
    return Reference(
        id=_need(element, _x("id")),
        kind=_need(element, "name"),
        body=_need(element, _x("body")),
        number=_need(element, _x("number")),
        text=_need(element, "showAs"),
        revision=revision,
    )


def _read_action(element: Element) -> Action:
    return Action(
        clause=_need(element, "clause"),
        verb=_need(element, "verb"),
        addressees=_texts(element.iterchildren(_x("addressee"))),
        text=element.findtext(_x("text")) or "",
    )


def _need(element: Element, name: str) -> str:
    """A required attribute, or an `InputError` naming the element and its line."""
    value = element.get(name)
    if value is None:
        tag = etree.QName(element).localname
        raise InputError(
            f"<{tag}> has no {etree.QName(name).localname!r} attribute",
            line=element.sourceline,
            field=etree.QName(name).localname,
        )
    return str(value)


def _int(element: Element, name: str) -> int:
    value = _need(element, name)
    try:
        return int(value)
    except ValueError:
        raise InputError(
            f"{etree.QName(name).localname}={value!r} is no whole number",
            line=element.sourceline,
            field=etree.QName(name).localname,
        ) from None
