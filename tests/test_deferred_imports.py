"""Library modules the running bot never uses stay unimported until something uses them (bot/deferred_import.py).
Each check runs in a fresh interpreter: this one may hold the modules already."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def _run(code: str) -> None:
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_bots_schedulers_import_without_apschedulers_pool_executors_which_still_work_when_made() -> None:
    _run(
        "import asyncio, sys\n"
        "from bot.bootstrap import _scheduler_imported\n"
        "with _scheduler_imported():\n"
        "    import bot.curating, bot.scheduling\n"
        "assert 'multiprocessing' not in sys.modules and 'concurrent.futures.process' not in sys.modules\n"
        "from apscheduler.schedulers.asyncio import AsyncIOScheduler\n"
        "from apscheduler.executors.pool import ThreadPoolExecutor\n"
        # The bot's kind of scheduler runs a job on the event loop, the stand-in never made.
        "async def main():\n"
        "    done = asyncio.Event()\n"
        "    scheduler = AsyncIOScheduler()\n"
        "    scheduler.add_job(done.set)\n"
        "    scheduler.start()\n"
        "    await asyncio.wait_for(done.wait(), 10)\n"
        "    scheduler.shutdown()\n"
        "asyncio.run(main())\n"
        "assert 'multiprocessing' not in sys.modules\n"
        # Made by anyone, the pool executors are the real ones, and a scheduler's default thread pool runs jobs.
        "import threading\n"
        "from apscheduler.schedulers.background import BackgroundScheduler\n"
        "pool = ThreadPoolExecutor()\n"
        "import apscheduler.executors.pool as real\n"
        "assert 'multiprocessing' in sys.modules and real.ThreadPoolExecutor is not ThreadPoolExecutor\n"
        "assert type(pool) is real.ThreadPoolExecutor and isinstance(pool, ThreadPoolExecutor)\n"
        "ran = threading.Event()\n"
        "background = BackgroundScheduler()\n"
        "background.add_job(ran.set)\n"
        "background.start()\n"
        "assert ran.wait(10)\n"
        "background.shutdown()\n"
        "assert isinstance(background._executors['default'], real.ThreadPoolExecutor)\n"
        "assert type(real.ProcessPoolExecutor()).__module__ == 'apscheduler.executors.pool'\n"
    )


def test_a_deferred_module_is_left_alone_when_it_or_its_importer_is_loaded_already() -> None:
    _run(
        "import sys\n"
        "import apscheduler.executors.pool as real\n"
        "from bot.bootstrap import _scheduler_imported\n"
        "with _scheduler_imported() as stand_in:\n"
        "    import bot.curating\n"
        "assert stand_in is None and sys.modules['apscheduler.executors.pool'] is real\n"
    )
