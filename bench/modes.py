"""How big and how long each mode runs."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Mode:
    name: str
    leaders: int
    staff: int
    reps: int  # requests per screen for CPU and server time
    connections: tuple[int, ...]  # closed-loop load levels
    load_s: float  # seconds per level
    users: tuple[int, ...]  # Locust levels
    spawn_rate: float
    steady_s: int  # Locust seconds measured after the ramp and the settling
    browser: bool
    settle_s: int = 20  # Locust seconds after the ramp before the figures restart
    think: tuple[float, float] = (5, 15)  # Locust think time between tasks, seconds


MODES = {
    # The smoke test's mode: seconds, everything but the browser (tests/views/test_bench.py).
    "tiny": Mode("tiny", 2, 8, 3, (1, 4), 1, (4,), 4, 3, False, settle_s=1, think=(0.2, 0.5)),
    # Under 10 minutes for both databases on a 2-core machine.
    "quick": Mode("quick", 20, 200, 20, (1, 20, 200), 10, (50, 200), 10, 45, True),
    "full": Mode("full", 50, 500, 100, (1, 20, 200), 30, (50, 200, 500), 10, 180, True),
}
