//! Any bytes as a plan: parsed, checked against the default scenario and,
//! when accepted, played to the end, without a panic.
#![no_main]

use culturesim::{plan, scenario};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(p) = plan::parse(text) else {
        return;
    };
    let Ok(s) = scenario::load(scenario::DEFAULT_ID) else {
        return;
    };
    if plan::check(&p, &s.rules, "fuzz").is_ok() {
        let _ = plan::play(s.rules.clone(), s.seed, &p, "fuzz");
    }
});
