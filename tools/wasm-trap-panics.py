#!/usr/bin/env python3
"""Make the .wasm's panics trap at once, without the code that formats a message nobody reads.

    tools/wasm-trap-panics.py IN.wasm OUT.wasm [--relocs CARGO.wasm]

Run on wasm-bindgen's output (it still has its name section), before wasm-opt, which then drops
what only these functions reached. Each function in `TRAP` (and, with `--relocs`, in `DEAD`),
found by its name, gets the body `unreachable`; with `--relocs`, data only they read is zeroed.

Why it changes nothing a user sees: on wasm32-unknown-unknown, std's default panic hook has
nowhere to write (its panic output is `None`: library/std/src/sys/stdio/unsupported.rs), and the
panic then aborts, which is the `unreachable` instruction; the page sees the same
`RuntimeError: unreachable` either way. Yet the code that would format the message stays in,
because a hook set at run time could format it: `&s[a..b]` off a char boundary formats the char
with `Debug` (core's printable tables and escape code), `panic_fmt` runs the hook machinery.
With these bodies gone, so is most of that (what Rust's nightly-only `panic_immediate_abort`
does, on stable): 7.0 kB gzipped in all (149,930 → 142,955 B), of which the functions of
`DEAD` are 1.5 kB and the data 2.6 kB. A build with the `panic-hook` feature
(console_error_panic_hook, which logs the message: for debugging) is left as it is.

`TRAP` holds only functions that never return (`-> !`): trapping sooner is all that changes.
wasm-bindgen's own `throw_str` (`unwrap_throw`, JsError) raises JavaScript errors the page does
read, and is left alone.

`DEAD` holds functions that do return, but that nothing can reach once `TRAP`'s bodies are
gone: wasm-opt cannot drop them itself, since their address is in the function table (a
`fmt::Argument` of `slice_error_fail_rt`'s message took it, or a vtable in data that only the
panic handler reads holds it) and the table stays whole. That nothing else reaches them is
checked, not assumed: `--relocs` names cargo's own .wasm (before wasm-bindgen) linked with
`--emit-relocs`, whose relocations list every call and every address taken, in code or in
data; a walk from the exports that does not go through `TRAP` functions must not reach a
`DEAD` function, else it is kept and a note printed. The same walk finds the data nothing
reached but the trapped code (the message pieces, core's tables of printable chars and
grapheme extenders for `Debug`, the payloads' vtables): those bytes become zeros, which
wasm-opt's memory packing leaves out of the file (memory starts zeroed), where wasm-bindgen's
output holds at that address the very bytes cargo's did. What JavaScript could read is never
zeroed: a `#[no_mangle]` static's address is exported as a global, and counts as reached.
The relocation sections wasm-bindgen copied into IN are dropped from OUT.
"""
import re
import sys

from wasm_module import data_segments, function_names, imports, leb, sections, sleb

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
    "core::option::unwrap_failed",
    "core::result::unwrap_failed",
    "core::cell::panic_already_borrowed",
    "core::cell::panic_already_mutably_borrowed",
    "core::panicking::panic",
    "core::panicking::panic_const::panic_const_div_by_zero",
    "alloc::raw_vec::capacity_overflow",
    "alloc::alloc::handle_alloc_error",  # std's hook would report it nowhere, then abort
    "std::sync::lazy_lock::panic_poisoned",
]

# Each: a pattern for the names in wasm-bindgen's output, and one for the mangled (v0) names in
# cargo's. Trapped only if no function the second matches can be reached (`unreachable_dead`),
# and only as many as the second matched.
DEAD = [
    (r"^<char as core::fmt::Debug>::fmt$", r"^_RNvX\w*_4core3fmtcNtB\w+_5Debug3fmt$"),
    (
        r"^<core::ops::range::Range<usize> as core::fmt::Debug>::fmt$",
        r"^_RNvX\w*_4core3ops5rangeINtB\w+_5RangejENtNtB\w+_3fmt5Debug3fmt",
    ),
    # What std's panic handler hands the hook: its vtables are in data only the handler uses.
    (
        r"^(<std::panicking::panic_handler::(FormatString|StaticStr)Payload as |"
        r"core::ptr::drop_in_place::<std::panicking::panic_handler::FormatStringPayload>$)",
        r"^_R\w*_3std9panicking13panic_handler(NtB\w+_)?(19FormatString|16StaticStr)Payload",
    ),
]


# Relocation kinds that hold a data address (R_WASM_MEMORY_ADDR_*), from Linking.md.
MEMORY_ADDR = (3, 4, 5, 11, 14, 15, 16, 17, 21, 23, 25)


def uleb(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def plain(name):
    """`core[1234abcd]::str::f::h0123…` → `core::str::f`."""
    name = re.sub(r"\[[0-9a-f]+\]", "", name)
    return re.sub(r"::h[0-9a-f]{16}$", "", name)


def mangled(path):
    """A pattern for the mangled name of `a::b::c`: v0 (`…1a1b1c`), legacy (`_ZN1a1b1c17h…E`)."""
    parts = "".join(f"{len(p)}{p}" for p in path.split("::"))
    return rf"{parts}(17h[0-9a-f]{{16}}E)?$"


def unreachable_dead(path):
    """What nothing reaches in cargo's .wasm at `path` once `TRAP` traps: the `DEAD` entries
    (pattern, how many functions), the data ((address, its bytes) runs), the `TRAP` names
    found, and notes on what is kept.

    Reads the `linking` section's symbol table and the `reloc.CODE` and `reloc.DATA` sections
    that `--emit-relocs` keeps (tool-conventions/Linking.md): every call, every function
    address and every data address, with the function or the data symbol it lies in. From the
    exports, following those references but not out of a `TRAP` function, everything reached
    is marked; a reference from data no symbol covers counts as reached, and so does the data
    an exported global points at. An entry is dropped only if none of the functions its
    mangled pattern matches is marked; data, if no marked symbol holds the byte."""
    buf = open(path, "rb").read()
    imported, names, symbols, code, data, relocs = 0, {}, [], None, None, {}
    roots, globals, exported_globals = set(), [], []
    for sid, name, _, start, end in sections(buf):
        if sid == 2:
            imported, imported_globals = imports(buf, start)
            globals = [None] * imported_globals
        elif sid == 6:  # each global's initial value: a #[no_mangle] static's address, say
            count, i = leb(buf, start)
            for _ in range(count):
                i += 2  # type, mutability
                op, i = buf[i], i + 1
                value = None
                if op == 0x41:  # i32.const
                    value, i = sleb(buf, i)
                elif op in (0x42, 0x23, 0xD2):  # i64.const, global.get, ref.func
                    _, i = leb(buf, i)
                else:  # f32.const, f64.const, ref.null
                    i += {0x43: 4, 0x44: 8, 0xD0: 1}[op]
                assert buf[i] == 0x0B, "global: one instruction"
                i += 1
                globals.append(value)
        elif sid == 7:
            count, i = leb(buf, start)
            for _ in range(count):
                n, i = leb(buf, i)
                i += n
                kind = buf[i]
                idx, i = leb(buf, i + 1)
                if kind == 0:
                    roots.add(("f", idx))
                elif kind == 3:
                    exported_globals.append(idx)
        elif sid == 8:
            roots.add(("f", leb(buf, start)[0]))
        elif sid == 10:
            code = start
        elif sid == 11:
            data = start
        elif name == "name":
            names = function_names(buf, start, end)
        elif name == "linking":
            symbols = symbol_table(buf, start, end)
        elif name in ("reloc.CODE", "reloc.DATA"):
            relocs[name] = (start, end)
    if not symbols or "reloc.CODE" not in relocs or "reloc.DATA" not in relocs:
        return [], [], [], f"{path} has no relocations (link it with --emit-relocs)"

    # Where each function body and each data segment lies in its section.
    bodies = []
    count, i = leb(buf, code)
    for f in range(count):
        size, j = leb(buf, i)
        bodies.append((i - code, ("f", imported + f)))
        i = j + size
    segments = [(a, i - data, size) for a, i, size in data_segments(buf, data)]
    # Data symbols by where they lie in the data section.
    spans = sorted(
        (segments[s[1]][1] + s[2], segments[s[1]][1] + s[2] + s[3], ("d", n))
        for n, s in enumerate(symbols)
        if s[0] == "data" and s[1] is not None
    )

    # A #[no_mangle] static is exported as a global holding its address: what JavaScript may
    # read there counts as reached.
    for g in exported_globals:
        address = globals[g] if g < len(globals) else None
        for lo, hi, n in spans:
            seg = symbols[n[1]][1]
            base, at, _ = segments[seg]
            if address is not None and base is not None:
                if base + lo - at <= address < base + hi - at:
                    roots.add(n)

    def node(symbol):
        kind = symbols[symbol][0] if symbol < len(symbols) else None
        if kind == "function":
            return ("f", symbols[symbol][1])
        if kind == "data":
            return ("d", symbol)
        return None

    def containing(table, offset):
        lo, hi = 0, len(table) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if table[mid][0] <= offset else (lo, mid - 1)
        return lo

    edges = {}
    for name, (start, end) in relocs.items():
        n, i = leb(buf, start)
        i += n
        _, i = leb(buf, i)  # the section they apply to
        count, i = leb(buf, i)
        for _ in range(count):
            kind = buf[i]
            offset, i = leb(buf, i + 1)
            index, i = leb(buf, i)
            if kind in MEMORY_ADDR or kind in (8, 9, 22):  # these have an addend
                _, i = leb(buf, i)  # (signed, but only skipped)
            if kind in (6, 7, 10, 13, 20):  # a type, a global, a tag, a table: not code or data
                continue
            target = node(index)
            if target is None:
                # A data address must name a data symbol, or what it reads is unknown.
                assert kind not in MEMORY_ADDR, f"data address of symbol {index}: not data"
                continue
            if name == "reloc.CODE":
                where = bodies[containing(bodies, offset)][1]
            else:
                k = containing(spans, offset) if spans else 0
                inside = spans and spans[k][0] <= offset < spans[k][1]
                where = spans[k][2] if inside else None
            if where is None:
                roots.add(target)
            else:
                edges.setdefault(where, []).append(target)

    trap_patterns = [re.compile(mangled(t)) for t in TRAP]
    trapped = {("f", i) for i, n in names.items() if any(p.search(n) for p in trap_patterns)}
    reached, todo = set(), list(roots)
    while todo:
        n = todo.pop()
        if n in reached:
            continue
        reached.add(n)
        if n not in trapped:
            todo.extend(edges.get(n, []))

    # Unreached data: where it is in memory and its bytes, less any byte a reached symbol holds.
    kept = set()
    for lo, hi, n in spans:
        if n in reached:
            kept.update(range(lo, hi))
    zero = []
    for lo, hi, n in spans:
        if n in reached or hi == lo:
            continue
        seg = symbols[n[1]][1]
        address, at, _ = segments[seg]
        if address is None:
            continue
        for k in range(lo, hi):
            if k in kept:
                continue
            spot = address + k - at
            if zero and zero[-1][0] + len(zero[-1][1]) == spot:
                zero[-1] = (zero[-1][0], zero[-1][1] + buf[data + k : data + k + 1])
            else:
                zero.append((spot, buf[data + k : data + k + 1]))

    found, notes = [], []
    for plain_pattern, pattern in DEAD:
        ids = [i for i, n in names.items() if re.search(pattern, n)]
        alive = [names[i] for i in ids if ("f", i) in reached]
        if not ids:
            notes.append(f"{plain_pattern}: nothing matches {pattern}")
        elif alive:
            notes.append(f"{plain_pattern}: reached: {alive[:2]}")
        else:
            found.append((plain_pattern, len(ids)))
    seen = sorted({t for t in TRAP for i in trapped if re.search(mangled(t), names.get(i[1], ""))})
    return found, zero, seen, "; ".join(notes)


def symbol_table(buf, start, end):
    """The `linking` section's symbols: ("function", index), ("data", segment, offset, size)
    (segment None if undefined), or (kind,) for the others."""
    n, i = leb(buf, start)
    i += n
    _, i = leb(buf, i)  # version
    out = []
    while i < end:
        sub = buf[i]
        size, j = leb(buf, i + 1)
        if sub == 8:  # WASM_SYMBOL_TABLE
            count, k = leb(buf, j)
            for _ in range(count):
                kind = buf[k]
                flags, k = leb(buf, k + 1)
                undefined, explicit_name = flags & 0x10, flags & 0x40
                if kind in (0, 2, 4, 5):  # function, global, tag, table: index, then a name
                    idx, k = leb(buf, k)
                    if not undefined or explicit_name:
                        n, k = leb(buf, k)
                        k += n
                    out.append(("function", idx) if kind == 0 else ("other",))
                elif kind == 1:  # data: name, then where it is if defined
                    n, k = leb(buf, k)
                    k += n
                    place = (None, None, None)
                    if not undefined:
                        seg, k = leb(buf, k)
                        off, k = leb(buf, k)
                        size_, k = leb(buf, k)
                        place = (seg, off, size_)
                    out.append(("data",) + place)
                else:  # section
                    _, k = leb(buf, k)
                    out.append(("other",))
        i = j + size
    return out


def main():
    args = sys.argv[1:]
    relocs = None
    if "--relocs" in args:
        at = args.index("--relocs")
        relocs = args[at + 1]
        del args[at : at + 2]
    src, dst = args
    buf = open(src, "rb").read()
    assert buf[:4] == b"\0asm", "not a .wasm"
    imported, names, code, dropped = 0, {}, None, []
    for sid, name, head, start, end in sections(buf):
        if sid == 2:
            imported, _ = imports(buf, start)
        elif sid == 10:
            code = (head, start, end)
        elif name == "name":
            names = {i: plain(n) for i, n in function_names(buf, start, end).items()}
        elif name is not None and (name == "linking" or name.startswith("reloc.")):
            dropped.append((head, end))
    assert names, "no name section: run this before wasm-opt"
    # Stale once wasm-bindgen has rewritten the code: no use to anything after this.
    assert code and all(head > code[2] for head, _ in dropped), "relocations before the code"
    for head, end in reversed(dropped):
        buf = buf[:head] + buf[end:]
    if any(n.startswith("console_error_panic_hook::") for n in names.values()):
        open(dst, "wb").write(buf)
        print(f"{dst}: the panic hook is in: panics left as they are", file=sys.stderr)
        return
    wanted = {}
    for idx, name in names.items():
        if name in TRAP:
            wanted.setdefault(name, []).append(idx - imported)
    assert "core::panicking::panic_fmt" in wanted, "no panic_fmt (renamed by a new toolchain?)"
    zeroed = 0
    if relocs:
        dead, zero, seen, note = unreachable_dead(relocs)
        if note:
            print(f"{dst}: kept: {note}", file=sys.stderr)
        # The walk took each of `seen` to trap. One not trapped here must be gone (wasm-bindgen
        # drops what only its descriptors called), not merely named otherwise: else trust none
        # of the walk.
        odd = [t for t in seen if t not in wanted
               and any(n.endswith(t.rsplit("::", 1)[-1]) for n in names.values())]
        if odd:
            print(f"{dst}: {odd} not found as in {relocs}: nothing more", file=sys.stderr)
            dead, zero = [], []
        for plain_pattern, count in dead:
            ids = [i for i, n in names.items() if re.search(plain_pattern, n)]
            assert len(ids) <= count, f"{plain_pattern}: {len(ids)} here, {count} in cargo's"
            for idx in ids:
                wanted.setdefault(names[idx], []).append(idx - imported)
        # Data nothing reached: zeros, which wasm-opt's memory packing then leaves out. Only
        # where wasm-bindgen's output holds the very bytes cargo's held at that address.
        buf = bytearray(buf)
        segments = [x for sid, _, _, start, _ in sections(buf) if sid == 11
                    for x in data_segments(buf, start)]
        for address, old in zero:
            for base, at, size in segments:
                if base is not None and base <= address and address + len(old) <= base + size:
                    k = at + address - base
                    if buf[k : k + len(old)] == old:
                        buf[k : k + len(old)] = bytes(len(old))
                        zeroed += len(old)
                    break
        buf = bytes(buf)
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
    if zeroed:
        print(f"{dst}: {zeroed} bytes of data only they read are zeros", file=sys.stderr)


if __name__ == "__main__":
    main()
