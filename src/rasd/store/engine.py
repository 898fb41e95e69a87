"""Opening a store: a SQLite file (WAL, foreign keys) or a PostgreSQL URL, migrated to the newest schema."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect, make_url
from sqlalchemy.exc import SQLAlchemyError

from rasd.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"


def engine_url(target: str) -> str:
    """The SQLAlchemy URL of `--db`: a PostgreSQL URL as given (psycopg 3 driver), else a SQLite file."""
    if target.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser()}"


def display_name(target: str) -> str:
    """`--db` as shown in messages: a URL's password is masked."""
    if "://" not in target:
        return target
    try:
        return make_url(target).render_as_string(hide_password=True)
    except (SQLAlchemyError, ValueError):
        return target.split("://", 1)[0] + "://..."


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DB-API connection
    """WAL lets the server read while an ingest writes; foreign keys are off in SQLite by default."""
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def create_store_engine(target: str) -> Engine:
    """An engine for `target`; the SQLite folder must exist."""
    url = engine_url(target)
    if url.startswith("sqlite:///"):
        parent = Path(url[len("sqlite:///"):]).parent
        if not parent.is_dir():
            raise StoreError(f"{target}: folder {parent} does not exist")
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own transaction handling defers BEGIN; let SQLAlchemy emit it
        event.listen(engine, "connect", lambda conn, _r: setattr(conn, "isolation_level", None))
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except (SQLAlchemyError, ImportError) as exc:
        raise StoreError(f"{target}: cannot open the store ({exc})") from exc


def alembic_config() -> Config:
    """The Alembic configuration of the store migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def short_reason(exc: Exception) -> str:
    """The driver's own message, first line only (SQLAlchemy adds a paragraph of background)."""
    reason = str(getattr(exc, "orig", None) or exc)
    return reason.strip().splitlines()[0] if reason.strip() else type(exc).__name__


def upgrade(engine: Engine, target: str = "store") -> None:
    """Bring the store to the newest schema (creates it when empty)."""
    config = alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except SQLAlchemyError as exc:
        raise StoreError(f"{target}: cannot open the store: {short_reason(exc)}") from exc


def table_names(engine: Engine) -> set[str]:
    """The tables that exist in the store."""
    return set(inspect(engine).get_table_names())
