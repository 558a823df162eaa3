"""Deployment settings from the environment, the Discord invite link, and the metrics the core reports."""

from __future__ import annotations

import os
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.config import ConfigError, load_settings
from bot.core.conversation import Conversations
from bot.core.service import BriefService
from bot.core.store import BriefStore
from bot.fanout import FanoutSender, Outbound
from bot.metrics import Metrics
from tests.conftest import MINI, ROOT, SEEDS
from tests.fakes_messenger import RecordingMessenger, run_virtual
from tests.test_digest_fanout import DIGEST, Hooks


def sample(metrics: Metrics, name: str, **labels: str) -> float:
    for family in text_string_to_metric_families(metrics.exposition().decode()):
        for s in family.samples:
            if s.name == name and s.labels == labels:
                return s.value
    raise AssertionError(f"{name}{labels} not exported")


def test_webhook_port_http_port_log_format_and_application_id_come_from_the_environment() -> None:
    settings = load_settings(environ={
        "BRIEFBOT_WEBHOOK_URL": "https://bot.example.test/telegram", "PORT": "10000",
        "BRIEFBOT_HTTP_PORT": "9100", "BRIEFBOT_LOG_FORMAT": "JSON", "DISCORD_APPLICATION_ID": "1234567890",
    })
    webhook = settings.telegram.webhook
    assert webhook.active and webhook.url == "https://bot.example.test/telegram" and webhook.port == 10000
    assert settings.http_port == 9100 and settings.log_format == "json"
    assert settings.discord.application_id == 1234567890


def test_defaults_poll_serve_no_http_and_log_text() -> None:
    settings = load_settings(environ={})
    assert not settings.telegram.webhook.active and settings.http_port is None and settings.log_format == "text"


@pytest.mark.parametrize("environ, named", [
    ({"BRIEFBOT_HTTP_PORT": "8443", "BRIEFBOT_WEBHOOK_URL": "https://x.test/telegram"}, "http_port"),
    ({"BRIEFBOT_HTTP_PORT": "70000"}, "http_port"),
    ({"BRIEFBOT_LOG_FORMAT": "xml"}, "log_format"),
    ({"PORT": "web"}, "PORT"),
])
def test_bad_deployment_settings_are_config_errors(environ: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(environ=environ)
    assert named in str(caught.value)


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "BRIEFBOT_", "TELEGRAM_"))}
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**clean, **env}, timeout=60)


def test_invite_url_has_exactly_the_scopes_and_permissions_the_bot_uses() -> None:
    done = run_cli("invite-url", DISCORD_APPLICATION_ID="1234567890")
    assert done.returncode == 0, done.stderr
    link = urlsplit(done.stdout.strip())
    query = parse_qs(link.query)
    assert link.scheme == "https" and link.path == "/oauth2/authorize"
    assert query["client_id"] == ["1234567890"]
    assert query["scope"] == ["bot applications.commands"]
    # Discord's permission bits: View Channel 10, Send Messages 11, Embed Links 14, Read Message History 16,
    # Send Messages in Threads 38. Nothing else: no admin, no manage, no mention-everyone.
    assert int(query["permissions"][0]) == (1 << 10) | (1 << 11) | (1 << 14) | (1 << 16) | (1 << 38)


def test_invite_url_without_an_application_id_is_one_line_and_exit_2() -> None:
    done = run_cli("invite-url")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "DISCORD_APPLICATION_ID" in done.stderr


def test_questions_and_reloads_reach_the_observer_by_platform() -> None:
    metrics = Metrics(["telegram"])
    service = BriefService(BriefStore(MINI, SEEDS), Conversations(10, 60), observer=metrics)
    service.ask("telegram:1", "who leads russia's delegation?")
    service.ask("discord:7", "what's the weather in paris?")
    service.reload()
    assert sample(metrics, "briefbot_questions_total", platform="telegram", outcome="answered") == 1
    assert sample(metrics, "briefbot_questions_total", platform="discord", outcome="unmatched") == 1
    assert sample(metrics, "briefbot_questions_total", platform="telegram", outcome="unmatched") == 0
    assert sample(metrics, "briefbot_answer_seconds_count") == 2
    assert sample(metrics, "briefbot_brief_reloads_total", result="ok") == 1


def test_digests_sent_and_rate_limit_retries_are_counted_per_platform() -> None:
    metrics = Metrics(["telegram"])
    messenger = RecordingMessenger(rate_limited={"slow": [1.0, 1.0]}, gone={"gone"})

    async def scenario() -> None:
        sender = FanoutSender([messenger], observer=metrics)
        await sender.send_all([Outbound("telegram", c, DIGEST) for c in ("a", "slow", "gone")], Hooks())

    run_virtual(scenario())
    assert sample(metrics, "briefbot_digests_sent_total", platform="telegram") == 2
    assert sample(metrics, "briefbot_platform_retries_total", platform="telegram") == 2
