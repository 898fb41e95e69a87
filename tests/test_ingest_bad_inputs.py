"""Bad inputs: each is one clear failure line naming it, and the run goes on with the others."""

from __future__ import annotations

import json

import pytest

from rasd.ingest import read_inputs
from rasd.ingest.decode import decode_bytes
from rasd.settings import Options

PARAGRAPH = "أعلنت وزارة الدفاع يوم الأحد عن وصول دفعة جديدة من المعدات العسكرية إلى القاعدة الجوية."


def read(*paths: object, **settings: object):
    failures: list[str] = []
    sources = list(read_inputs([str(p) for p in paths], Options().replace(**settings), failures))
    return sources, failures


@pytest.fixture
def good(tmp_path):
    page = tmp_path / "good.txt"
    page.write_text(PARAGRAPH, encoding="utf-8")
    return page


@pytest.mark.parametrize("name, data, reason", [
    ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
    ("archive.zip", b"PK\x03\x04" + bytes(200), "ZIP archive"),
    ("program", b"\x7fELF\x02\x01\x01" + bytes(200), "ELF executable"),
    ("noise.txt", bytes(range(256)) * 8, "binary"),
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \t ", "empty"),
])
def test_unreadable_files_fail_one_line_each(tmp_path, good, name, data, reason):
    bad = tmp_path / name
    bad.write_bytes(data)
    sources, failures = read(bad, good)
    assert [s.path for s in sources] == [str(good)]
    assert len(failures) == 1
    assert failures[0].startswith(f"{bad}: ") and reason in failures[0] and "\n" not in failures[0]


def test_missing_path_fails(good):
    sources, failures = read("/no/such/file.txt", good)
    assert len(sources) == 1 and failures == ["/no/such/file.txt: no such file or folder"]


def test_too_big_file(tmp_path, good):
    big = tmp_path / "big.txt"
    big.write_text(PARAGRAPH * 10, encoding="utf-8")
    sources, failures = read(big, good, max_input_bytes=len(PARAGRAPH.encode()) + 10)
    assert [s.path for s in sources] == [str(good)]
    assert failures[0].startswith(f"{big}: file too large")


@pytest.mark.parametrize("encoding, expected", [
    ("cp1256", "cp1256"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
])
def test_encodings_are_decoded(tmp_path, encoding, expected):
    page = tmp_path / "page.txt"
    page.write_bytes(PARAGRAPH.encode(encoding))
    (source,), failures = read(page)
    assert failures == []
    assert source.content == PARAGRAPH and source.encoding == expected


def test_html_declared_charset_is_used_when_bytes_are_not_utf8():
    html = f'<html><head><meta charset="windows-1256"></head><body><p>{PARAGRAPH}</p></body></html>'
    text, encoding = decode_bytes(html.encode("cp1256"), "page.html")
    assert PARAGRAPH in text and encoding == "windows-1256"


def _documents(*paths):
    """Documents built from the inputs, and the failures reported on the way."""
    from rasd.pipeline import build_documents

    failures: list[str] = []
    options = Options()
    docs = list(build_documents(read_inputs([str(p) for p in paths], options, failures), options, failures))
    return docs, failures


def test_broken_html_is_a_failure_of_that_document_only(tmp_path, good):
    broken = tmp_path / "broken.html"
    broken.write_text("<html><body><div><p><<<<>>>> </div></span></html>", encoding="utf-8")
    docs, failures = _documents(broken, good)
    assert [d.path for d in docs] == [str(good)]
    assert len(failures) == 1 and failures[0].startswith(f"{broken}: ")


def test_bad_json_line_is_reported_and_the_other_lines_read(tmp_path):
    data = tmp_path / "a.jsonl"
    data.write_text(json.dumps({"text": PARAGRAPH}) + "\n{not json\n" + json.dumps({"title": "x"}) + "\n",
                    encoding="utf-8")
    sources, failures = read(data)
    assert [s.path for s in sources] == [f"{data}#1"]
    assert failures[0].startswith(f"{data}#2: invalid JSON")
    assert failures[1].startswith(f"{data}#3: no article text")


def test_xml_bomb_is_refused(tmp_path, good):
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
                    '<rss version="2.0"><channel><title>&lol2;</title><item><title>a</title>'
                    '<description>&lol2;</description></item></channel></rss>', encoding="utf-8")
    sources, failures = read(bomb, good)
    assert [s.path for s in sources] == [str(good)]
    assert failures[0].startswith(f"{bomb}: refused XML")


def test_cli_exits_1_when_some_inputs_failed(tmp_path, good):
    from click.testing import CliRunner

    from rasd.cli.analyze import analyze

    bad = tmp_path / "image.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    out = tmp_path / "kb.json"
    result = CliRunner().invoke(analyze, [str(good), str(bad), "--out", str(out), "--quiet"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    kb = json.loads(out.read_text(encoding="utf-8"))
    assert [d["path"] for d in kb["documents"]] == [str(good)]


def test_input_without_letters_is_a_failure(tmp_path, good):
    noise = tmp_path / "noise.txt"
    noise.write_text("<<<>>> ]]] ١٢٣ ٤٥٦", encoding="utf-8")
    docs, failures = _documents(noise, good)
    assert [d.path for d in docs] == [str(good)]
    assert failures == [f"{noise}: no text: the input has no letters at all"]


def test_an_unexpected_error_while_cleaning_is_reported_not_raised(monkeypatch):
    import rasd.clean as clean
    from rasd.errors import InputError
    from rasd.model import Source

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(clean, "analyse_text_page", broken)
    with pytest.raises(InputError, match=r"^page.txt: cannot clean this input \(RuntimeError: boom\)$"):
        clean.build_document(Source(path="page.txt", content=PARAGRAPH, fmt="text"), Options())


@pytest.mark.parametrize("text", ["مالي", "عاجل: مالي وروسيا", "بيان"])
def test_short_cp1256_text_is_arabic_where_charset_normalizer_guesses_cjk(text):
    # charset-normalizer alone reads these bytes as big5/gb18030/cp949
    assert decode_bytes(text.encode("cp1256"), "short.txt") == (text, "cp1256")


def test_utf8_cut_inside_a_character_stays_utf8():
    data = (PARAGRAPH * 3).encode("utf-8")[:-2]  # drop the full stop and half of the last letter
    text, encoding = decode_bytes(data, "cut.txt")
    assert encoding == "utf-8" and text.startswith(PARAGRAPH) and text.count("\ufffd") == 1
