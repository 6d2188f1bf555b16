import pytest


@pytest.fixture(autouse=True)
def fixed_clock(now):
    """Every directory test runs at the root conftest's fixed "now" (reviews, reminders, throttles)."""
