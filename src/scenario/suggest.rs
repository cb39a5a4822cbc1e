//! "Did you mean …?": the closest valid word to a misspelt one, so that a
//! typo in a key or a target is fixed from the message alone.

/// The candidate closest to `word`, if it is close enough to be a typo.
pub fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let norm = normalize(word);
    let mut best: Option<(usize, &'a str)> = None;
    for &c in candidates {
        let d = distance(&norm, &normalize(c));
        let limit = (c.chars().count() + 2) / 4;
        if d <= limit.clamp(1, 3) && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// A help line: the suggestion if there is one, then every valid word.
pub fn help_with_choices(word: &str, candidates: &[&str], noun: &str) -> String {
    let list = candidates.join(", ");
    match did_you_mean(word, candidates) {
        Some(s) => format!("did you mean \"{s}\"? valid {noun} are: {list}"),
        None => format!("valid {noun} are: {list}"),
    }
}

/// Case and the `-`/`_` spelling do not count as typos.
fn normalize(s: &str) -> Vec<char> {
    s.chars()
        .map(|c| {
            if c == '-' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// Edit distance counting insertions, deletions, substitutions and
/// swaps of neighbours (the optimal-string-alignment distance).
fn distance(a: &[char], b: &[char]) -> usize {
    // Beyond this nothing is a typo; also bounds the work on hostile input.
    if a.len().abs_diff(b.len()) > 3 || a.len() > 64 {
        return usize::MAX;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (i, row) in d.chunks_mut(w).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: &[&str] = &["id", "title", "text", "quarter", "chance", "effects"];

    #[test]
    fn typos_find_the_intended_key() {
        assert_eq!(did_you_mean("titel", KEYS), Some("title"));
        assert_eq!(did_you_mean("efects", KEYS), Some("effects"));
        assert_eq!(did_you_mean("quater", KEYS), Some("quarter"));
        assert_eq!(did_you_mean("Chance", KEYS), Some("chance"));
        assert_eq!(
            did_you_mean("moral", &["culture", "morale"]),
            Some("morale")
        );
        assert_eq!(
            did_you_mean("market-growth", &["market_growth"]),
            Some("market_growth")
        );
    }

    #[test]
    fn unrelated_words_get_no_suggestion() {
        assert_eq!(did_you_mean("banana", KEYS), None);
        assert_eq!(did_you_mean("x", KEYS), None);
        assert_eq!(did_you_mean(&"a".repeat(500), KEYS), None);
        assert_eq!(did_you_mean("", KEYS), None);
    }

    #[test]
    fn the_closest_wins() {
        assert_eq!(did_you_mean("tex", KEYS), Some("text"));
        assert_eq!(distance(&normalize("ab"), &normalize("ba")), 1);
        assert_eq!(distance(&normalize("kitten"), &normalize("sitting")), 3);
    }

    #[test]
    fn help_lists_the_choices() {
        assert_eq!(
            help_with_choices("tilte", &["id", "title"], "keys here"),
            "did you mean \"title\"? valid keys here are: id, title"
        );
        assert_eq!(
            help_with_choices("zzz", &["id", "title"], "keys here"),
            "valid keys here are: id, title"
        );
    }
}
