"""Reading a .wasm's sections: what tools/wasm-top.py and tools/wasm-trap-panics.py share.

Offsets are into the whole file's bytes; LEB128 numbers as the binary format writes them.
"""


def _leb_bits(buf, i):
    """The LEB128 number at `i`, unsigned: (value, its bit count, its last byte, the next offset)."""
    result = shift = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, shift, b, i


def leb(buf, i):
    result, _, _, i = _leb_bits(buf, i)
    return result, i


def sleb(buf, i):
    result, shift, last, i = _leb_bits(buf, i)
    return result - (1 << shift) if last & 0x40 else result, i


def data_segments(buf, start):
    """The data section at `start`: (its address in memory or None if passive, where its bytes
    begin in `buf`, size) for each segment."""
    out = []
    count, i = leb(buf, start)
    for _ in range(count):
        flags, i = leb(buf, i)
        if flags == 2:
            _, i = leb(buf, i)  # memory index
        address = None
        if flags != 1:  # active: the offset, `i32.const n` (what Rust's linker writes), `end`
            assert buf[i] == 0x41 and flags in (0, 2), f"data offset: opcode {buf[i]:#x}"
            address, i = sleb(buf, i + 1)
            assert buf[i] == 0x0B, "data offset: one instruction"
            i += 1
        size, i = leb(buf, i)
        out.append((address, i, size))
        i += size
    return out


def sections(buf):
    """(id, custom section's name or None, where it begins, where its contents begin, end)."""
    i = 8
    while i < len(buf):
        sid = buf[i]
        size, j = leb(buf, i + 1)
        name = None
        if sid == 0:
            n, k = leb(buf, j)
            name = buf[k : k + n].decode("utf-8", "replace")
        yield sid, name, i, j, j + size
        i = j + size


def imports(buf, start):
    """How many functions and how many globals the import section at `start` brings in (they
    come first in their index spaces)."""
    count, i = leb(buf, start)
    functions = globals_ = 0
    for _ in range(count):
        for _ in range(2):  # module, field
            n, i = leb(buf, i)
            i += n
        kind = buf[i]
        i += 1
        if kind == 0:  # function: type index
            functions += 1
            _, i = leb(buf, i)
        elif kind in (1, 2):  # table (a reftype first), memory: limits
            i += kind == 1
            flags, i = leb(buf, i)
            _, i = leb(buf, i)
            if flags & 1:
                _, i = leb(buf, i)
        elif kind == 3:  # global: type, mutability
            globals_ += 1
            i += 2
        else:  # tag
            i += 1
            _, i = leb(buf, i)
    return functions, globals_


def function_names(buf, start, end):
    """Function index → name, from the name section's contents."""
    n, i = leb(buf, start)
    i += n
    names = {}
    while i < end:
        sub = buf[i]
        size, j = leb(buf, i + 1)
        if sub == 1:
            count, k = leb(buf, j)
            for _ in range(count):
                idx, k = leb(buf, k)
                n, k = leb(buf, k)
                names[idx] = buf[k : k + n].decode("utf-8", "replace")
                k += n
        i = j + size
    return names
