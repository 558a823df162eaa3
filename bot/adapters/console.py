"""The local console chat: the same answers and follow-ups as the chat apps, in a terminal."""

from __future__ import annotations

import asyncio
import sys

from bot.core.service import BriefService
from bot.render.plain import render_answer

CONVERSATION = "console"
HELP = "Ask about the brief in plain words. Commands: /topics, /sources, /quit."


def reply(service: BriefService, line: str) -> str | None:
    """One console turn; None means quit."""
    text = line.strip()
    if text in {"/quit", "/exit", "quit", "exit"}:
        return None
    if text in {"/help", "help", "?"}:
        return HELP
    if text == "/topics":
        return "\n".join(f"- {topic.title}" for topic in service.topics())
    if text == "/sources":
        return "\n".join(f"[{s.seed[:3]}] {s.label}" for s in service.sources())
    if not text:
        return ""
    return render_answer(service.ask(CONVERSATION, text))


async def run_console(service: BriefService) -> int:
    meta = service.store.brief.meta
    print(f"briefbot: {meta.title}. {meta.when()}, {meta.venue}.\n{HELP}")
    loop = asyncio.get_running_loop()
    while True:
        print("\n> ", end="", flush=True)
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:  # end of input
            print()
            return 0
        answer = reply(service, line)
        if answer is None:
            return 0
        if answer:
            print(answer)
