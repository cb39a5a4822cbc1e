//! The words of the checker's messages: what a key expects, what was
//! found instead, and how to write it — kept apart from the walk so the
//! messages read as one voice.

use super::spec::{Kind, NumberKeys};
use toml::de::DeValue;

pub(crate) fn number_noun(keys: NumberKeys) -> &'static str {
    match keys {
        NumberKeys::Start => "stock",
        NumberKeys::Model => "model parameter",
        NumberKeys::Kpi => "KPI",
        NumberKeys::Segment => "segment",
    }
}

/// The literal as written and its value, if it is a finite number.
pub(crate) fn number(v: &DeValue<'_>) -> (String, Option<f64>) {
    let (shown, parsed) = match v {
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            let n = i64::from_str_radix(&digits, i.radix())
                .ok()
                .map(|n| n as f64);
            (i.to_string(), n)
        }
        DeValue::Float(f) => (
            f.as_str().to_string(),
            f.as_str().replace('_', "").parse::<f64>().ok(),
        ),
        _ => (String::new(), None),
    };
    (shorten_number(&shown), parsed.filter(|x| x.is_finite()))
}

/// A number as the author wrote it, cut when it is absurdly long (a
/// 309-digit literal is named by its length, not echoed whole).
pub(crate) fn shorten_number(s: &str) -> String {
    crate::diag::shorten(s, 24)
}

pub(crate) fn range_message(shown: &str, x: f64, min: f64) -> String {
    if x < min {
        format!("{shown} is too small")
    } else {
        format!("{shown} is too large")
    }
}

/// What a kind of key expects, for "expected …, found …".
pub(crate) fn want(kind: Kind) -> &'static str {
    match kind {
        Kind::Line { .. } | Kind::Text { .. } => "text in quotes",
        Kind::Id => "an id in quotes",
        Kind::Word(_) => "a name in quotes",
        Kind::Integer { .. } => "a whole number",
        Kind::Number { .. } => "a number",
        Kind::NumberOr { .. } => "a number or a word in quotes",
        Kind::Bool => "true or false",
        Kind::Table(_) => "a table",
        Kind::Numbers(_) => "a table of numbers",
        Kind::Tables { .. } => "a list of tables",
    }
}

/// What the author wrote instead.
pub(crate) fn found(v: &DeValue<'_>) -> String {
    match v {
        DeValue::String(s) => {
            let short: String = s.chars().take(30).collect();
            let more = if short.len() < s.len() { "…" } else { "" };
            format!("text \"{}{more}\"", short.escape_debug())
        }
        DeValue::Integer(i) => format!("the whole number {}", shorten_number(&i.to_string())),
        DeValue::Float(f) => format!("the number {}", shorten_number(f.as_str())),
        DeValue::Boolean(b) => format!("{b}"),
        DeValue::Datetime(_) => "a date".into(),
        DeValue::Array(_) => "an array".into(),
        DeValue::Table(_) => "a table".into(),
    }
}

/// How to write a value of a kind.
pub(crate) fn hint(kind: Kind) -> String {
    match kind {
        Kind::Line { .. } | Kind::Text { .. } | Kind::Id | Kind::Word(_) => {
            "write it in double quotes, e.g. \"...\"".into()
        }
        Kind::Integer { min, max } => {
            format!("use a whole number from {min} to {max}, without quotes")
        }
        Kind::Number { min, max } => format!(
            "use a number from {} to {}, without quotes",
            fmt_num(min),
            fmt_num(max)
        ),
        Kind::NumberOr { min, max, word } => format!(
            "use \"{word}\" or a number from {} to {}",
            fmt_num(min),
            fmt_num(max)
        ),
        Kind::Bool => "write true or false, without quotes".into(),
        Kind::Table(_) | Kind::Numbers(_) => {
            "write it as a [section] with one key = value per line".into()
        }
        Kind::Tables { min, max, .. } => format!("give from {min} to {max} entries, each a table"),
    }
}

/// A placeholder and the range for "add key = …".
pub(crate) fn example(kind: Kind) -> String {
    match kind {
        Kind::Id => "\"my-id\"".into(),
        Kind::Line { .. } | Kind::Text { .. } | Kind::Word(_) => "\"…\"".into(),
        Kind::Integer { min, max } => format!("… (a whole number from {min} to {max})"),
        Kind::Number { min, max } => {
            format!("… (a number from {} to {})", fmt_num(min), fmt_num(max))
        }
        Kind::NumberOr { word, .. } => format!("\"{word}\" or a number"),
        Kind::Bool => "true or false".into(),
        Kind::Table(_) | Kind::Numbers(_) | Kind::Tables { .. } => "{ … }".into(),
    }
}

/// "Money for …" → "money for …", to continue a sentence.
pub(crate) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A number as people write it: no `.0`, no exponent for big whole numbers.
pub(crate) fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1.0e15 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}
