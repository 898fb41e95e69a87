"""Store fixtures shared by the store, API, web and report tests: one suite, SQLite and PostgreSQL.

`store_target` is parametrised: a fresh SQLite file, and a fresh database on a
PostgreSQL server — the one named by RASD_TEST_PG_URL (CI starts one), or a
private cluster started here with initdb + pg_ctl on 127.0.0.1, or a skip with
the reason when neither is possible.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from rasd.model import (
    KB,
    Document,
    Entity,
    EntityRole,
    Event,
    EventParticipant,
    Evidence,
    Mention,
    Quote,
    Span,
)

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the `postgres` user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL server URL (without database) or a skip saying why there is none."""
    url = os.environ.get("RASD_TEST_PG_URL")
    if url:
        yield url.rstrip("/")
        return
    initdb = shutil.which("initdb") or str(PG_BIN / "initdb")
    pg_ctl = shutil.which("pg_ctl") or str(PG_BIN / "pg_ctl")
    if not Path(initdb).exists():
        pytest.skip("no PostgreSQL here: apt-get install postgresql, or set RASD_TEST_PG_URL")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed (pip install -e '.[dev]')")
    if os.geteuid() == 0 and not shutil.which("runuser"):
        pytest.skip("running as root without runuser: cannot start PostgreSQL as a normal user")
    base = Path(tempfile.mkdtemp(prefix="rasd-pg-"))
    data = base / "data"
    port = _free_port()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    try:
        subprocess.run(_as_postgres([initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                                     "--locale=C.UTF-8"]), check=True, capture_output=True, timeout=120)
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {base} -c fsync=off"
        subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-o", options, "-l", str(base / "log"),
                                     "-w", "start"]), check=True, capture_output=True, timeout=120)
    except (subprocess.SubprocessError, OSError) as exc:
        shutil.rmtree(base, ignore_errors=True)
        pytest.skip(f"cannot start a private PostgreSQL cluster: {exc}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_database(pg_server: str) -> Iterator[str]:
    """A fresh, empty database on the test server, dropped afterwards."""
    import psycopg

    name = f"rasd_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"{pg_server}/{name}"
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """What `--db` gets: a SQLite file path, or a PostgreSQL URL of an empty database."""
    if request.param == "sqlite":
        return str(tmp_path / "kb.db")
    return request.getfixturevalue("pg_database")


def _document(doc_id: str, title: str, outlet: str, published: str, parts: list[str]) -> Document:
    """A document whose body is `parts` joined; every part that is not whitespace is a sentence."""
    body, spans = "", []
    for part in parts:
        if part.strip():
            spans.append(Span(len(body), len(body) + len(part)))
        body += part
    return Document(id=doc_id, path=f"{doc_id}.txt", body=body, outlet=outlet, title=title,
                    published=published, sentences=spans)


def sample_kb() -> KB:
    """A small hand-built KB in our own Arabic words (no third-party text), with one of each record."""
    d1 = _document("doc-a", "لافروف في باماكو", "صحيفة الاختبار", "2024-07-02", [
        "قال وزير الخارجية الروسي سيرجي لافروف إن موسكو ستسلم مالي طائرتين.", "\n",
        "ووصل الوفد إلى باماكو يوم الثلاثاء.", " ", "وقال لافروف: «التعاون مستمر».",
    ])
    d2 = _document("doc-b", "شحنة <b>مدرعات</b>", "وكالة المثال", "2024-08-15", [
        "وصلت إلى وباماكو شحنة من المدرعات الروسية <script>alert(1)</script>.", "\n",
        "وأكد الوزير لافروف أن الشحنة الثانية قادمة.",
    ])
    body1, body2 = d1.body, d2.body
    s1, s2 = d1.sentences, d2.sentences

    def mention(doc: Document, text: str, kind: str, nth: int = 0, entity: str | None = None) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = doc.body.index(text, start + 1)
        return Mention(start, start + len(text), text, kind, text, entity=entity)

    d1.mentions = [mention(d1, "سيرجي لافروف", "PERSON", entity="E1"),
                   mention(d1, "موسكو", "GPE", entity="E2"),
                   mention(d1, "مالي", "GPE", entity="E3"), mention(d1, "باماكو", "GPE", entity="E4"),
                   mention(d1, "لافروف", "PERSON", nth=1, entity="E1")]
    d2.mentions = [mention(d2, "باماكو", "GPE", entity="E4"), mention(d2, "لافروف", "PERSON", entity="E1")]
    quote_at = d1.body.index("التعاون")
    d1.quotes = [Quote(quote_at, quote_at + len("التعاون مستمر"), "التعاون مستمر", speaker=4, cue="قال")]
    entities = [
        Entity("E1", "PERSON", "سيرجي لافروف", "Sergei Lavrov", aliases=["سيرجي لافروف", "لافروف"],
               roles=[EntityRole("وزير الخارجية", "E2", None, "2024-07-02", "doc-a")],
               mentions=[("doc-a", 0), ("doc-a", 4), ("doc-b", 1)]),
        Entity("E2", "GPE", "روسيا", "Russia", aliases=["موسكو"], mentions=[("doc-a", 1)]),
        Entity("E3", "GPE", "مالي", "Mali", aliases=["مالي"], mentions=[("doc-a", 2)]),
        Entity("E4", "GPE", "باماكو", "Bamako", aliases=["باماكو"], mentions=[("doc-a", 3), ("doc-b", 0)]),
    ]
    events = [
        Event("V1", "ARMS_TRANSFER", "2024-07", "E4", "planned",
              participants=[EventParticipant("supplier", "موسكو", "E2"),
                            EventParticipant("recipient", "مالي", "E3"),
                            EventParticipant("item", "طائرتين", None, 2.0, None)],
              evidence=[Evidence("doc-a", s1[0].start, s1[0].end, body1[s1[0].start:s1[0].end])],
              corroboration=1),
        Event("V2", "MEETING", "2024-07-02", "E4", "occurred",
              participants=[EventParticipant("participant", "لافروف", "E1")],
              evidence=[Evidence("doc-a", s1[1].start, s1[1].end, body1[s1[1].start:s1[1].end]),
                        Evidence("doc-b", s2[0].start, s2[0].end, body2[s2[0].start:s2[0].end])],
              corroboration=2),
    ]
    return KB(documents=[d1, d2], entities=entities, events=events)


CITIES = ["باماكو", "نيامي", "واغادوغو", "الخرطوم", "طرابلس", "نواكشوط", "داكار", "أبوجا"]
SUPPLIERS = ["روسيا", "الصين", "تركيا", "فرنسا", "إيران", "الولايات المتحدة"]
ITEMS = ["طائرات مسيرة", "مدرعات", "مروحيات قتالية", "صواريخ مضادة للدروع", "زوارق دورية"]


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    """Write `count` short distinct articles of our own making as .txt files (title line, then body)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        city, supplier, item = CITIES[i % len(CITIES)], SUPPLIERS[i % len(SUPPLIERS)], ITEMS[i % len(ITEMS)]
        text = (f"{supplier} تسلم {item} إلى الجيش في {city}\n\n"
                f"أعلنت وزارة الدفاع في {city} يوم {1 + i % 28} مارس 2024 أنها تسلمت {10 + i} {item} "
                f"من {supplier} في إطار اتفاق التعاون العسكري رقم {i}.\n"
                f"وقال المتحدث باسم الجيش إن الشحنة رقم {i} وصلت إلى مطار {city} الدولي.\n")
        path = folder / f"article_{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
