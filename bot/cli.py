"""The command line: `python -m bot COMMAND`. Its output formats are a contract other tools rely on."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import traceback
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Callable, Coroutine, NoReturn

from bot.config_base import ROOT, ConfigError, SettingsView, keep_settings, kept_settings, resolve
from bot.core.brief import BriefError, display_path, load_brief
from bot.core.models import Answer
from bot.core.service import BriefService
from bot.core.text import strip_markup
from bot.render.plain import render_answer, render_digest

if TYPE_CHECKING:
    from bot.config import Settings

STDIN_CONVERSATION = "stdin"
# Commands that use settings an earlier run validated, when nothing changed (bot/config_base.py), and so never
# import pydantic or PyYAML when the brief's build is cached too: `ask` and `sections` for start-up time, `run`
# for the running bot's memory (about 8 MB).
ANSWERING = ("ask", "sections", "run")
PLATFORMS = ("telegram", "discord")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """Usage mistakes are one line too, pointing at the help (argparse prints the whole usage)."""
        self.exit(2, f"error: {message} (see: {self.prog} --help)\n")


def _common(parser: argparse.ArgumentParser, top: bool) -> None:
    # On the top parser they are defaults; on each command SUPPRESS keeps an earlier value.
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--brief", type=Path, default=default, help="brief YAML file (default: from config)")
    parser.add_argument("--config", type=Path, default=default, help="config YAML file (default: config/bot.yaml)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="briefbot", description="Sourced answers about a news event.")
    _common(parser, top=True)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _common(sub, top=False)
        return sub

    command("run", "run the bot: Telegram/Discord when their tokens are set, else the console")
    ask = command("ask", "answer one question (or, with -, one per line from stdin)")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("question", help='the question, or "-" to read questions from stdin')
    sections = command("sections", "list the loaded brief's sections")
    sections.add_argument("--json", action="store_true", help="print a JSON array")
    brief = command("brief", "brief maintenance")
    brief_commands = brief.add_subparsers(dest="brief_command", required=True, metavar="ACTION")
    check = brief_commands.add_parser("check", help="validate schema and provenance")
    _common(check, top=False)
    check.add_argument("file", nargs="?", type=Path, help="brief to check (default: the configured brief)")
    command("console", "chat with the brief in this terminal")
    digest = command("digest", "print the next digest: a new subscriber's, or with --chat that chat's")
    digest.add_argument("--chat", type=_chat, metavar="PLATFORM:ID",
                        help="the subscribed chat, e.g. telegram:123456 or discord:987654321")
    command("subscriptions", "list digest subscriptions: count per platform and next run times")
    command("invite-url", "print the link that adds the bot to a Discord server (needs DISCORD_APPLICATION_ID)")
    curate = command("curate", "what readers asked that the brief could not answer, and answers they disliked")
    curate.add_argument("--since", type=_days, metavar="DAYS", help="only questions asked in the last DAYS days")
    curate.add_argument("--json", action="store_true", help="print one JSON object (README: Curating the brief)")
    actions = curate.add_mutually_exclusive_group()
    actions.add_argument("--check", action="store_true",
                         help="exit 1 listing stored questions answered before that this brief rejects")
    actions.add_argument("--purge", action="store_true", help="delete every stored question and verdict")
    return parser


def _chat(text: str) -> tuple[str, str]:
    platform, _, chat_id = text.partition(":")
    if platform not in PLATFORMS or not chat_id.strip():
        raise argparse.ArgumentTypeError(f"expected PLATFORM:ID with PLATFORM one of {', '.join(PLATFORMS)}, "
                                         f"e.g. telegram:123456; got {text!r}")
    return platform, chat_id.strip()


def _days(raw: str) -> int:
    try:
        days = int(raw)
    except ValueError:
        days = -1
    if days < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of days (1 or more), got {raw!r}")
    return days


def answer_json(question: str, answer: Answer) -> dict[str, Any]:
    return {
        "question": strip_markup(question),  # what was asked, without the markup it was typed in (never echoed)
        "matched": answer.matched,
        "section": answer.section_id,
        "confidence": answer.confidence,
        "text": render_answer(answer),
        "sources": [source.seed for source in answer.sources],
        "suggestions": [] if answer.matched else [topic.title for topic in answer.related],
        "facts": [
            {
                "text": fact.text,
                "sources": [{"seed": quote.seed, "quote": quote.quote} for quote in fact.sources],
                **({"claimed_by": fact.claimed_by} if fact.claimed_by else {}),
            }
            for fact in answer.facts
        ],
    }


def _write_json(out: IO[str], value: Any) -> None:
    out.write(json.dumps(value, ensure_ascii=False) + "\n")
    out.flush()


def cmd_ask(service: BriefService, args: argparse.Namespace, out: IO[str]) -> int:
    if args.question != "-":
        # An argument that was not UTF-8 arrives with lone surrogates standing for its bytes.
        question = os.fsencode(args.question).decode("utf-8", errors="replace")
        answer = service.ask(STDIN_CONVERSATION, question)
        if args.json:
            _write_json(out, answer_json(question, answer))
        else:
            out.write(render_answer(answer) + "\n")
        return 0
    # Read bytes so that binary junk becomes replacement characters instead of a crash.
    for raw in sys.stdin.buffer:
        question = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        answer = service.ask(STDIN_CONVERSATION, question)
        if args.json:
            _write_json(out, answer_json(question, answer))
        else:
            out.write(render_answer(answer) + "\n\n")
            out.flush()
    return 0


def cmd_sections(service: BriefService, args: argparse.Namespace, out: IO[str]) -> int:
    rows = []
    for section in service.store.brief.sections:
        answer = service.topic(section.id, count=False)
        assert answer is not None
        rows.append({
            "id": section.id,
            "title": section.title,
            "examples": list(section.examples),
            "keywords": list(section.keywords),
            "text": render_answer(answer),
            "sources": [s.seed for s in answer.sources],
        })
    if args.json:
        _write_json(out, rows)
    else:
        out.write("".join(f"{row['id']:<22} {row['title']}\n" for row in rows))
    return 0


def cmd_brief_check(settings: Settings, args: argparse.Namespace, out: IO[str]) -> int:
    path = args.file or args.brief or resolve(settings.brief)
    try:
        brief = load_brief(path, resolve(settings.seeds_dir))
    except BriefError as exc:
        for issue in exc.issues:
            out.write(f"{issue}\n")
        out.flush()
        return fail(f"{len(exc.issues)} problem(s) in the brief, listed above ({display_path(path)})", 1)
    facts = sum(len(s.facts) for s in brief.sections)
    figures = sum(len(s.figures) for s in brief.sections)
    out.write(f"OK {display_path(path)}: {len(brief.sections)} sections, {facts} facts, {figures} figures; "
              "every quote found in its seed article\n")
    return 0


def cmd_invite_url(settings: Settings, out: IO[str]) -> int:
    if settings.discord.application_id is None:
        return fail("no Discord application id (set DISCORD_APPLICATION_ID: the Application ID on the Developer "
                    "Portal's General Information page)", 2)
    from bot.adapters.discord.invite import invite_url

    out.write(invite_url(settings.discord.application_id) + "\n")
    return 0


def fail(message: str, status: int) -> int:
    """The one line a failed command prints: `error: <what> (<where>)`."""
    print(f"error: {message}", file=sys.stderr, flush=True)
    return status


def _utf8_streams() -> None:
    """UTF-8 in and out whatever the locale (LC_ALL=C, PYTHONIOENCODING=ascii): answers quote articles with
    curly quotes and dashes, and questions come in any script. A character that cannot be encoded (a lone
    surrogate from a mis-decoded argument) becomes a replacement mark instead of stopping the command."""
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main(argv: list[str] | None = None, out: IO[str] | None = None) -> int:
    _utf8_streams()
    try:
        status = _main(argv, out)
        (out or sys.stdout).flush()  # here, where a closed pipe is still caught below
        return status
    except BrokenPipeError:
        # The reader went away (`… | head -1`): stop quietly; point stdout at /dev/null so that Python's own
        # final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:  # Ctrl-C: end now, with the shell's usual status for it
        # Exit at once: the console's reader thread is still blocked on stdin, and waiting for it (or letting
        # the interpreter close stdin under it) would need another Enter or abort the process.
        sys.stdout.flush()
        print(file=sys.stderr, flush=True)
        os._exit(130)
    except Exception as exc:  # a bug: still one line, naming where it happened (never the message: secrets)
        return fail(f"unexpected {type(exc).__name__}; please report it ({_where(exc)})", 1)


def _where(exc: BaseException) -> str:
    """`file:line` of the innermost frame of this project's code that the exception passed through."""
    frames = [frame for frame in traceback.extract_tb(exc.__traceback__) if frame.filename.startswith(str(ROOT))]
    frame = frames[-1] if frames else traceback.extract_tb(exc.__traceback__)[-1]
    return f"{display_path(Path(frame.filename))}:{frame.lineno}"


def _brief_failure(exc: BriefError) -> int:
    first = exc.issues[0]
    field = f"{first.field}: " if first.field else ""
    more = f"; {len(exc.issues) - 1} more problems (run: python -m bot brief check)" if len(exc.issues) > 1 else ""
    return fail(f"cannot load the brief: {field}{first.message}{more} ({first.file}:{first.line})", 1)


def _main(argv: list[str] | None, out: IO[str] | None) -> int:
    out = out or sys.stdout
    args = build_parser().parse_args(argv)
    try:
        settings = _settings(args)
    except ConfigError as exc:
        return fail(str(exc), 2)
    if args.command == "brief":
        return cmd_brief_check(settings, args, out)
    if args.command == "invite-url":
        return cmd_invite_url(settings, out)
    from bot import bootstrap
    from bot.logging_setup import configure_logging
    from bot.storage.errors import DatabaseError  # not bot.storage.database: `ask` never loads SQLAlchemy

    configure_logging(settings.log_level if args.command == "run" else "WARNING", settings.secrets(),
                      settings.log_format)
    try:
        if args.command == "run":
            return _run_loop(bootstrap.run(settings, args.brief))
        service = bootstrap.build_service(settings, args.brief)
        handlers: dict[str, Callable[[], int]] = {
            "ask": lambda: cmd_ask(service, args, out),
            "sections": lambda: cmd_sections(service, args, out),
            "console": lambda: _run_loop(bootstrap.console(settings, service)),
            "digest": lambda: _run_loop(_digest(settings, service, args.chat, out)),
            "subscriptions": lambda: _run_loop(bootstrap.list_subscriptions(settings, out)),
            "curate": lambda: _run_loop(_curate(settings, service, args, out)),
        }
        return handlers[args.command]()
    except BriefError as exc:
        return _brief_failure(exc)
    except DatabaseError as exc:
        return fail(f"{exc} (database_url)", 2)


def _settings(args: argparse.Namespace) -> Settings | SettingsView:
    kept = kept_settings(args.config) if args.command in ANSWERING else None
    if kept is not None:
        return kept
    from bot.config import load_settings

    settings = load_settings(args.config)
    if args.command in ANSWERING:
        keep_settings(args.config, settings)
    return settings


def _run_loop(command: Coroutine[Any, Any, int]) -> int:
    import asyncio  # here, not at the top: `ask` and `sections` never start an event loop (60 ms of start-up)

    return asyncio.run(command)


async def _digest(settings: Settings, service: BriefService, chat: tuple[str, str] | None, out: IO[str]) -> int:
    """The digest a chat receives next, exactly as it will be built (from the database's record of what that
    chat last received); without --chat, the first digest a new subscriber gets."""
    from bot.bootstrap import open_digests

    digests = await open_digests(settings, service)  # DatabaseError: reported by _main
    try:
        if chat is not None and await digests.repository.subscription(*chat) is None:
            return fail(f"no digest subscription for {chat[0]}:{chat[1]} (python -m bot subscriptions lists them)", 1)
        digest, note = await digests.preview(*chat) if chat else (await digests.first_digest(), None)
    finally:
        await digests.repository.dispose()
    if note and chat is not None:
        out.write(f"({note})\n\n")
    return _print(out, render_digest(digest))


async def _curate(settings: Settings, service: BriefService, args: argparse.Namespace, out: IO[str]) -> int:
    from bot.curating import curate_command  # here, not at the top: `ask` never loads the database code

    return await curate_command(settings, service, args, out)


def _print(out: IO[str], text: str) -> int:
    out.write(text + "\n")
    return 0
