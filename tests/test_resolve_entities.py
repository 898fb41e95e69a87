"""Cross-document entity resolution on hand-built documents (sentences written for these tests)."""

from __future__ import annotations

from rasd.model import Document, Entity, Mention, Role
from rasd.resolve.entities import entity_id, resolve_entities
from rasd.resolve.romanize import romanize
from rasd.text.normalize import normalize_key


def doc_with(doc_id: str, names: list[tuple[str, str]], published: str | None = None,
             gaz: dict[str, str] | None = None) -> Document:
    """A document whose body lists the names; gaz maps a name to a gazetteer id."""
    body, mentions = "", []
    for name, etype in names:
        start = len(body) + 3
        body += "في " + name + " ثم "
        gaz_id = (gaz or {}).get(name)
        mentions.append(Mention(start, start + len(name), name, etype, normalize_key(name), gaz_id=gaz_id))
    return Document(id=doc_id, path=None, body=body, mentions=mentions, published=published)


def entity_of(entities: list[Entity], doc: Document, index: int) -> Entity:
    """The entity of mention `index` of `doc`."""
    eid = doc.mentions[index].entity
    return next(e for e in entities if e.id == eid)


def test_every_mention_gets_an_entity_and_offsets_stay_exact() -> None:
    doc = doc_with("a", [("هاشم بيلو", "PERSON"), ("بيلو", "PERSON"), ("باماكو", "GPE")])
    entities = resolve_entities([doc])
    assert all(m.entity for m in doc.mentions)
    assert all(doc.body[m.start:m.end] == m.text for m in doc.mentions)
    assert len(entities) == 2


def test_surname_links_to_the_full_name_in_its_document() -> None:
    doc = doc_with("a", [("هاشم بيلو", "PERSON"), ("بيلو", "PERSON")])
    entities = resolve_entities([doc])
    assert doc.mentions[0].entity == doc.mentions[1].entity
    bello = entity_of(entities, doc, 0)
    assert bello.name == "هاشم بيلو"
    assert set(bello.aliases) == {"هاشم بيلو", "بيلو"}
    assert bello.mentions == [("a", 0), ("a", 1)]


def test_transliteration_variants_merge_across_documents() -> None:
    a = doc_with("a", [("غيورغي بيلوف", "PERSON")])
    b = doc_with("b", [("جيورجي بيلوف", "PERSON"), ("بيلوف", "PERSON")])
    c = doc_with("c", [("بيلوف", "PERSON")])
    resolve_entities([a, b, c])
    assert len({a.mentions[0].entity, b.mentions[0].entity, b.mentions[1].entity, c.mentions[0].entity}) == 1


def test_same_first_name_different_people_do_not_merge() -> None:
    a = doc_with("a", [("عبد الله ورسمه", "PERSON"), ("عبد الله فارح", "PERSON")])
    b = doc_with("b", [("عبدالله ورسمه", "PERSON")])
    resolve_entities([a, b])
    assert a.mentions[0].entity != a.mentions[1].entity
    assert a.mentions[0].entity == b.mentions[0].entity


def test_close_surnames_with_a_long_vowel_stay_apart() -> None:
    a = doc_with("a", [("أحمد عيسى فارح", "PERSON"), ("عبد الله فرح", "PERSON")])
    b = doc_with("b", [("فرح", "PERSON")])
    resolve_entities([a, b])
    assert a.mentions[0].entity != a.mentions[1].entity
    assert b.mentions[0].entity == a.mentions[1].entity


def test_bare_surname_across_documents_needs_exactly_one_full_name() -> None:
    a = doc_with("a", [("عمر الشامسي", "PERSON"), ("موسى الشامسي", "PERSON")])
    b = doc_with("b", [("الشامسي", "PERSON")])
    resolve_entities([a, b])
    assert b.mentions[0].entity not in {a.mentions[0].entity, a.mentions[1].entity}


def test_bare_surname_across_documents_needs_the_same_type() -> None:
    a = doc_with("a", [("عمر الشامسي", "PERSON")])
    b = doc_with("b", [("الشامسي", "ORG")])
    resolve_entities([a, b])
    assert a.mentions[0].entity != b.mentions[0].entity


def test_surname_in_its_document_links_to_the_nearest_full_name() -> None:
    doc = doc_with("a", [("عمر الشامسي", "PERSON"), ("الشامسي", "PERSON"),
                         ("موسى الشامسي", "PERSON"), ("الشامسي", "PERSON")])
    resolve_entities([doc])
    assert doc.mentions[1].entity == doc.mentions[0].entity
    assert doc.mentions[3].entity == doc.mentions[2].entity != doc.mentions[0].entity


MALI = {"مالي": "gpe:mali"}


def test_non_persons_merge_on_loose_name_and_type() -> None:
    a = doc_with("a", [("مجموعة فاغنر", "FORCE"), ("الجيش المالي", "FORCE"), ("مالي", "GPE")], gaz=MALI)
    b = doc_with("b", [("مجموعة فاجنر", "FORCE"), ("الجيش المالي", "ORG"), ("مالي", "GPE")], gaz=MALI)
    resolve_entities([a, b])
    assert a.mentions[0].entity == b.mentions[0].entity
    assert a.mentions[1].entity != b.mentions[1].entity


def test_unqualified_institutions_merge_only_within_a_country() -> None:
    sudan = {"السودان": "gpe:sudan", "الخرطوم": "gpe:khartoum"}
    a = doc_with("a", [("المجلس العسكري", "ORG"), ("السودان", "GPE")], gaz=sudan)
    b = doc_with("b", [("المجلس العسكري", "ORG"), ("الخرطوم", "GPE")], gaz=sudan)
    c = doc_with("c", [("المجلس العسكري", "ORG"), ("مالي", "GPE")], gaz=MALI)
    d = doc_with("d", [("الجيش السوداني", "FORCE"), ("مالي", "GPE")], gaz=MALI)
    e = doc_with("e", [("الجيش السوداني", "FORCE"), ("السودان", "GPE")], gaz=sudan)
    resolve_entities([a, b, c, d, e])
    assert a.mentions[0].entity == b.mentions[0].entity != c.mentions[0].entity
    assert d.mentions[0].entity == e.mentions[0].entity  # the name says which country


def test_same_gazetteer_id_is_one_entity_named_from_the_gazetteer() -> None:
    a = doc_with("a", [("فاغنر", "FORCE")], gaz={"فاغنر": "force:wagner"})
    b = doc_with("b", [("فاجنر", "FORCE")], gaz={"فاجنر": "force:wagner"})
    entities = resolve_entities([a, b])
    wagner = entity_of(entities, a, 0)
    assert b.mentions[0].entity == wagner.id == "force:wagner"
    assert wagner.name_en == "Wagner Group"
    assert set(wagner.aliases) == {"فاغنر", "فاجنر"}


def test_gazetteer_person_absorbs_an_untagged_spelling() -> None:
    a = doc_with("a", [("غيورغي بيلوف", "PERSON")], gaz={"غيورغي بيلوف": "per:georgy-belov"})
    b = doc_with("b", [("جيورجي بيلوف", "PERSON")])
    resolve_entities([a, b])
    assert a.mentions[0].entity == b.mentions[0].entity == "per:georgy-belov"


def test_ids_are_stable_when_documents_are_added() -> None:
    zone, mali = ("منطقة الحدود الثلاث", "LOC"), ("مالي", "GPE")
    a = doc_with("a", [("سليمان داود", "PERSON"), zone, mali], gaz=MALI)
    first = {e.name: e.id for e in resolve_entities([a])}
    other = doc_with("b", [("كمال يوسف", "PERSON"), zone, mali], gaz=MALI)
    a2 = doc_with("a", [("سليمان داود", "PERSON"), zone, mali], gaz=MALI)
    second = {e.name: e.id for e in resolve_entities([other, a2])}
    assert first["سليمان داود"] == second["سليمان داود"] == entity_id("PERSON", "سليمان داود")
    assert first["منطقة الحدود الثلاث"] == second["منطقة الحدود الثلاث"]


def test_name_en_is_romanised_when_unknown() -> None:
    doc = doc_with("a", [("سليمان داود", "PERSON")])
    [entity] = resolve_entities([doc])
    assert entity.name_en == romanize("سليمان داود") == "Suleiman Dawd"


def test_roles_per_document_sorted_by_date_with_of_entities() -> None:
    old = doc_with("old", [("هاشم بيلو", "PERSON"), ("مالي", "GPE")], published="2021-05-02")
    old.roles.append(Role(person=0, title="وزير الدفاع", of=1, rank="عقيد"))
    new = doc_with("new", [("بيلو", "PERSON")], published="2024-02-23")
    new.roles.append(Role(person=0, title="وزير الدفاع", of_gaz="gpe:mali", rank="جنرال"))
    entities = resolve_entities([new, old])
    bello = entity_of(entities, old, 0)
    assert [(r.rank, r.date, r.doc) for r in bello.roles] == [
        ("عقيد", "2021-05-02", "old"), ("جنرال", "2024-02-23", "new")]
    mali = old.mentions[1].entity
    assert [r.of for r in bello.roles] == [mali, "gpe:mali"]


def test_role_country_from_an_adjective_creates_the_gazetteer_entity() -> None:
    doc = doc_with("a", [("إيغور بيتروشينكو", "PERSON")])
    doc.roles.append(Role(person=0, title="سفير", of_gaz="gpe:russia"))
    entities = resolve_entities([doc])
    russia = next(e for e in entities if e.id == "gpe:russia")
    assert russia.type == "GPE" and russia.mentions == []
    assert entity_of(entities, doc, 0).roles[0].of == "gpe:russia"


def test_empty_corpus() -> None:
    assert resolve_entities([]) == []


def test_long_vowels_distinguish_short_names_but_not_long_foreign_ones() -> None:
    a = doc_with("a", [("محمد علي", "PERSON"), ("فولوديمير زيلينسكي", "PERSON")])
    b = doc_with("b", [("محمود علي", "PERSON"), ("فولوديمير زيلنسكي", "PERSON"), ("محمود", "PERSON")])
    resolve_entities([a, b])
    assert a.mentions[0].entity != b.mentions[0].entity
    assert b.mentions[2].entity == b.mentions[0].entity
    assert a.mentions[1].entity == b.mentions[1].entity


def test_a_rank_only_role_inside_a_fuller_role_of_the_same_document_is_dropped() -> None:
    doc = doc_with("a", [("حسن بكري", "PERSON"), ("تشاد", "GPE")], published="2023-01-05")
    doc.roles += [Role(person=0, title="وزير الدفاع", of=1, rank="عقيد"),
                  Role(person=0, title=None, rank="عقيد"), Role(person=0, title=None, rank=None)]
    other = doc_with("b", [("حسن بكري", "PERSON")], published="2022-01-05")
    other.roles.append(Role(person=0, title=None, rank="عقيد"))
    entities = resolve_entities([doc, other])
    roles = entity_of(entities, doc, 0).roles
    assert [(r.doc, r.title, r.rank) for r in roles] == [("b", None, "عقيد"), ("a", "وزير الدفاع", "عقيد")]


def test_empty_mention_spans_get_no_entity_and_do_not_merge() -> None:
    a = doc_with("a", [("حسن بكري", "PERSON")])
    b = doc_with("b", [("سالم توري", "PERSON")])
    for doc in (a, b):
        doc.mentions.append(Mention(5, 4, "", "PERSON", ""))
    entities = resolve_entities([a, b])
    assert a.mentions[1].entity is None and b.mentions[1].entity is None
    assert len(entities) == 2


def test_a_shorter_full_name_inside_one_longer_name_of_the_document() -> None:
    doc = doc_with("a", [("سلمان بن حمد آل خليفة", "PERSON"), ("سلمان بن حمد", "PERSON"),
                         ("محمد حمدان دقلو", "PERSON"), ("حمدان دقلو", "PERSON"), ("علي حسن", "PERSON"),
                         ("علي حسن يوسف", "PERSON"), ("علي حسن كمال", "PERSON")])
    resolve_entities([doc])
    ids = [m.entity for m in doc.mentions]
    assert ids[0] == ids[1] and ids[2] == ids[3]
    assert len({ids[4], ids[5], ids[6]}) == 3  # two longer names: no way to tell which


def test_a_bare_common_given_name_does_not_link_across_documents() -> None:
    a = doc_with("a", [("حسن", "PERSON"), ("كوليبالي", "PERSON")])
    b = doc_with("b", [("حسن", "PERSON"), ("كوليبالي", "PERSON")])
    c = doc_with("c", [("علي محمد حسن", "PERSON")])
    resolve_entities([a, b, c])
    assert len({a.mentions[0].entity, b.mentions[0].entity, c.mentions[0].entity}) == 3
    assert a.mentions[1].entity == b.mentions[1].entity  # a rare surname alone is one person


def test_a_clitic_left_on_a_mention_does_not_reach_the_name_or_aliases() -> None:
    sudan = {"السودان": "gpe:sudan"}
    a = doc_with("a", [("للقوات المسلحة السودانية", "FORCE"), ("القوات المسلحة السودانية", "FORCE"),
                       ("السودان", "GPE")], gaz=sudan)
    b = doc_with("b", [("بيلوف", "PERSON"), ("وزير", "PERSON")])
    entities = resolve_entities([a, b])
    army = entity_of(entities, a, 0)
    assert army.name == "القوات المسلحة السودانية" and army.aliases == ["القوات المسلحة السودانية"]
    assert entity_of(entities, b, 0).name == "بيلوف"


def test_a_mention_that_kept_its_lam_gives_a_clean_name_and_alias():
    from rasd.model import Document, Mention
    from rasd.resolve.entities import resolve_entities

    body = "قدمت الحكومة دعما للقوات البحرية الكينية"
    at = body.index("للقوات")
    text = body[at:]
    doc = Document(id="d", path="d", body=body,
                   mentions=[Mention(at, len(body), text, "FORCE", "القوات البحريه الكينيه")])
    (entity,) = resolve_entities([doc])
    assert entity.name == "القوات البحرية الكينية"
    assert entity.aliases == ["القوات البحرية الكينية"]
