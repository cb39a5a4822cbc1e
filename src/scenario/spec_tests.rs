//! Unit tests of the key table: every key documented and unique, every
//! key findable, every stock, parameter and KPI listed.

use super::*;

/// Every table of the format, with its section name.
fn tables() -> Vec<(String, &'static [KeySpec])> {
    let mut out = vec![(String::new(), SCENARIO)];
    let mut i = 0;
    while let Some((section, specs)) = out.get(i).cloned() {
        for s in specs {
            if let Kind::Table(of) | Kind::Tables { of, .. } = s.kind {
                out.push((format!("{section}.{}", s.key), of));
            }
        }
        i += 1;
    }
    out
}

#[test]
fn every_table_has_unique_documented_keys() {
    for (section, specs) in tables() {
        for (i, s) in specs.iter().enumerate() {
            assert!(!s.doc.is_empty(), "{section}.{}", s.key);
            assert!(
                specs[..i].iter().all(|o| o.key != s.key),
                "{section}.{}",
                s.key
            );
            if let Presence::Default(d) = s.presence {
                assert!(
                    !d.is_empty(),
                    "{section}.{}: say what is used instead",
                    s.key
                );
            }
            if let Kind::Number { min, max } = s.kind {
                assert!(min.is_finite() && max.is_finite() && min < max);
            }
        }
    }
}

#[test]
fn keys_have_a_home() {
    let home = |k: &str| homes_of(k).first().map(|(s, list)| format!("{s} {list}"));
    assert_eq!(home("quarters").as_deref(), Some(" false"));
    assert_eq!(home("story").as_deref(), Some("briefing false"));
    assert_eq!(home("label").as_deref(), Some("dilemma.choice true"));
    assert_eq!(home("target").as_deref(), Some("event.effects true"));
    assert_eq!(home("banana"), None);
    assert_eq!(homes_of("cost").len(), 2);
}

#[test]
fn number_tables_list_every_stock_parameter_and_kpi() {
    assert_eq!(NumberKeys::Start.entries().len(), Stock::ALL.len());
    assert_eq!(NumberKeys::Model.entries().len(), ModelParams::SPECS.len());
    assert_eq!(NumberKeys::Kpi.entries().len(), Kpi::ALL.len());
    assert_eq!(NumberKeys::Segment.entries().len(), 4);
}
