"""The per-platform rate limiter on virtual time: published limits held in every window, answers first."""

from __future__ import annotations

import asyncio

from bot.ratelimit import DISCORD_LIMITS, TELEGRAM_LIMITS, Priority, RateLimiter
from tests.fake_telegram import most_in_window
from tests.fakes_messenger import run_virtual


def test_telegram_windows_hold_for_a_mix_of_chats_groups_and_repeats() -> None:
    chats = [str(1000 + i) for i in range(200)] + ["-100"] * 25 + ["77"] * 5
    granted: dict[str, list[float]] = {}

    async def scenario() -> None:
        limiter = RateLimiter(TELEGRAM_LIMITS, "telegram")
        loop = asyncio.get_running_loop()

        async def send(chat: str, priority: Priority) -> None:
            async with limiter.slot(chat, priority):
                granted.setdefault(chat, []).append(loop.time())
                await asyncio.sleep(0.05)  # the round trip: the message arrives somewhere in it

        await asyncio.gather(*(send(c, Priority.DIGEST if i % 3 else Priority.ANSWER) for i, c in enumerate(chats)))

    run_virtual(scenario())
    every = [t for times in granted.values() for t in times]
    assert len(every) == len(chats)
    assert most_in_window(every, 1.0) == 30
    assert all(most_in_window(times, 1.0) == 1 for times in granted.values())
    assert most_in_window(granted["-100"], 60.0) == 20  # the 21st message to a group waits a minute


def test_an_answer_overtakes_queued_digests() -> None:
    async def scenario() -> tuple[float, int]:
        limiter = RateLimiter(TELEGRAM_LIMITS, "telegram")
        loop = asyncio.get_running_loop()
        digests_done: list[float] = []

        async def digest(chat: str) -> None:
            async with limiter.slot(chat, Priority.DIGEST):
                digests_done.append(loop.time())

        fan_out = [asyncio.create_task(digest(str(i))) for i in range(600)]  # 20 s of digests at 30/s
        await asyncio.sleep(5.0)
        asked = loop.time()
        async with limiter.slot("reader", Priority.ANSWER):
            waited = loop.time() - asked
        await asyncio.gather(*fan_out)
        return waited, sum(1 for t in digests_done if t > asked)

    waited, digests_after = run_virtual(scenario())
    assert waited <= 1 / 30 + 0.01  # one slot, not the queue
    assert digests_after > 400  # most of the fan-out was still waiting, and went after the answer


def test_a_429_pauses_every_telegram_chat_but_only_the_discord_channel() -> None:
    async def scenario(limits: object, platform: str) -> float:
        limiter = RateLimiter(limits, platform)  # type: ignore[arg-type]
        loop = asyncio.get_running_loop()
        limiter.pause("1", 5.0)
        start = loop.time()
        async with limiter.slot("2"):
            return loop.time() - start

    assert run_virtual(scenario(TELEGRAM_LIMITS, "telegram")) >= 5.0
    assert run_virtual(scenario(DISCORD_LIMITS, "discord")) == 0.0


def test_a_cancelled_waiter_does_not_block_the_others() -> None:
    async def scenario() -> int:
        limiter = RateLimiter(TELEGRAM_LIMITS, "telegram")
        async def send(chat: str) -> None:
            async with limiter.slot(chat, Priority.DIGEST):
                pass

        for i in range(30):
            await send(str(i))
        waiting = [asyncio.create_task(send(str(100 + i))) for i in range(5)]
        await asyncio.sleep(0.1)
        waiting[0].cancel()
        waiting[2].cancel()
        done, _ = await asyncio.wait(waiting, timeout=5.0)
        return sum(1 for task in done if not task.cancelled())

    assert run_virtual(scenario()) == 3


def test_a_message_counts_from_its_request_until_its_response() -> None:
    """Arrival can be anywhere in the round trip, so the next message to a chat starts a second after the
    previous response, and the 31st overall waits for the first response as well as for the window."""

    async def scenario() -> list[float]:
        limiter = RateLimiter(TELEGRAM_LIMITS, "telegram")
        loop = asyncio.get_running_loop()
        starts: list[float] = []

        async def send() -> None:
            async with limiter.slot("7"):
                starts.append(loop.time())
                await asyncio.sleep(0.4)

        await asyncio.gather(send(), send(), send())
        return starts

    first, second, third = run_virtual(scenario())
    assert second - first >= 1.4 and third - second >= 1.4
