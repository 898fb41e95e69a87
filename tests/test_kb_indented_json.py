"""The fast kb.json encoder writes exactly what json.dump(ensure_ascii=False, indent=1) writes."""

import io
import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.kb.indented_json import dump_indented, dumps_indented

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.text(),
                    st.floats(allow_nan=False) | st.sampled_from([math.inf, -math.inf]))
TRICKY = st.sampled_from(["},\n {", "],\n  [", '"\\', "}{][", "\n\t\u2028", "تقرير \"عاجل\"", ",\n  {"])
VALUES = st.recursive(
    SCALARS | TRICKY,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=5) | TRICKY, inner, max_size=4),
    max_leaves=30,
)


def _std(obj, indent=1):
    return json.dumps(obj, ensure_ascii=False, indent=indent)


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_same_text_as_the_standard_library(obj):
    assert dumps_indented(obj) == _std(obj)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(SCALARS | TRICKY, min_size=1, max_size=3), min_size=1, max_size=4)
       | st.lists(st.dictionaries(st.text(max_size=3), SCALARS | TRICKY, min_size=1, max_size=3),
                  min_size=1, max_size=4))
def test_rows_of_flat_containers(rows):
    wrapped = {"rows": rows, "deeper": [{"x": rows}]}
    assert dumps_indented(wrapped) == _std(wrapped)
    assert dumps_indented(wrapped, indent=3) == _std(wrapped, indent=3)


def test_a_kb_shaped_record_with_brackets_and_newlines_in_its_strings():
    kb = {
        "schema": "rasd-kb/1",
        "documents": [{"id": "d1", "body": "سطر أول\n},\n {\n  [سطر]", "sentences": [[0, 7], [8, 20]],
                       "cited_sources": [], "duplicate_of": None}],
        "entities": [{"id": "gpe:x", "aliases": ["س", "ص"], "roles": [],
                      "mentions": [{"doc": "d1", "start": 0, "end": 3, "text": "},\n  {"},
                                   {"doc": "d1", "start": 5, "end": 9, "text": "ص"}]}],
        "events": [{"id": "ev_1",
                    "participants": [{"role": "supplier", "quantity": 2.5, "approximate": True}],
                    "evidence": [{"doc": "d1", "start": 0, "end": 7, "text": "سطر"}], "corroboration": 1}],
        "failures": [],
        (1): "a non-string key",
    }
    assert dumps_indented(kb) == _std(kb)
    out = io.StringIO()
    dump_indented(kb, out)
    assert out.getvalue() == _std(kb)


def test_tuples_and_top_level_scalars():
    for obj in [(1, 2), [(1, "a"), (2, "b")], "نص", 3, None, [], {}, [[]], [{}], [[], [1]], [{"a": []}]]:
        assert dumps_indented(obj) == _std(obj)


def test_unknown_types_are_refused_like_the_standard_library():
    for obj in [{"a": {1, 2}}, [[object()]], [{"a": b"x"}]]:
        try:
            dumps_indented(obj)
        except TypeError:
            continue
        raise AssertionError(f"{obj!r} was encoded")


def test_a_file_written_in_parts_is_the_whole_text():
    records = [{"id": n, "tags": ["أ", n, {"n": n}] if n % 3 else [], "text": "سطر\n}"} for n in range(4000)]
    obj = {"schema": "x", "records": records, "more": [[r] for r in records[:50]]}
    out = io.StringIO()
    dump_indented(obj, out)
    assert out.getvalue() == _std(obj)
