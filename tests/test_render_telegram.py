"""Telegram HTML rendering: escaping and splitting, checked with the fake server's Telegram-style HTML parser."""

from __future__ import annotations

import datetime as dt

from bot.core.models import Answer, AnswerFact, Digest, FactChange, Quote, SourceRef, Topic, TopicChanges
from bot.render.telegram_html import (
    MAX_MESSAGE,
    render_answer,
    render_digest,
    render_sources,
    split_message,
    visible_length,
)
from tests.fake_telegram import parse_html, utf16_len

HOSTILE = '<script>alert("x")</script> & <b>bold</b> &amp;'


def answer(**overrides: object) -> Answer:
    values: dict[str, object] = dict(
        question="who leads", matched=True, section_id="s", confidence=0.9, title="Russia's <delegation>",
        facts=(AnswerFact("Medinsky & co lead.", (Quote("000_abc", "q"), Quote("003_x", "q"), Quote("000_abc", "r"))),
               AnswerFact("Prisoners: 1,000 <each> side", (Quote("001_y", "q"),), "according to Reuters & AP")),
        more=2,
        sources=(SourceRef("000_abc", "NDTV <live>"),),
        related=(Topic("venue", "Venue"),),
    )
    values.update(overrides)
    return Answer(**values)  # type: ignore[arg-type]


def test_precise_answer_says_its_facts_first_then_the_topic_all_escaped() -> None:
    text = render_answer(answer())
    visible = parse_html(text)  # raises like Telegram would on a stray "<" or "&"
    assert visible.startswith("Medinsky & co lead. [000, 003]\n")  # the fact first, each article once
    assert text.startswith("Medinsky &amp; co lead.")
    assert "Prisoners: 1,000 <each> side (according to Reuters & AP) [001]" in visible
    assert "<i>From “Russia's &lt;delegation&gt;” · 2 more facts: tap the topic or say “tell me more”.</i>" in text
    assert visible.index("[001]") < visible.index("From “") < visible.index("Sources: [000] NDTV <live>")
    assert "Venue" not in visible  # related topics (and "More: …") are buttons, not text
    assert "who leads" not in visible  # a matched question is not echoed


def test_precise_answer_with_a_lead_and_nothing_more() -> None:
    visible = parse_html(render_answer(answer(lead="Vladimir <Medinsky>.", more=0, sources=())))
    assert visible.startswith("Vladimir <Medinsky>.\nMedinsky & co lead.")
    assert visible.endswith("From “Russia's <delegation>”.")


def test_whole_topic_is_a_titled_bulleted_listing() -> None:
    text = render_answer(answer(whole_topic=True, more=0, lead="Short <answer>."))
    visible = parse_html(text)
    assert text.startswith("<b>Russia's &lt;delegation&gt;</b>\n\nShort &lt;answer&gt;.\n\n• Medinsky &amp; co")
    assert "\n• Prisoners: 1,000 <each> side (according to Reuters & AP) [001]\n" in visible
    assert "From “" not in visible and "Sources: [000]" in visible


def test_unmatched_answer_quotes_the_question_escaped() -> None:
    text = render_answer(answer(matched=False, section_id=None, question=HOSTILE,
                                title="I don't have that in this brief", facts=(), more=0,
                                notes=("Try one of these <topics>.",), sources=()))
    assert "&lt;script&gt;" in text and "<script>" not in text
    visible = parse_html(text)
    assert HOSTILE in visible and visible.endswith("Try one of these <topics>.")
    assert "From “" not in visible


def test_digest_and_sources_parse() -> None:
    quote = (Quote("001_x", "q"),)
    changes = (TopicChanges(Topic("venue", "Venue <1>"), (FactChange("changed", "At the <palace>.", ("001_x",),
                                                                     "In Istanbul."),)),)
    digest = Digest("b", "1+x", dt.date(2026, 12, 2), "Talks <in> Istanbul", "2 June 2025 (inferred)",
                    dt.date(2025, 6, 3), "Summary & more", (AnswerFact("Outcome <1>", quote),),
                    (AnswerFact("About 1,000 swapped, according to both sides.", quote),), changes, first=False,
                    sources=(SourceRef("001_x", "AP"),))
    visible = parse_html(render_digest(digest))
    assert visible.startswith("Talks <in> Istanbul · 2 June 2025 (inferred)\nBrief last updated 3 June 2025")
    assert "2026" not in visible  # the day it is sent is not news
    assert "What changed since your last digest\nVenue <1>\n• Changed: In Istanbul. → At the <palace>. [001]" in visible
    assert "The story so far\n• Outcome <1> [001]\n• About 1,000 swapped, according to both sides. [001]" in visible
    assert "[001] AP" in parse_html(render_sources([SourceRef("001_x", "AP & <Co>")]))


def test_short_text_is_one_message() -> None:
    assert split_message("<b>hi</b>") == ["<b>hi</b>"]


def test_long_text_splits_on_paragraphs_and_every_part_parses() -> None:
    paragraphs = [f"<b>Part {i}</b>\n" + esc_words(i) for i in range(12)]
    text = "\n\n".join(paragraphs)
    assert visible_length(text) > MAX_MESSAGE
    parts = split_message(text)
    assert len(parts) > 1
    for part in parts:
        assert utf16_len(parse_html(part)) <= MAX_MESSAGE
        assert part.startswith("<b>Part ")  # cut at a paragraph boundary, never mid-paragraph
    assert "\n\n".join(parts) == text


def esc_words(i: int) -> str:
    return " ".join(f"word{i}&amp;{n}" for n in range(60))


def test_oversized_paragraph_is_hard_split_without_breaking_tags_or_entities() -> None:
    text = "<b>" + "x&amp;y " * 1500 + "</b>"  # one bold paragraph of 6000 visible characters
    parts = split_message(text)
    assert len(parts) == 2
    for part in parts:
        visible = parse_html(part)
        assert 0 < utf16_len(visible) <= MAX_MESSAGE
        assert part.startswith("<b>") and part.endswith("</b>")
    assert "".join(parse_html(p) for p in parts).replace(" ", "") == ("x&y" * 1500)


def test_word_longer_than_a_message_and_wide_characters() -> None:
    emoji = "😀" * 3000  # 2 UTF-16 units each: 6000 units
    parts = split_message(emoji)
    assert all(utf16_len(parse_html(p)) <= MAX_MESSAGE for p in parts)
    assert "".join(parts) == emoji


def test_unbroken_bold_run_is_cut_inside_but_tags_stay_balanced() -> None:
    parts = split_message("<i>" + "&lt;" * 5000 + "</i>")
    assert [utf16_len(parse_html(p)) for p in parts] == [4096, 904]
    assert all(p.startswith("<i>&lt;") and p.endswith("&lt;</i>") for p in parts)
