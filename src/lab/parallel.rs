//! A deterministic parallel map: items are split into contiguous chunks,
//! one per thread, and results come back in item order, so the output never
//! depends on the number of threads.

/// `f` applied to every item, on up to `threads` threads, results in order.
pub fn map<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads.clamp(1, 64).min(items.len().max(1));
    if threads == 1 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<_>>()))
            .collect();
        // A worker cannot panic (the model returns errors), but if one did,
        // its items are done again here rather than lost.
        handles
            .into_iter()
            .zip(items.chunks(chunk))
            .flat_map(|(h, part)| h.join().unwrap_or_else(|_| part.iter().map(f).collect()))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_back_in_order_on_any_number_of_threads() {
        let items: Vec<u64> = (0..101).collect();
        let one = super::map(&items, 1, |x| x * x);
        for t in [2, 3, 7] {
            assert_eq!(super::map(&items, t, |x| x * x), one);
        }
        assert!(super::map(&[] as &[u64], 4, |x| *x).is_empty());
    }
}
