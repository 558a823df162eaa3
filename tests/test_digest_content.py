"""What a digest says: the honest heading, the recap that fits one screen, figures as sentences, what changed
between two snapshots of the brief, and a database from before subscriber modes brought up to date."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from bot.bootstrap import build_service
from bot.config import DigestSettings, Settings
from bot.core.digest import diff_snapshots, figure_sentence, text_length
from bot.core.models import FigureLine
from bot.core.schedule import COMMON_ZONES, UTC, zone_suggestions
from bot.digests import DigestSubscriptions
from bot.render.plain import render_digest
from bot.storage.database import open_database
from bot.storage.repository import Repository
from bot.storage.tables import SCHEMA_VERSION
from tests.conftest import BRIEF
from tests.fakes_messenger import FakeClock, RecordingMessenger, write_brief

TODAY = dt.date(2026, 12, 2)


def test_first_digest_of_the_real_brief_is_an_honest_short_recap() -> None:
    service = build_service(Settings(brief=BRIEF))
    digest = service.digest(TODAY, None, dt.date(2026, 11, 30))
    text = render_digest(digest)
    assert text.startswith("Russia–Ukraine talks in Istanbul, round two · 2 June 2025 (inferred)\n"
                           "Brief last updated 30 November 2026\n")
    assert "2 December 2026" not in text and "02 December" not in text  # the day it is sent is not news
    assert text_length(digest) <= 1200
    assert digest.summary.count(". ") == 1  # two sentences
    assert [f.text for f in digest.outcomes] == [
        "The talks yielded an agreement to conduct a new prisoner exchange.",
        "Umerov said Moscow handed its own draft peace accord to Ukraine.",
        "Umerov said Ukraine has proposed holding more talks before the end of June."]
    assert len(digest.figures) == 3
    assert "- Around 50,000 Russian troops massed near Sumy, according to Ukrainian officials. [001]" in text
    assert len(digest.topics) >= 5 and all(t.title in text for t in digest.topics)


def test_a_smaller_screen_keeps_the_most_important_items() -> None:
    service = build_service(Settings(brief=BRIEF))
    digest = service.digest(TODAY, None, None, recap_chars=700)
    assert text_length(digest) <= 700
    assert digest.outcomes[0].text.startswith("The talks yielded") and len(digest.outcomes) >= 1


def test_figures_read_as_sentences() -> None:
    corpus = "Ukraine hit strategic bombers. Many people were killed."
    troops = FigureLine("Russian troops massed near Sumy", "around 50,000", "troops", "Ukrainian officials")
    assert figure_sentence(troops, corpus) == \
        "Around 50,000 Russian troops massed near Sumy, according to Ukrainian officials."
    bombers = FigureLine("Strategic Russian bombers hit and damaged", "some 40", "strategic bombers", "Ukraine")
    assert figure_sentence(bombers, corpus) == "Some 40 strategic Russian bombers hit and damaged, according to Ukraine."
    delay = FigureLine("Delay to the start of the talks", "nearly two hours", "", "reported by NDTV")
    assert figure_sentence(delay, corpus) == "Delay to the start of the talks: nearly two hours, reported by NDTV."


def test_changes_between_snapshots_are_grouped_by_topic_with_old_and_new() -> None:
    fact = {"text": "The talks ended in less than an hour.", "seeds": ["002_x"]}
    old = {"outcomes": {"title": "Outcomes", "facts": [fact, {"text": "A ceasefire was rejected.", "seeds": ["001_x"]}],
                        "figures": [{"label": "Delay", "text": "Delay: two hours, reported by NDTV.",
                                     "amount": "two hours", "by": "reported by NDTV", "seeds": ["000_x"]}]},
           "gone": {"title": "Old topic", "facts": [{"text": "Something old.", "seeds": ["003_x"]}], "figures": []}}
    new = {"outcomes": {"title": "Outcomes", "facts": [{"text": "The talks ended in under an hour.", "seeds": ["002_x"]},
                                                       {"text": "A new prisoner swap was agreed.", "seeds": ["002_x"]}],
                        "figures": [{"label": "Delay", "text": "Delay: three hours, reported by NDTV.",
                                     "amount": "three hours", "by": "reported by NDTV", "seeds": ["000_x"]}]}}
    changes = diff_snapshots(old, new)
    assert [(g.topic.title, g.lines()) for g in changes] == [
        ("Outcomes", ("Changed: Delay: two hours → three hours, reported by NDTV. [000]",
                      "Changed: The talks ended in less than an hour. → The talks ended in under an hour. [002]",
                      "New: A new prisoner swap was agreed. [002]",
                      "Removed: A ceasefire was rejected. [001]")),
        ("Old topic", ("Removed: Something old. [003]",)),
    ]
    assert diff_snapshots(new, new) == ()


def test_time_zone_suggestions_put_common_zones_first() -> None:
    assert zone_suggestions("")[:len(COMMON_ZONES)] == list(COMMON_ZONES)
    assert zone_suggestions("eur")[:3] == ["Europe/Kyiv", "Europe/London", "Europe/Berlin"]
    assert zone_suggestions("new y") == ["America/New_York"]
    assert zone_suggestions("kiev") == []  # the old spelling is still accepted by /subscribe, just not offered
    tokyo = zone_suggestions("to")
    assert tokyo[0] == "Asia/Tokyo" and "America/Toronto" in tokyo[:5] and len(tokyo) <= 25


_V1_SCHEMA = """
CREATE TABLE meta (key VARCHAR(64) PRIMARY KEY, value VARCHAR(256));
CREATE TABLE subscriptions (id INTEGER PRIMARY KEY AUTOINCREMENT, platform VARCHAR(16), chat_id VARCHAR(64),
  user_id VARCHAR(64), local_time VARCHAR(5), timezone VARCHAR(64), brief_id VARCHAR(64), active BOOLEAN,
  created_at DATETIME, updated_at DATETIME, deactivated_reason VARCHAR(32),
  CONSTRAINT uq_subscription_chat UNIQUE (platform, chat_id));
CREATE TABLE deliveries (id INTEGER PRIMARY KEY AUTOINCREMENT, subscription_id INTEGER REFERENCES subscriptions(id)
  ON DELETE CASCADE, local_date DATE, revision VARCHAR(64), status VARCHAR(16), claimed_by VARCHAR(64),
  claimed_at DATETIME, updated_at DATETIME, attempts INTEGER, error VARCHAR(300),
  CONSTRAINT uq_delivery_day UNIQUE (subscription_id, local_date));
CREATE TABLE brief_revisions (revision VARCHAR(64) PRIMARY KEY, brief_id VARCHAR(64), sections TEXT,
  recorded_at DATETIME);
INSERT INTO meta VALUES ('schema_version', '1');
"""


async def test_a_database_from_before_modes_and_fact_snapshots_is_migrated(tmp_path: Path) -> None:
    """A version-1 database (subscriptions, a sent digest, its revision's section prints only) keeps working:
    the subscriber is on the daily mode, and its next digest names the topics changed since it."""
    brief = write_brief(tmp_path / "brief.yaml")
    service = build_service(Settings(), brief)
    old = service.store.current
    with sqlite3.connect(tmp_path / "old.db") as db:
        db.executescript(_V1_SCHEMA)
        db.execute("INSERT INTO subscriptions VALUES (1, 'telegram', '42', '7', '08:00', 'UTC', 'mini', 1, "
                   "'2025-06-01 00:00:00', '2025-06-01 00:00:00', NULL)")
        db.execute("INSERT INTO deliveries VALUES (1, 1, '2025-06-01', ?, 'sent', 'old', '2025-06-01 08:00:00', "
                   "'2025-06-01 08:00:00', 1, NULL)", (old.revision,))
        db.execute("INSERT INTO brief_revisions VALUES (?, 'mini', ?, '2025-06-01 07:00:00')",
                   (old.revision, json.dumps(old.brief.section_prints())))
    write_brief(brief, version=2, edited=True)
    assert service.reload().ok

    engine = await open_database(f"sqlite+aiosqlite:///{tmp_path / 'old.db'}")
    repository = Repository(engine)
    try:
        (sub,) = await repository.subscriptions()
        assert sub.mode == "daily"
        messenger = RecordingMessenger()
        clock = FakeClock(dt.datetime(2025, 6, 2, 8, 0, tzinfo=UTC))
        digests = DigestSubscriptions(repository, service, DigestSettings(), clock=clock)
        digests.use_messengers([messenger])
        await digests.run_due()
        ((chat, digest, _),) = messenger.sent
        assert chat == "42" and [(g.topic.title, g.lines()) for g in digest.changes] == [
            ("Venue", ("Updated (the earlier wording was not recorded).",))]
        (row,) = [r for r in await repository.deliveries() if r["local_date"] == dt.date(2025, 6, 2)]
        assert row["status"] == "sent" and row["retries"] == 0
    finally:
        await engine.dispose()
    with sqlite3.connect(tmp_path / "old.db") as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
