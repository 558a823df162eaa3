"""The local console chat: the same answers and follow-ups as the chat apps, in a terminal."""

from __future__ import annotations

import asyncio
import signal
import threading
from typing import Awaitable

try:  # line editing and history for input(), where the platform has it
    import readline  # noqa: F401
except ImportError:  # pragma: no cover - Windows
    pass

from bot.core.curation import ChatKind, Origin
from bot.core.service import BriefService
from bot.render.plain import render_answer

CONVERSATION = "console"
ORIGIN = Origin("console", ChatKind.PRIVATE)
READER = "console"  # the one reader of a console chat, for the one-verdict-per-answer rule
HELP = "Ask about the brief in plain words. Commands: /topics, /sources, /quit; + or - rates the last answer."
RATE_HINT = "(+ or - rates this answer)"


class ConsoleChat:
    """One console conversation: commands, questions, and `+` / `-` rating the last answer."""

    def __init__(self, service: BriefService) -> None:
        self.service = service
        self.last_answer = ""  # the id of the last rateable answer

    def reply(self, line: str) -> str | None:
        """One console turn; None means quit."""
        text = line.strip()
        if text in {"/quit", "/exit", "quit", "exit"}:
            return None
        if text in {"/help", "help", "?"}:
            return HELP
        if text == "/topics":
            return "\n".join(f"- {topic.title}" for topic in self.service.topics())
        if text == "/sources":
            return "\n".join(f"[{s.seed[:3]}] {s.label}" for s in self.service.sources())
        if text in {"+", "-"}:
            return self._rate(text == "+")
        if not text:
            return ""
        answer = self.service.ask(CONVERSATION, text, ORIGIN)
        self.last_answer = answer.answer_id
        return render_answer(answer) + (f"\n{RATE_HINT}" if answer.answer_id else "")

    def _rate(self, up: bool) -> str:
        curator = self.service.curator
        if curator is None:
            return "Ratings are off here: the curation log has no database."
        if not self.last_answer:
            return "Ask something first; then + or - rates the answer."
        curator.verdict(self.last_answer, ORIGIN.platform, READER, up)
        return "Thanks"


async def run_console(service: BriefService) -> int:
    meta = service.store.brief.meta
    interrupted = _Interrupt(asyncio.get_running_loop())
    # Ctrl-C is caught before the banner appears: from the first prompt on, it ends the chat at once.
    with interrupted:
        print(f"briefbot: {meta.title}. {meta.when()}, {meta.venue}.\n{HELP}")
        chat = ConsoleChat(service)
        while True:
            line = await interrupted.wait(_read_line("\n> "))
            if line is None:  # end of input
                print()
                return 0
            answer = chat.reply(line)
            if answer is None:
                return 0
            if answer:
                print(answer)


class _Interrupt:
    """Ctrl-C as a KeyboardInterrupt raised in the chat at its next wait, so its `finally` blocks still flush the
    curation log. Without it, asyncio turns Ctrl-C into a cancellation that a cleanup step can absorb, leaving
    the process waiting on stdin, which the reader thread still holds."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.raised = loop.create_future()
        self.installed = False

    def __enter__(self) -> _Interrupt:
        try:
            self.loop.add_signal_handler(signal.SIGINT, self._fire)
            self.installed = True
        except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not the main thread: asyncio's default
            pass
        return self

    def __exit__(self, *_: object) -> None:
        if self.installed:
            self.loop.remove_signal_handler(signal.SIGINT)

    def _fire(self) -> None:
        if not self.raised.done():
            self.raised.set_exception(KeyboardInterrupt())

    async def wait(self, read: Awaitable[str | None]) -> str | None:
        """The line read, or KeyboardInterrupt once Ctrl-C has been pressed (before or during the read)."""
        reading = asyncio.ensure_future(read)
        await asyncio.wait((reading, self.raised), return_when=asyncio.FIRST_COMPLETED)
        if self.raised.done():
            reading.cancel()
            self.raised.result()  # raises the KeyboardInterrupt
        return reading.result()


async def _read_line(prompt: str) -> str | None:
    """One line from the terminal, with line editing and history where `readline` exists; None at end of input.

    The read runs in a daemon thread, so Ctrl-C ends the chat at once instead of waiting for Enter."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[str | None] = loop.create_future()

    def settle(result: str | None, error: BaseException | None) -> None:
        if not done.done():
            done.set_exception(error) if error is not None else done.set_result(result)

    def read() -> None:
        line: str | None = None
        error: BaseException | None = None
        try:
            line = input(prompt)
        except EOFError:
            pass
        except Exception as exc:  # a closed stdout (`| head`) and the like: raised in the chat, not lost here
            error = exc
        if not loop.is_closed():
            loop.call_soon_threadsafe(settle, line, error)

    threading.Thread(target=read, daemon=True).start()
    return await done
