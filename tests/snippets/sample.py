"""Retry helpers for flaky network calls."""
import functools
import time


class RetryError(Exception):
    pass


class Retrier:
    def __init__(self, attempts=3, delay=0.5):
        self.attempts = attempts
        self.delay = delay

    @functools.lru_cache(maxsize=None)
    def backoff(self, n):
        return self.delay * 2 ** n

    def call(self, fn, *args, **kwargs):
        for n in range(self.attempts):
            try:
                return fn(*args, **kwargs)
            except OSError as exc:  # transient
                last = exc
                time.sleep(self.backoff(n))
        raise RetryError(f"gave up after {self.attempts}") from last


def retry(fn):
    @functools.wraps(fn)
    def wrapper(*a, **kw):
        return Retrier().call(fn, *a, **kw)
    return wrapper
