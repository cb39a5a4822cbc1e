//! Any bytes as a save: decoded (migrating old formats) and, when decoded,
//! replayed on the shipped scenarios, without a panic or a hang. A save
//! that verifies written again must verify again.
#![no_main]

use culturesim::save::{self, Save, Verifier};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = save::decode(data) else {
        return;
    };
    // Only shipped scenarios: a fuzzed `origin` must not read the disk.
    if !decoded.save.scenario.origin.starts_with("builtin:") {
        return;
    }
    let mut verifier = Verifier::new();
    let Ok(loaded) = verifier.replay(Path::new("fuzz.toml"), decoded) else {
        return;
    };
    let again = Save::from_game(&loaded.scenario, &loaded.save.player, &loaded.game);
    let text = again.to_toml().expect("a verified save can be written");
    let decoded = save::decode(text.as_bytes()).expect("a written save decodes");
    assert!(verifier.replay(Path::new("fuzz.toml"), decoded).is_ok());
});
