"""The local console chat: the same answers and follow-ups as the chat apps, in a terminal."""

from __future__ import annotations

import asyncio
import signal
import threading

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
    print(f"briefbot: {meta.title}. {meta.when()}, {meta.venue}.\n{HELP}")
    chat = ConsoleChat(service)
    while True:
        line = await _read_line("\n> ")
        if line is None:  # end of input
            print()
            return 0
        answer = chat.reply(line)
        if answer is None:
            return 0
        if answer:
            print(answer)


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
    # Ctrl-C while waiting for a line raises in this chat (its `finally` blocks flush the curation log), rather
    # than relying on the task's cancellation, which a cleanup step could absorb: a normal return would leave
    # the interpreter's exit waiting on stdin, which the reader thread still holds.
    try:
        loop.add_signal_handler(signal.SIGINT, settle, None, KeyboardInterrupt())
    except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not the main thread: asyncio's default
        return await done
    try:
        return await done
    finally:
        loop.remove_signal_handler(signal.SIGINT)
