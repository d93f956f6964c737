"""A writer SIGKILLed at 200 random moments never leaves a torn or stale file."""

from __future__ import annotations

import os
import random
import signal
import time

import pytest

from coplan_tui.store import Store

KILLS = 200


def _writer(db_path, ack_fd: int) -> None:
    """Child: write counter n, then acknowledge n, forever."""
    store = Store(db_path)
    n = store.setting("counter", 0)
    while True:
        n += 1
        store.commit(settings={"counter": n, "payload": "x" * (n % 4000)})
        os.write(ack_fd, f"{n}\n".encode())


@pytest.mark.serial  # real-clock: the children must get real work done between kills
def test_sigkill_at_random_moments_leaves_the_last_acknowledged_write(db_path):
    Store(db_path).set_setting("counter", 0)
    rng = random.Random(1234)
    last_acked = 0
    for _ in range(KILLS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # child
            os.close(read_fd)
            try:
                _writer(db_path, write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        time.sleep(rng.uniform(0.0, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        acks = b""
        while chunk := os.read(read_fd, 65536):
            acks += chunk
        os.close(read_fd)
        if acks.strip():
            last_acked = int(acks.split()[-1])
        on_disk = Store(db_path).setting("counter")
        # The write in flight when the kill came may or may not have landed; nothing older.
        assert on_disk in (last_acked, last_acked + 1), (on_disk, last_acked)
        last_acked = on_disk
    assert last_acked > KILLS / 4  # the children did real work between kills
