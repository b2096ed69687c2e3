//! One stable sort by an integer key for the crate's few sorts, so the `.wasm` carries one
//! copy of the standard library's sort code instead of one per element type (each copy of
//! `sort_by_key` is ~5 KB there).

/// Sorts `v` by `key`, stably (equal keys keep their order), as `sort_by_key` does.
///
/// The keys are sorted with their indices as (key, index) pairs: the pairs are all distinct,
/// so an unstable sort puts them in the one order a stable sort by key gives; `v` is then
/// put in that order in place.
pub(crate) fn sort_by_key<T>(v: &mut [T], key: impl Fn(&T) -> u64) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<(u64, usize)> = v.iter().map(&key).zip(0..).collect();
    sort_pairs(&mut order);
    // `order[j].1` is the index of the element that goes to `j`: follow each cycle, swapping
    // each element into place; a done position is marked with usize::MAX.
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

/// The one sort: not generic, so compiled once.
#[inline(never)]
fn sort_pairs(pairs: &mut [(u64, usize)]) {
    pairs.sort_unstable();
}

#[cfg(test)]
mod tests {
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
