#!/usr/bin/env python3
"""Make the .wasm's panics trap at once, without formatting a message nobody reads.

    tools/wasm-trap-panics.py IN.wasm OUT.wasm

Run on wasm-bindgen's output (it still has its name section), before wasm-opt, which then drops
what only these functions reached. Each function below, found by its name, gets the body
`unreachable`.

Why it changes nothing a user sees: on wasm32-unknown-unknown, std's default panic hook has
nowhere to write (its panic output is `None`: library/std/src/sys/stdio/unsupported.rs), and the
panic then aborts, which is the `unreachable` instruction; the page sees the same
`RuntimeError: unreachable` either way. Yet the code that would format the message stays in,
because a hook set at run time could format it: `&s[a..b]` off a char boundary formats the char
with `Debug` (core's printable tables and escape code), `panic_fmt` runs the hook machinery.
With these bodies gone, so is that: 2.9 kB gzipped (what Rust's nightly-only
`panic_immediate_abort` does, on stable). A build with the `panic-hook` feature
(console_error_panic_hook, which logs the message: for debugging) is left as it is.

Only functions that never return (`-> !`) are listed: trapping sooner is all that changes.
wasm-bindgen's own `throw_str` (`unwrap_throw`, JsError) raises JavaScript errors the page does
read, and is left alone.
"""
import re
import sys

# Names as wasm-bindgen's name section spells them, once the `[crate hash]` and `::h…` suffixes
# are dropped. A function the crate no longer calls may be absent; `panic_fmt`, which every
# formatted panic calls, must be found, so that a toolchain which renames things fails here,
# not as a silently bigger .wasm.
TRAP = [
    "core::panicking::panic_fmt",  # every formatted panic goes through it
    "core::panicking::panic_bounds_check",
    "core::str::slice_error_fail",  # &s[a..b] off a char boundary: Debug of a char
    "core::str::slice_error_fail_rt",
    "core::slice::index::slice_index_fail",
    "core::slice::copy_from_slice_impl::len_mismatch_fail",
    "core::option::expect_failed",
    "core::result::unwrap_failed",
]


def leb(buf, i):
    result = shift = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def uleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def sections(buf):
    """(id, where it begins, where its contents begin, end) of each section."""
    i = 8
    while i < len(buf):
        sid = buf[i]
        size, j = leb(buf, i + 1)
        yield sid, i, j, j + size
        i = j + size


def plain(name):
    """`core[1234abcd]::str::f::h0123…` → `core::str::f`."""
    name = re.sub(r"\[[0-9a-f]+\]", "", name)
    return re.sub(r"::h[0-9a-f]{16}$", "", name)


def main():
    src, dst = sys.argv[1:3]
    buf = open(src, "rb").read()
    assert buf[:4] == b"\0asm", "not a .wasm"
    imported = 0
    names = {}
    code = None
    for sid, head, start, end in sections(buf):
        if sid == 2:  # imports: functions imported come first in the index space
            count, i = leb(buf, start)
            for _ in range(count):
                for _ in range(2):  # module, field
                    n, i = leb(buf, i)
                    i += n
                kind = buf[i]
                i += 1
                if kind == 0:
                    imported += 1
                    _, i = leb(buf, i)
                elif kind == 1:  # table: reftype, limits
                    i += 1
                    flags, i = leb(buf, i)
                    _, i = leb(buf, i)
                    if flags & 1:
                        _, i = leb(buf, i)
                elif kind == 2:  # memory: limits
                    flags, i = leb(buf, i)
                    _, i = leb(buf, i)
                    if flags & 1:
                        _, i = leb(buf, i)
                elif kind == 3:  # global: type, mutability
                    i += 2
                else:  # tag
                    i += 1
                    _, i = leb(buf, i)
        elif sid == 10:
            code = (head, start, end)
        elif sid == 0:
            n, i = leb(buf, start)
            if buf[i : i + n] != b"name":
                continue
            i += n
            while i < end:
                sub = buf[i]
                size, j = leb(buf, i + 1)
                if sub == 1:
                    count, k = leb(buf, j)
                    for _ in range(count):
                        idx, k = leb(buf, k)
                        n, k = leb(buf, k)
                        names[idx] = plain(buf[k : k + n].decode("utf-8", "replace"))
                        k += n
                i = j + size
    assert names, "no name section: run this before wasm-opt"
    if any(n.startswith("console_error_panic_hook::") for n in names.values()):
        open(dst, "wb").write(buf)
        print(f"{dst}: the panic hook is in: panics left as they are", file=sys.stderr)
        return
    assert code, "no code section"
    wanted = {}
    for idx, name in names.items():
        if name in TRAP:
            wanted.setdefault(name, []).append(idx - imported)
    assert "core::panicking::panic_fmt" in wanted, "no panic_fmt (renamed by a new toolchain?)"
    bodies = {b for idxs in wanted.values() for b in idxs}

    sec_start, start, end = code
    count, i = leb(buf, start)
    out = bytearray(uleb(count))
    trapped = 0
    for b in range(count):
        size, j = leb(buf, i)
        if b in bodies:
            # No locals; `unreachable`; `end`.
            out += uleb(3) + b"\x00\x00\x0b"
            trapped += size
        else:
            out += buf[i : j + size]
        i = j + size
    header = bytes([10]) + uleb(len(out))
    result = buf[:sec_start] + header + bytes(out) + buf[end:]
    open(dst, "wb").write(result)
    listed = ", ".join(f"{n} ({len(v)})" for n, v in wanted.items())
    print(f"{dst}: {trapped} bytes of code trap at once: {listed}", file=sys.stderr)


if __name__ == "__main__":
    main()
