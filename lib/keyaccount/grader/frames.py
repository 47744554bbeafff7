"""Length-prefixed JSON messages between the grader, the warm process and a learner's process."""
import json
import struct

_HEADER = struct.Struct(">I")


class FrameError(ValueError):
    """A message that is too big or not JSON (the other side is broken or hostile)."""


def pack(message) -> bytes:
    body = json.dumps(message, ensure_ascii=False, allow_nan=False).encode()
    return _HEADER.pack(len(body)) + body


class Reader:
    """Feed bytes in, take whole messages out; refuses more than ``budget`` bytes in all."""

    def __init__(self, budget: int):
        self.budget = budget
        self._buffer = b""

    def feed(self, data: bytes):
        """The whole messages ``data`` completes, one by one (those before a bad one count)."""
        self.budget -= len(data)
        if self.budget < 0:
            raise FrameError("too much data")
        self._buffer += data
        while len(self._buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self._buffer)
            if size > self.budget + len(self._buffer):
                raise FrameError("message too big")
            if len(self._buffer) < _HEADER.size + size:
                return
            body, self._buffer = self._buffer[_HEADER.size:_HEADER.size + size], self._buffer[_HEADER.size + size:]
            try:
                yield json.loads(body, parse_constant=_reject)
            except (ValueError, RecursionError) as e:
                raise FrameError("not JSON") from e


def _reject(name):
    raise ValueError(name)
