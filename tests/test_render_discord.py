"""Discord embeds stay within Discord's limits without losing or reordering anything."""

from __future__ import annotations

import datetime as dt

import discord

from bot.core.models import Answer, AnswerFact, Digest, FactChange, Quote, SourceRef, Topic, TopicChanges
from bot.render.discord_embed import (
    BUTTON_LABEL_MAX,
    DESCRIPTION_MAX,
    EMBEDS_PER_MESSAGE,
    FIELDS_MAX,
    FOOTER_MAX,
    MATCHED_COLOUR,
    MESSAGE_TOTAL_MAX,
    TITLE_MAX,
    UNMATCHED_COLOUR,
    answer_messages,
    build_embeds,
    digest_messages,
    message_length,
    sources_footer,
    split_text,
    topic_buttons,
)


def _answer(facts: int = 2, fact_len: int = 60, figures: int = 1, sources: int = 2, matched: bool = True,
            title: str = "Russia's delegation", whole_topic: bool = False, more: int = 3) -> Answer:
    return Answer(
        question="q",
        matched=matched,
        section_id="s" if matched else None,
        confidence=0.9,
        title=title,
        facts=tuple(AnswerFact(f"Fact {i:03d} " + "x" * fact_len, (Quote(f"{i % 5:03d}_abc", "q"),))
                    for i in range(facts) if matched)
        + tuple(AnswerFact(f"Figure {i}: {i * 1000} people", (Quote("002_abc", "q"),), "according to the UN")
                for i in range(figures) if matched),
        notes=() if matched else ("I only answer from the brief.",),
        more=more if matched else 0,
        whole_topic=whole_topic,
        sources=tuple(SourceRef(f"{i:03d}_abc", f"Outlet {i}") for i in range(sources)),
        related=(Topic("venue", "Venue of the talks"),),
    )


def _all_within_limits(messages: list[list[discord.Embed]]) -> None:
    for embeds in messages:
        assert 1 <= len(embeds) <= EMBEDS_PER_MESSAGE
        assert message_length(embeds) <= MESSAGE_TOTAL_MAX
        for embed in embeds:
            assert len(embed.title or "") <= TITLE_MAX
            assert len(embed.description or "") <= DESCRIPTION_MAX
            assert len(embed.fields) <= FIELDS_MAX
            assert len(embed.footer.text or "") <= FOOTER_MAX


def test_precise_answer_leads_with_its_facts_and_ends_with_the_topic_line() -> None:
    (message,) = answer_messages(_answer())
    (embed,) = message
    assert embed.title is None  # the facts come first, not the topic's title
    assert embed.description is not None
    lines = embed.description.split("\n")
    assert lines[0] == "Fact 000 " + "x" * 60 + " [000]"
    assert lines[2] == "Figure 0: 0 people (according to the UN) [002]"
    assert lines[-1] == "*From “Russia's delegation” · 3 more facts: tap the topic or say “tell me more”.*"
    assert not embed.fields
    assert embed.footer.text == "Sources: [000] Outlet 0 · [001] Outlet 1"
    assert embed.colour == MATCHED_COLOUR


def test_whole_topic_is_titled_and_bulleted_without_a_topic_line() -> None:
    (message,) = answer_messages(_answer(whole_topic=True, more=0))
    (embed,) = message
    assert embed.title == "Russia's delegation"
    assert embed.description is not None and embed.description.startswith("• Fact 000")
    assert "\n• Figure 0: 0 people (according to the UN) [002]" in embed.description
    assert "From “" not in embed.description
    assert embed.footer.text == "Sources: [000] Outlet 0 · [001] Outlet 1"


def test_unmatched_answer_has_no_bullets_and_its_own_colour() -> None:
    (message,) = answer_messages(_answer(matched=False, figures=0, sources=0, title="I don't have that"))
    assert message[0].colour == UNMATCHED_COLOUR
    assert message[0].title == "I don't have that"
    assert message[0].description == "I only answer from the brief."
    assert not message[0].footer.text


def test_long_answer_splits_at_paragraphs_into_messages_within_6000() -> None:
    answer = _answer(facts=120, fact_len=200, figures=40, sources=5, whole_topic=True, more=0)
    messages = answer_messages(answer)
    assert len(messages) > 1
    _all_within_limits(messages)
    embeds = [e for m in messages for e in m]
    assert embeds[0].title == answer.title and all(e.title is None for e in embeds[1:])
    text = "\n".join(e.description for e in embeds if e.description)
    # every fact and figure, in order, none cut
    assert text == "\n".join(f"• {f.line()} [{f.sources[0].seed[:3]}]" for f in answer.facts)
    assert embeds[-1].footer.text and all(not e.footer.text for e in embeds[:-1])


def test_long_precise_answer_keeps_the_topic_line_last() -> None:
    messages = answer_messages(_answer(facts=60, fact_len=300, more=5))
    _all_within_limits(messages)
    embeds = [e for m in messages for e in m]
    assert len(embeds) > 1 and all(e.title is None for e in embeds)
    assert (embeds[-1].description or "").endswith("*From “Russia's delegation” · 5 more facts: tap the topic or "
                                                    "say “tell me more”.*")


def test_single_paragraph_longer_than_a_description_is_split_at_spaces() -> None:
    paragraph = " ".join(f"word{i}" for i in range(2000))  # ~16000 characters
    chunks = split_text([paragraph])
    assert len(chunks) > 3 and all(len(c) <= DESCRIPTION_MAX for c in chunks)
    assert " ".join(chunks) == paragraph


def test_one_enormous_word_is_cut_where_it_must_be() -> None:
    chunks = split_text(["y" * 10_000])
    assert [len(c) for c in chunks] == [4096, 4096, 1808]


def test_embed_with_many_fields_moves_the_rest_to_another_embed() -> None:
    embeds = build_embeds("t", ["d"], [(f"n{i}", "v") for i in range(60)])
    assert [len(e.fields) for e in embeds] == [25, 25, 10]


def test_sources_footer_fits_and_says_how_many_were_left_out() -> None:
    sources = [SourceRef(f"{i:03d}_x", "A very long outlet name " * 5) for i in range(40)]
    footer = sources_footer(sources)
    assert len(footer) <= FOOTER_MAX
    assert footer.startswith("Sources: [000]") and footer.endswith("more")


def test_overlong_titles_and_labels_are_clipped_with_an_ellipsis() -> None:
    (message,) = answer_messages(_answer(title="T" * 400, whole_topic=True))
    assert message[0].title is not None and len(message[0].title) == TITLE_MAX and message[0].title.endswith("…")
    (button,) = topic_buttons([Topic("venue", "L" * 200)])
    assert len(button.label) == BUTTON_LABEL_MAX and button.custom_id == "t:venue"


def test_topic_whose_id_cannot_fit_a_custom_id_gets_no_button() -> None:
    assert topic_buttons([Topic("a" * 99, "Too long"), Topic("ok", "Fine")]) == topic_buttons([Topic("ok", "Fine")])


def test_more_button_comes_first_and_custom_ids_never_repeat() -> None:
    answer = _answer()
    buttons = topic_buttons(answer.buttons)
    assert [(b.label, b.custom_id) for b in buttons] == [("More: Russia's delegation", "t:s"),
                                                        ("Venue of the talks", "t:venue")]
    assert [b.custom_id for b in topic_buttons([Topic("a", "A"), Topic("a", "More: A"), Topic("b", "B")])] == [
        "t:a", "t:b"]
    assert not [b for b in topic_buttons(_answer(more=0).buttons) if b.label.startswith("More:")]


def test_digest_embed() -> None:
    quote = (Quote("000_x", "q"),)
    digest = Digest("b", "1", dt.date(2026, 12, 2), "Talks in Istanbul", "2 June 2025", dt.date(2025, 6, 3),
                    "A summary of the day's talks.", (AnswerFact("Prisoner exchange agreed", quote),),
                    (AnswerFact("About 1,000 prisoners swapped, according to Reuters.", quote),),
                    (TopicChanges(Topic("venue", "Venue"), (FactChange("added", "At the palace.", ("000_x",)),)),),
                    first=False, sources=(SourceRef("000_x", "NDTV"),))
    (message,) = digest_messages(digest)
    (embed,) = message
    assert embed.title == "Talks in Istanbul · 2 June 2025"
    assert embed.description is not None and embed.description.startswith("*Brief last updated 3 June 2025*")
    assert embed.description.index("What changed") < embed.description.index("The story so far")
    assert "__Venue__\n• New: At the palace. [000]" in embed.description
    assert "• Prisoner exchange agreed [000]\n• About 1,000 prisoners swapped, according to Reuters. [000]" in embed.description
    assert embed.footer.text == "Sources: [000] NDTV"
