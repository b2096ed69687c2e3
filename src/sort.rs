//! One stable sort by an integer key for the crate's few sorts, so the `.wasm` carries one
//! copy of the standard library's sort code instead of one per element type (each copy of
//! `sort_by_key` is ~5 KB there).

/// Sorts `v` by `key`, stably (equal keys keep their order), as `sort_by_key` does.
///
/// The keys are sorted with their indices as (key, index) pairs: the pairs are all distinct,
/// so an unstable sort puts them in the one order a stable sort by key gives; `v` is then
/// put in that order in place, following the permutation's cycles. Natively the walk is
/// inline; in the .wasm, where each element type has its own copy of this function, only
/// the keys' collection and a swap loop are generic ([`swap_by_cycles`]: the walk, with its
/// indexing and panic paths, is [`Cycles`], compiled once). The .wasm's way costs natively
/// 0.1% of x-1000's instructions (a call a swap).
pub(crate) fn sort_by_key<T>(v: &mut [T], key: impl Fn(&T) -> u64) {
    if v.len() < 2 {
        return;
    }
    #[allow(unused_mut)] // sorted here natively, in `Cycles::new` in the .wasm
    let mut order: Vec<(u64, usize)> = v.iter().map(&key).zip(0..).collect();
    #[cfg(target_arch = "wasm32")]
    swap_by_cycles(v, order);
    #[cfg(not(target_arch = "wasm32"))]
    {
        sort_pairs(&mut order);
        // `order[j].1` is the index of the element that goes to `j`: follow each cycle,
        // swapping each element into place; a done position is marked with usize::MAX.
        let mut from: Vec<usize> = order.into_iter().map(|(_, i)| i).collect();
        for start in 0..from.len() {
            let mut j = start;
            while from[j] != usize::MAX {
                let i = from[j];
                from[j] = usize::MAX;
                if i == start {
                    break;
                }
                v.swap(j, i);
                j = i;
            }
        }
    }
}

/// Puts `v` in the order of `order` ((key, index) pairs) once sorted, by the swaps
/// [`Cycles`] names: the .wasm's [`sort_by_key`].
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn swap_by_cycles<T>(v: &mut [T], order: Vec<(u64, usize)>) {
    let mut cycles = Cycles::new(order);
    while let Some((j, i)) = cycles.next_swap() {
        // Always inside `v` (the indices are a permutation of its own): the test lets the
        // compiler drop `swap`'s bounds checks and their panic paths.
        if j < v.len() && i < v.len() {
            v.swap(j, i);
        }
    }
}

/// The swaps that put a sequence in the order of its sorted (key, index) pairs: the
/// permutation's cycles, followed one swap at a time.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
struct Cycles {
    /// `from[j]` is the index of the element that goes to `j`; `usize::MAX` once placed.
    from: Vec<usize>,
    /// The cycle being followed starts here.
    start: usize,
    /// The position being filled.
    j: usize,
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
impl Cycles {
    /// Sorts `order` ((key, index) pairs) and starts at its first cycle.
    fn new(mut order: Vec<(u64, usize)>) -> Cycles {
        sort_pairs(&mut order);
        Cycles {
            from: order.into_iter().map(|(_, i)| i).collect(),
            start: 0,
            j: 0,
        }
    }

    /// The next swap `(j, i)` (swap positions `j` and `i`), or `None` when all is in place.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn next_swap(&mut self) -> Option<(usize, usize)> {
        while self.start < self.from.len() {
            let j = self.j;
            match self.from.get_mut(j) {
                Some(f) if *f != usize::MAX => {
                    let i = std::mem::replace(f, usize::MAX);
                    if i != self.start {
                        self.j = i;
                        return Some((j, i));
                    }
                }
                _ => {}
            }
            // This cycle is closed: the next starts at the next position.
            self.start += 1;
            self.j = self.start;
        }
        None
    }
}

/// The one sort: not generic, so compiled once. Natively the standard library's; in the
/// .wasm a plain merge sort ([`merge_sort`]: a few hundred bytes against ~4 KB of
/// `sort_unstable`'s quicksort, heapsort and small-sort networks).
#[inline(never)]
fn sort_pairs(pairs: &mut [(u64, usize)]) {
    #[cfg(target_arch = "wasm32")]
    merge_sort(pairs);
    #[cfg(not(target_arch = "wasm32"))]
    pairs.sort_unstable();
}

/// Sorts `pairs` ascending: bottom-up merge sort, runs of 1, 2, 4, … merged back and forth
/// between `pairs` and one scratch copy. O(n log n) for any input.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn merge_sort(pairs: &mut [(u64, usize)]) {
    let n = pairs.len();
    let mut scratch = pairs.to_vec();
    let mut from: &mut [(u64, usize)] = pairs;
    let mut to: &mut [(u64, usize)] = &mut scratch;
    let mut in_scratch = false;
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                // Take from the left run while its head is not greater: ties cannot occur
                // (the pairs are distinct) but this keeps the merge stable all the same.
                if j >= end || (i < mid && from[i] <= from[j]) {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        in_scratch = !in_scratch;
        width *= 2;
    }
    if in_scratch {
        // `from` is the scratch copy holding the sorted pairs; `to` is `pairs`.
        to.copy_from_slice(from);
    }
}

#[cfg(test)]
mod tests {
    /// The .wasm's walk ([`super::Cycles`]) leaves what the native loop leaves (the one
    /// `sort_by_key` had in the .wasm too before), on random keys with many ties and few, of
    /// every length to 300.
    #[test]
    fn cycles_sort_as_the_old_loop_did() {
        let mut next = crate::test_rng::xorshift(0x5027_c0de_0015_0005);
        for len in 0..300 {
            for spread in [3, 1000, u64::MAX] {
                let v: Vec<(u64, usize)> = (0..len).map(|i| (next() % spread, i)).collect();
                let order: Vec<(u64, usize)> = v.iter().map(|x| x.0).zip(0..).collect();
                let mut ours = v.clone();
                super::swap_by_cycles(&mut ours, order.clone());
                let mut old = v;
                super::sort_by_key(&mut old, |x| x.0);
                assert_eq!(ours, old, "length {len}, keys below {spread}");
            }
        }
    }
    #[test]
    fn sorts_stably_as_sort_by_key_does() {
        // Pseudo-random keys with many ties, against the standard library's stable sort.
        let mut seed = 7u64;
        for len in 0..200 {
            let v: Vec<(u64, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 59) % 5, i)
                })
                .collect();
            let mut ours = v.clone();
            super::sort_by_key(&mut ours, |x| x.0);
            let mut std = v.clone();
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "length {len}: same order as the stable sort");
        }
    }

    #[test]
    fn the_wasm_merge_sort_sorts_as_sort_unstable_does() {
        let mut seed = 11u64;
        for len in 0..300 {
            let v: Vec<(u64, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 61) % 7, i)
                })
                .rev()
                .collect();
            let mut ours = v.clone();
            super::merge_sort(&mut ours);
            let mut std = v;
            std.sort_unstable();
            assert_eq!(
                ours, std,
                "length {len}: ascending, as sort_unstable leaves it"
            );
        }
    }

    #[test]
    fn sorts_large_keys_and_reverse_keys() {
        let mut v = vec![3u64, u64::MAX, 0, 7, 7, 1];
        super::sort_by_key(&mut v, |&x| u64::MAX - x);
        assert_eq!(
            v,
            [u64::MAX, 7, 7, 3, 1, 0],
            "descending through a reversed key"
        );
    }
}
