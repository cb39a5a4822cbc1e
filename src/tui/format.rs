//! Numbers as players read them: thousands separators, a real minus sign,
//! signed changes, and one-line sparklines.

/// The minus sign used on screen (U+2212, one column wide).
pub const MINUS: char = '−';

/// A whole number with thousands separators: `-1234.6` → `−1,235`.
pub fn whole(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let r = v.round();
    let negative = r < 0.0;
    let digits = format!("{:.0}", r.abs());
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if negative && out != "0" {
        out.insert(0, MINUS);
    }
    out
}

/// A number with one decimal: `27.345` → `27.3`, `-0.04` → `0.0`.
pub fn one(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let s = format!("{:.1}", v.abs());
    if v < 0.0 && s != "0.0" {
        format!("{MINUS}{s}")
    } else {
        s
    }
}

/// A change with its sign; `decimals` 0 or 1: `+1.2`, `−340`, `0.0`.
pub fn signed(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let body = if decimals == 0 {
        whole(v.abs())
    } else {
        one(v.abs())
    };
    let zero = body.chars().all(|c| c == '0' || c == '.' || c == ',');
    if zero {
        body
    } else if v < 0.0 {
        format!("{MINUS}{body}")
    } else {
        format!("+{body}")
    }
}

/// A share as a percentage: `0.052` → `5.2%`.
pub fn percent(v: f64) -> String {
    format!("{}%", one(100.0 * v))
}

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The last `width` values as a sparkline scaled between their minimum and
/// maximum; a flat series sits in the middle.
pub fn sparkline(values: &[f64], width: usize) -> String {
    sparkline_over(values, width, 0.0)
}

/// A sparkline whose scale spans at least `span` (centred on the values):
/// a wobble smaller than what matters for the figure stays a wobble
/// instead of filling the cell from bottom to top.
pub fn sparkline_over(values: &[f64], width: usize, span: f64) -> String {
    let start = values.len().saturating_sub(width);
    let shown = values.get(start..).unwrap_or(&[]);
    let (lo, hi) = shown
        .iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    let widen = (span - (hi - lo)).max(0.0) / 2.0;
    let (lo, hi) = (lo - widen, hi + widen);
    shown
        .iter()
        .map(|v| {
            if !v.is_finite() {
                ' '
            } else if hi - lo < 1e-9 {
                BARS[3]
            } else {
                let k = ((v - lo) / (hi - lo) * 7.0).round();
                BARS[(k.clamp(0.0, 7.0)) as usize]
            }
        })
        .collect()
}

/// `v` rounded to `decimals` (0 or 1), as [`whole`] and [`one`] show it.
pub fn rounded(v: f64, decimals: usize) -> f64 {
    let scale = if decimals == 0 { 1.0 } else { 10.0 };
    (v * scale).round() / scale
}

/// The change a player reads between two shown values: the difference of
/// the values as rounded on screen, so that `before → after  change`
/// always agree.
pub fn shown_change(before: f64, after: f64, decimals: usize) -> f64 {
    rounded(after, decimals) - rounded(before, decimals)
}

/// Rounds `parts` to `decimals` so that the rounded parts add up to
/// `total` (itself at that precision) exactly: largest remainder, the
/// leftover units going to the parts that rounding cut the most. A column
/// of causes then sums to the change shown under it.
pub fn round_parts(parts: &[f64], total: f64, decimals: usize) -> Vec<f64> {
    let scale = if decimals == 0 { 1.0 } else { 10.0 };
    let units: Vec<f64> = parts.iter().map(|p| (p * scale).floor()).collect();
    let target = (total * scale).round();
    let mut out = units.clone();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    // Largest remainder first; ties to the larger part.
    order.sort_by(|&a, &b| {
        let ra = parts[a] * scale - units[a];
        let rb = parts[b] * scale - units[b];
        rb.total_cmp(&ra)
            .then(parts[b].abs().total_cmp(&parts[a].abs()))
    });
    let mut left = target - units.iter().sum::<f64>();
    if !left.is_finite() || order.is_empty() {
        return parts.iter().map(|p| rounded(*p, decimals)).collect();
    }
    let n = order.len();
    let mut k = 0;
    while left >= 0.5 {
        out[order[k % n]] += 1.0;
        left -= 1.0;
        k += 1;
    }
    let mut k = 0;
    while left <= -0.5 {
        out[order[n - 1 - (k % n)]] -= 1.0;
        left += 1.0;
        k += 1;
    }
    out.into_iter().map(|u| u / scale).collect()
}

/// Cuts a string to at most `width` characters, marking the cut with `…`.
pub fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out: String = s.chars().take(width - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_have_separators_and_a_real_minus() {
        assert_eq!(whole(0.0), "0");
        assert_eq!(whole(-0.3), "0");
        assert_eq!(whole(999.0), "999");
        assert_eq!(whole(1234.6), "1,235");
        assert_eq!(whole(-1_234_567.0), "−1,234,567");
        assert_eq!(whole(f64::NAN), "—");
    }

    #[test]
    fn changes_carry_a_sign_except_zero() {
        assert_eq!(signed(1.24, 1), "+1.2");
        assert_eq!(signed(-0.04, 1), "0.0");
        assert_eq!(signed(-340.0, 0), "−340");
        assert_eq!(signed(0.0, 0), "0");
        assert_eq!(percent(0.052), "5.2%");
    }

    #[test]
    fn sparklines_scale_and_tolerate_odd_input() {
        assert_eq!(sparkline(&[0.0, 1.0], 8), "▁█");
        assert_eq!(sparkline(&[5.0, 5.0, 5.0], 2), "▄▄");
        assert_eq!(sparkline(&[], 4), "");
        assert_eq!(sparkline(&[1.0, f64::NAN], 4).chars().count(), 2);
        assert_eq!(sparkline(&[1.0, 2.0, 3.0], 0), "");
        // A wobble of 2 on a scale of 20 stays in the middle rows.
        assert_eq!(sparkline_over(&[50.0, 52.0, 50.0], 8, 20.0), "▄▅▄");
    }

    #[test]
    fn rounded_parts_add_up_to_the_rounded_total() {
        // Each part alone rounds to 0.0, the column to +0.1.
        let parts = [0.04, 0.04, 0.04];
        let r = round_parts(&parts, 0.12, 1);
        assert!((r.iter().sum::<f64>() - 0.1).abs() < 1e-9, "{r:?}");
        let parts = [2.46, -1.14, 0.33, -0.04];
        let total: f64 = parts.iter().sum();
        let r = round_parts(&parts, total, 1);
        assert!((r.iter().sum::<f64>() - rounded(total, 1)).abs() < 1e-9);
        assert!(r.iter().zip(parts).all(|(a, b)| (a - b).abs() < 0.1 + 1e-9));
        // A shown total that differs from the exact sum (the difference of
        // rounded values) is still met.
        let r = round_parts(&[10.4, 10.4], 21.0, 0);
        assert_eq!(r.iter().sum::<f64>(), 21.0);
        assert!(round_parts(&[], 0.0, 1).is_empty());
        assert!((shown_change(25.34, 25.36, 1) - 0.1).abs() < 1e-9);
    }

    #[test]
    fn fit_marks_the_cut() {
        assert_eq!(fit("engagement", 4), "eng…");
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abc", 0), "");
    }
}
