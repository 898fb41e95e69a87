"""Cross-document event merging: same event merges, different events stay apart."""

from rasd.model import Argument, Document, EventMention, Mention, Span
from rasd.resolve.edtf import date_overlaps, more_precise
from rasd.resolve.events import resolve_events

NAMES = {"روسيا": "russia", "مالي": "mali", "النيجر": "niger", "بوركينا فاسو": "burkina",
         "الفيلق الأفريقي": "corps", "فرنسا": "france"}


def _doc(doc_id: str, sentences: list[tuple[str, str, list[tuple[str, str]], str | None]],
         outlet: str | None = None, duplicate_of: str | None = None) -> Document:
    """A document whose sentences each carry one event: (sentence, type, [(role, name)], date)."""
    body, mentions, events = "", [], []
    for text, etype, args, date in sentences:
        start = len(body)
        body += text + "\n"
        arguments = []
        for role, name in args:
            at = body.index(name, start)
            mentions.append(Mention(at, at + len(name), name, "GPE", name, entity=NAMES[name]))
            arguments.append(Argument(role, name, at, at + len(name), mention=len(mentions) - 1))
        events.append(EventMention(etype, Span(start, start + 3), Span(start, start + len(text)),
                                   arguments, date=date))
    return Document(id=doc_id, path=doc_id, body=body, outlet=outlet, mentions=mentions,
                    events=events, duplicate_of=duplicate_of)


def test_same_transfer_reported_by_two_outlets_is_one_event_with_two_evidences():
    a = _doc("a", [("سلمت روسيا شحنة أسلحة إلى مالي", "ARMS_TRANSFER",
                    [("supplier", "روسيا"), ("recipient", "مالي")], "2024-03")], outlet="موقع أ")
    b = _doc("b", [("تسلمت مالي من روسيا شحنة جديدة", "ARMS_TRANSFER",
                    [("recipient", "مالي"), ("supplier", "روسيا")], "2024-03-31")], outlet="موقع ب")
    events = resolve_events([a, b], [])
    assert len(events) == 1
    ev = events[0]
    assert {x.doc for x in ev.evidence} == {"a", "b"}
    assert ev.corroboration == 2
    assert ev.date == "2024-03-31"


def test_copies_and_same_outlet_do_not_add_corroboration():
    text = ("سلمت روسيا شحنة أسلحة إلى مالي", "ARMS_TRANSFER",
            [("supplier", "روسيا"), ("recipient", "مالي")], None)
    a = _doc("a", [text], outlet="موقع أ")
    b = _doc("b", [text], outlet="موقع ب", duplicate_of="a")
    c = _doc("c", [text], outlet="موقع أ")
    (ev,) = resolve_events([a, b, c], [])
    assert len(ev.evidence) == 3
    assert ev.corroboration == 1


def test_different_hosts_or_dates_stay_apart():
    d = _doc("a", [
        ("انتشر الفيلق الأفريقي في بوركينا فاسو", "DEPLOYMENT",
         [("force", "الفيلق الأفريقي"), ("host", "بوركينا فاسو")], "2024-01"),
        ("انتشر الفيلق الأفريقي في النيجر", "DEPLOYMENT",
         [("force", "الفيلق الأفريقي"), ("host", "النيجر")], "2024-04"),
    ])
    other = _doc("b", [("سلمت روسيا شحنة أسلحة إلى مالي", "ARMS_TRANSFER",
                        [("supplier", "روسيا"), ("recipient", "مالي")], "2022")])
    later = _doc("c", [("سلمت روسيا شحنة أسلحة إلى مالي", "ARMS_TRANSFER",
                        [("supplier", "روسيا"), ("recipient", "مالي")], "2024")])
    events = resolve_events([d, other, later], [])
    assert len(events) == 4


def test_different_types_never_merge():
    meeting = [("participant", "روسيا"), ("participant", "مالي")]
    d = _doc("a", [("التقى مسؤولو روسيا ومالي", "MEETING", meeting, None)])
    e = _doc("b", [("وقعت روسيا ومالي اتفاقا", "AGREEMENT", [("party", "روسيا"), ("party", "مالي")], None)])
    assert len(resolve_events([d, e], [])) == 2


def test_edtf_helpers():
    assert date_overlaps("2023-10/2023-12", "2023-11")
    assert not date_overlaps("2022", "2023")
    assert date_overlaps("XXXX-01-17", "2024-01-17")
    assert more_precise("2024", "2024-07-04") == "2024-07-04"
    assert more_precise("XXXX-03-31", "2024-03") == "2024-03"


def _entity(eid: str, etype: str, name: str):
    from rasd.model import Entity

    return Entity(id=eid, type=etype, name=name)


def _doc_ids(doc_id: str, text: str, etype: str, args: list[tuple[str, str, str]],
             date: str | None) -> Document:
    """One sentence with one event whose arguments are (role, surface, KB entity id)."""
    mentions, arguments = [], []
    for role, surface, eid in args:
        at = text.index(surface)
        mentions.append(Mention(at, at + len(surface), surface, "GPE", surface, entity=eid))
        arguments.append(Argument(role, surface, at, at + len(surface), mention=len(mentions) - 1))
    event = EventMention(etype, Span(0, 3), Span(0, len(text)), arguments, date=date)
    return Document(id=doc_id, path=doc_id, body=text, mentions=mentions, events=[event])


def test_a_named_force_and_its_country_adjective_merge():
    # a gazetteer force that belongs to France, and a pattern force named with the French nisba
    entities = [_entity("force:barkhane", "FORCE", "برخان"), _entity("force:x", "FORCE", "القوة الفرنسية"),
                _entity("gpe:mali", "GPE", "مالي")]
    a = _doc_ids("a", "غادرت قوة برخان مالي", "WITHDRAWAL",
                 [("force", "برخان", "force:barkhane"), ("host", "مالي", "gpe:mali")], "2022")
    b = _doc_ids("b", "رحلت القوة الفرنسية عن مالي", "WITHDRAWAL",
                 [("force", "القوة الفرنسية", "force:x"), ("host", "مالي", "gpe:mali")], "2022-08")
    assert len(resolve_events([a, b], entities)) == 1


def test_capture_of_a_town_is_identified_by_the_town():
    entities = [_entity("gpe:kidal", "GPE", "كيدال"), _entity("force:army", "FORCE", "الجيش"),
                _entity("gpe:gao", "GPE", "غاو")]
    a = _doc_ids("a", "استعاد الجيش مدينة كيدال", "MILITARY_OPERATION",
                 [("agent", "الجيش", "force:army"), ("target", "كيدال", "gpe:kidal")], "2023-11")
    b = _doc_ids("b", "بعد استعادة كيدال", "MILITARY_OPERATION", [("target", "كيدال", "gpe:kidal")], None)
    c = _doc_ids("c", "بعد استعادة غاو", "MILITARY_OPERATION", [("target", "غاو", "gpe:gao")], None)
    events = resolve_events([a, b, c], entities)
    assert sorted(len(e.evidence) for e in events) == [1, 2]


def test_meetings_of_the_same_people_merge_only_when_both_dates_agree():
    entities = [_entity("per:a", "PERSON", "أ"), _entity("per:b", "PERSON", "ب")]
    args = [("participant", "سالم", "per:a"), ("participant", "كريم", "per:b")]
    undated = _doc_ids("a", "التقى سالم كريم", "MEETING", args, None)
    august = _doc_ids("b", "اتصل سالم بكريم", "MEETING", args, "2024-08")
    also_august = _doc_ids("c", "التقى سالم كريم", "MEETING", args, "2024-08-12")
    events = resolve_events([undated, august, also_august], entities)
    assert sorted(len(e.evidence) for e in events) == [1, 2]


def test_an_actor_named_only_by_text_counts_through_its_listed_name():
    entities = [_entity("org:un", "ORG", "الأمم المتحدة"), _entity("gpe:mali", "GPE", "مالي")]
    a = _doc_ids("a", "غادرت الأمم المتحدة مالي", "WITHDRAWAL",
                 [("force", "الأمم المتحدة", "org:un"), ("host", "مالي", "gpe:mali")], "2023")
    text = "انسحبت بعثة الأمم المتحدة من مالي"
    b = _doc_ids("b", text, "WITHDRAWAL", [("host", "مالي", "gpe:mali")], "2023-12")
    at = text.index("بعثة")
    b.events[0].arguments.append(Argument("force", "بعثة الأمم المتحدة", at, at + 18))
    assert len(resolve_events([a, b], entities)) == 1


def test_the_attacker_in_one_report_is_not_the_target_in_another():
    entities = [_entity("gpe:x", "GPE", "س"), _entity("gpe:y", "GPE", "ص")]
    a = _doc_ids("a", "هاجمت سين صاد", "MILITARY_OPERATION",
                 [("agent", "سين", "gpe:x"), ("target", "صاد", "gpe:y")], "2024-05")
    b = _doc_ids("b", "هاجمت صاد سين", "MILITARY_OPERATION",
                 [("agent", "صاد", "gpe:y"), ("target", "سين", "gpe:x")], "2024-05")
    assert len(resolve_events([a, b], entities)) == 2


def test_two_undated_reports_from_two_articles_need_two_shared_participants():
    entities = [_entity("gpe:x", "GPE", "س"), _entity("force:f", "FORCE", "القوات"),
                _entity("gpe:w", "GPE", "و"), _entity("org:p", "ORG", "ب")]
    a = _doc_ids("a", "هجمات نفذتها واو على القوات", "MILITARY_OPERATION",
                 [("agent", "واو", "gpe:w"), ("target", "القوات", "force:f")], None)
    b = _doc_ids("b", "قال باء إن هجمات استهدفت القوات", "MILITARY_OPERATION",
                 [("agent", "باء", "org:p"), ("target", "القوات", "force:f")], None)
    c = _doc_ids("c", "هجوم واو على القوات", "MILITARY_OPERATION",
                 [("agent", "واو", "gpe:w"), ("target", "القوات", "force:f")], None)
    events = resolve_events([a, b, c], entities)
    assert sorted(len(e.evidence) for e in events) == [1, 2]


def test_a_dated_report_vouches_for_undated_ones_that_agree_with_it():
    entities = [_entity("gpe:t", "GPE", "ت"), _entity("force:a", "FORCE", "الجيش"),
                _entity("force:r", "FORCE", "المتمردون")]
    full = _doc_ids("a", "استعاد الجيش بلدة تاء من المتمردين", "MILITARY_OPERATION",
                    [("agent", "الجيش", "force:a"), ("target", "تاء", "gpe:t"),
                     ("target", "المتمردين", "force:r")], "2023-11")
    undated = _doc_ids("b", "بعد هجوم الجيش على تاء", "MILITARY_OPERATION",
                       [("agent", "الجيش", "force:a"), ("target", "تاء", "gpe:t")], None)
    bare = _doc_ids("c", "منذ استعادة تاء", "MILITARY_OPERATION", [("target", "تاء", "gpe:t")], None)
    (event,) = resolve_events([full, undated, bare], entities)
    assert len(event.evidence) == 3
    # without the dated report the two undated ones stay apart (one shared entity only)
    assert len(resolve_events([undated, bare], entities)) == 2
