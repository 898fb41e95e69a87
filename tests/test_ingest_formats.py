"""Every input format rasd reads: text pages, HTML, JSON Lines, JSON arrays, WARC, RSS, Atom and folders."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rasd.ingest import read_inputs
from rasd.settings import Options

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PARAGRAPH = "أعلنت وزارة الدفاع يوم الأحد عن وصول دفعة جديدة من المعدات العسكرية إلى القاعدة الجوية."
HTML = (f"<html><head><title>وصول معدات عسكرية</title></head><body><article><h1>وصول معدات عسكرية</h1>"
        f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>")


def read(*paths: object, **settings: object):
    failures: list[str] = []
    sources = list(read_inputs([str(p) for p in paths], Options().replace(**settings), failures))
    return sources, failures


def test_text_page(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("عنوان\n\n" + PARAGRAPH, encoding="utf-8")
    (source,), failures = read(page)
    assert failures == []
    assert (source.path, source.fmt, source.url) == (str(page), "text", None)
    assert source.content.endswith(PARAGRAPH)


def test_html_detected_by_content_even_with_a_txt_name(tmp_path):
    page = tmp_path / "saved.txt"
    page.write_text(HTML, encoding="utf-8")
    (source,), _ = read(page)
    assert source.fmt == "html"


def test_json_lines_one_source_per_line_with_container_fields(tmp_path):
    records = [
        {"text": PARAGRAPH, "title": "عنوان أول", "url": "https://example.org/1",
         "date": "2023-08-19T21:40:00Z", "outlet": "الأفق"},
        {"html": HTML, "headline": "عنوان ثان", "published": "Sat, 19 Aug 2023 09:40:00 +0000"},
    ]
    feed = tmp_path / "articles.jsonl"
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n\n", encoding="utf-8")
    (first, second), failures = read(feed)
    assert failures == []
    assert first.path == f"{feed}#1" and second.path == f"{feed}#2"
    assert (first.fmt, first.title, first.url, first.published, first.outlet) == (
        "text", "عنوان أول", "https://example.org/1", "2023-08-19T21:40", "الأفق")
    assert (second.fmt, second.title, second.published) == ("html", "عنوان ثان", "2023-08-19T09:40")


def test_json_array(tmp_path):
    data = tmp_path / "articles.json"
    records = [{"content": PARAGRAPH}, {"body": PARAGRAPH}]
    data.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    sources, failures = read(data)
    assert [s.path for s in sources] == [f"{data}#1", f"{data}#2"] and failures == []


def _warc_bytes(records: list[tuple[str, str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for uri, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                      http_headers=headers))
    return out.getvalue()


def test_warc_html_responses(tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(_warc_bytes([
        ("https://example.org/a", "text/html; charset=windows-1256", HTML.encode("cp1256")),
        ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n"),
        ("https://example.org/b", "text/html", HTML.encode("utf-8")),
    ]))
    sources, failures = read(archive)
    assert failures == []
    assert [s.url for s in sources] == ["https://example.org/a", "https://example.org/b"]
    assert all(s.fmt == "html" and PARAGRAPH in s.content for s in sources)
    assert sources[0].encoding == "windows-1256"
    assert sources[0].path.startswith(f"{archive}#")


RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>موقع الأفق</title><link>https://example.org/</link>
<item><title>وصول معدات عسكرية</title><link>https://example.org/1</link>
<pubDate>Sat, 19 Aug 2023 21:40:00 GMT</pubDate>
<description>&lt;p&gt;{PARAGRAPH}&lt;/p&gt;</description></item>
<item><title>خبر ثان</title><link>https://example.org/2</link><description>{PARAGRAPH}</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>الأفق</title>
<entry><title>وصول معدات عسكرية</title><link href="https://example.org/3"/><updated>2024-03-05T09:30:00Z</updated>
<content type="html">&lt;p&gt;{PARAGRAPH}&lt;/p&gt;</content></entry></feed>"""


def test_rss_entries(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(RSS, encoding="utf-8")
    (first, second), failures = read(feed)
    assert failures == []
    assert (first.title, first.url, first.published, first.outlet) == (
        "وصول معدات عسكرية", "https://example.org/1", "2023-08-19T21:40", "موقع الأفق")
    assert first.fmt == "html" and second.fmt == "text"


def test_atom_entries(tmp_path):
    feed = tmp_path / "feed.atom"
    feed.write_text(ATOM, encoding="utf-8")
    (entry,), failures = read(feed)
    assert failures == []
    assert (entry.url, entry.published) == ("https://example.org/3", "2024-03-05T09:30")
    assert entry.outlet == "الأفق"


def test_folders_are_read_recursively_and_skip_other_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(PARAGRAPH, encoding="utf-8")
    (tmp_path / "a" / "b" / "two.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(PARAGRAPH, encoding="utf-8")
    sources, failures = read(tmp_path)
    assert failures == []
    assert sorted(Path(s.path).name for s in sources) == ["one.txt", "two.html"]
    assert [s.path for s in sources] == sorted(s.path for s in sources)  # a stable order


def test_fixture_page_reads_as_text():
    (source,), failures = read(FIXTURES / "page_with_furniture.txt")
    assert failures == [] and source.fmt == "text"
