#!/usr/bin/env python3
"""What is big in a .wasm: section sizes, the largest functions (by the name section) and data.

A small stand-in for `twiggy top`, with no install: run it on a build that still has its
name section (cargo's, before wasm-opt strips it):

  cargo build --release --target wasm32-unknown-unknown --lib
  tools/wasm-top.py target/wasm32-unknown-unknown/release/unspool.wasm [N]

Prints each section's size, the N largest function bodies with their demangled-ish names, the
same bodies grouped by crate (the first path segment of the name), and the data segments.

Data has no names in a .wasm; wasm-ld's link map has them. With `--map FILE`, the data is
attributed to the crate (or object) it came from, with its largest pieces:

  CARGO_TARGET_DIR=target/map CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
    RUSTFLAGS="-C link-arg=--Map=/tmp/unspool.map" \
    cargo build --release --target wasm32-unknown-unknown --lib
  tools/wasm-top.py target/map/wasm32-unknown-unknown/release/unspool.wasm 40 --map /tmp/unspool.map
"""
from __future__ import annotations

import collections
import re
import sys

from wasm_module import data_segments, function_names, imports, leb, sections


SECTIONS = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
            6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data",
            12: "datacount"}


def demangle(name: str) -> str:
    """Readable enough: strip the legacy `_ZN...E` mangling into `a::b::c`."""
    if name.startswith("_ZN") and name.endswith("E"):
        parts, i, s = [], 3, name[3:-1]
        i = 0
        while i < len(s) and s[i].isdigit():
            j = i
            while s[j].isdigit():
                j += 1
            n = int(s[i:j])
            parts.append(s[j:j + n])
            i = j + n
        if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
            parts.pop()
        name = "::".join(parts)
    return name.replace("$LT$", "<").replace("$GT$", ">").replace("$u20$", " ").replace(
        "$RF$", "&").replace("..", "::").replace("$C$", ",")


def crate_of(name: str) -> str:
    """The crate a function belongs to: for `<T as Trait>::f`, the crate of the trait when it
    is a serialisation or formatting trait (that is where the code comes from), else of T."""
    m = re.match(r"_R\w*?Cs[0-9A-Za-z]*_(\d+)", name)
    if m:  # v0 mangling: the first crate root
        start = m.end()
        return name[start:start + int(m.group(1))]
    name = name.lstrip("_")
    m = re.match(r"<(?:&(?:mut )?)?([A-Za-z_][A-Za-z0-9_]*)[^ ]* as ([A-Za-z_][A-Za-z0-9_]*)", name)
    if m:
        return f"{m.group(1)} as {m.group(2)}"
    m = re.match(r"<?(?:&(?:mut )?)?([A-Za-z_][A-Za-z0-9_]*)", name)
    return m.group(1) if m else "?"


def data_by_input(map_path: str, top: int) -> None:
    """The link map's data pieces (.rodata, .data) by the crate or object they came from."""
    pieces = []
    for line in open(map_path, encoding="utf-8", errors="replace"):
        m = re.match(r"\s*([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+(\S.*):\((\.r?o?data[^)]*)\)$", line)
        if not m:
            continue
        size, source, section = int(m.group(2), 16), m.group(3), m.group(4)
        lib = re.search(r"lib([A-Za-z0-9_]+?)-[0-9a-f]+\.rlib", source)
        crate = lib.group(1) if lib else re.sub(r"\..*", "", source.rsplit("/", 1)[-1])
        symbol = section.split(".", 2)[-1]
        pieces.append((size, crate, demangle(symbol)))
    by_crate: collections.Counter[str] = collections.Counter()
    for size, crate, _ in pieces:
        by_crate[crate] += size
    print(f"\ndata by input (link map): {sum(by_crate.values())} B")
    for crate, size in by_crate.most_common(15):
        print(f"  {size:>8} B  {crate}")
    print(f"\nlargest {top} data pieces:")
    for size, crate, symbol in sorted(pieces, reverse=True)[:top]:
        print(f"  {size:>8} B  {crate}: {symbol[:90]}")


def main() -> int:
    args = sys.argv[1:]
    map_path = None
    if "--map" in args:
        k = args.index("--map")
        map_path = args[k + 1]
        del args[k:k + 2]
    path = args[0]
    top = int(args[1]) if len(args) > 1 else 40
    buf = open(path, "rb").read()
    assert buf[:4] == b"\0asm", "not a wasm module"
    sizes = []
    imported_funcs = 0
    bodies: list[int] = []
    names: dict[int, str] = {}
    data: list[int] = []
    for sid, cname, _, start, end in sections(buf):
        label = SECTIONS.get(sid, str(sid))
        if sid == 0:
            label = f"custom:{cname}"
            if cname == "name":
                names = function_names(buf, start, end)
        elif sid == 2:
            imported_funcs = imports(buf, start)[0]
        elif sid == 10:
            count, p = leb(buf, start)
            for _ in range(count):
                bsize, p = leb(buf, p)
                bodies.append(bsize)
                p += bsize
        elif sid == 11:
            data = [size for _, _, size in data_segments(buf, start)]
        sizes.append((label, end - start))

    total = len(buf)
    print(f"{path}: {total} bytes")
    for label, size in sizes:
        print(f"  {label:<28} {size:>9} B  {100 * size / total:5.1f}%")
    funcs = [(size, demangle(names.get(imported_funcs + k, f"func[{imported_funcs + k}]")))
             for k, size in enumerate(bodies)]
    funcs.sort(reverse=True)
    print(f"\nlargest {top} of {len(funcs)} function bodies:")
    for size, name in funcs[:top]:
        print(f"  {size:>8} B  {name[:110]}")
    by_crate: collections.Counter[str] = collections.Counter()
    for size, name in funcs:
        by_crate[crate_of(name)] += size
    print("\nfunction bodies by first path segment:")
    for crate, size in by_crate.most_common(30):
        print(f"  {size:>8} B  {crate}")
    print(f"\ndata: {len(data)} segments, {sum(data)} B; largest: {sorted(data, reverse=True)[:8]}")
    if map_path:
        data_by_input(map_path, top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
