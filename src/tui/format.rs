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
    let start = values.len().saturating_sub(width);
    let shown = values.get(start..).unwrap_or(&[]);
    let (lo, hi) = shown
        .iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
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
    }

    #[test]
    fn fit_marks_the_cut() {
        assert_eq!(fit("engagement", 4), "eng…");
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abc", 0), "");
    }
}
