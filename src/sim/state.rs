//! `State`: everything that carries from one quarter to the next, the
//! random generators included, so a game is a pure function of its rules,
//! seed and decisions.

use super::effect::ActiveEffect;
use super::rules::Rules;
use super::stock::{Stock, Stocks};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

/// How the game stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// More quarters to play.
    Playing,
    /// The scenario's last quarter has been played.
    Finished,
    /// The board lost all confidence and replaced the player.
    BoardOut,
    /// Cash fell below the credit line.
    Bankrupt,
}

impl Outcome {
    /// Whether the game ended before its last quarter.
    pub fn is_game_over(self) -> bool {
        matches!(self, Outcome::BoardOut | Outcome::Bankrupt)
    }

    /// A sentence for people.
    pub fn describe(self) -> &'static str {
        match self {
            Outcome::Playing => "in progress",
            Outcome::Finished => "completed every quarter",
            Outcome::BoardOut => "game over: the board lost confidence and replaced you",
            Outcome::Bankrupt => "game over: cash fell below the credit line",
        }
    }
}

/// The stream of the game's dice (see [`Dice`]).
const DICE_STREAM: u64 = 1;

/// The state of a game between quarters.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The seed the game started from.
    pub seed: u64,
    /// Quarters played so far.
    pub quarter: u32,
    pub stocks: Stocks,
    /// Profit of every quarter played, preceded by four quarters of the
    /// organization's history (its profit with no change programme).
    pub profits: Vec<f64>,
    /// Last quarter's profit before its one-off items (dilemma answers and
    /// the cash effects of events and initiatives): the bar a board that
    /// expects "previous" starts from, so that a big one-off cost does not
    /// make the next quarter an easy beat.
    pub operating_profit: f64,
    /// New-product revenue on its way: index 0 arrives next quarter.
    pub pipeline: Vec<f64>,
    /// Effects in force.
    pub effects: Vec<ActiveEffect>,
    /// Quarters before each initiative may start again (0 = ready).
    pub cooldowns: Vec<u32>,
    /// How often each event has happened.
    pub event_counts: Vec<u32>,
    /// How often each dilemma has been asked.
    pub dilemma_counts: Vec<u32>,
    /// Dilemmas waiting for an answer this quarter, by index.
    pub pending: Vec<u16>,
    pub cumulative_profit: f64,
    /// Last quarter's payout to the owners: what the board now expects
    /// again.
    pub last_payout: f64,
    /// Every payout so far.
    pub paid_out: f64,
    /// What the payouts are worth to the owners now: each grew by the
    /// discount rate every quarter since it was paid.
    pub returned: f64,
    pub outcome: Outcome,
    pub(crate) rng: ChaCha8Rng,
}

impl State {
    /// The state at the start of a game.
    pub fn new(rules: &Rules, seed: u64) -> State {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(DICE_STREAM);
        let baseline = super::money::baseline_profit(rules);
        // Room for every quarter's profit: no allocation while playing.
        let mut profits = Vec::with_capacity(4 + rules.quarters.min(1000) as usize);
        profits.extend([baseline; 4]);
        let mut state = State {
            seed,
            quarter: 0,
            stocks: rules.start.clone(),
            profits,
            operating_profit: baseline,
            pipeline: vec![0.0; delay_slots(rules)],
            // Room for the effects a game usually has in force at once.
            effects: Vec::with_capacity(16),
            cooldowns: vec![0; rules.initiatives.len()],
            event_counts: vec![0; rules.events.len()],
            dilemma_counts: vec![0; rules.dilemmas.len()],
            pending: Vec::new(),
            cumulative_profit: 0.0,
            last_payout: 0.0,
            paid_out: 0.0,
            returned: 0.0,
            outcome: Outcome::Playing,
            rng,
        };
        // Quarter 0's dice open the first quarter's dilemmas.
        let dice = state.dice(rules, 0);
        super::event::open_dilemmas(rules, &mut state, 1, &dice);
        state
    }

    /// Whether no more quarters can be played.
    pub fn is_over(&self, _rules: &Rules) -> bool {
        self.outcome != Outcome::Playing
    }

    /// What the owners earned on the cash paid out to them: the payouts'
    /// value now less the payouts themselves.
    pub fn owner_return(&self) -> f64 {
        self.returned - self.paid_out
    }

    /// The profit of the last quarter played (or of the history before).
    pub fn last_profit(&self) -> f64 {
        self.profits.last().copied().unwrap_or(0.0)
    }

    /// A 64-bit checksum of everything that shapes the future: stocks,
    /// history, effects, counters and the generators' positions. Saves keep
    /// it per quarter so that replay can prove a log was not edited.
    pub fn checksum(&self) -> u64 {
        let mut h = Fnv::new();
        h.u64(self.seed);
        h.u64(u64::from(self.quarter));
        for v in &self.stocks.0 {
            // Generators need no hashing: every draw's position is fixed by
            // the seed, the quarter and the slot.
            h.f64(*v);
        }
        h.f64(self.operating_profit);
        for v in self.profits.iter().chain(&self.pipeline) {
            h.f64(*v);
        }
        for e in &self.effects {
            h.f64(e.value);
            h.u64(u64::from(e.wait));
            h.u64(u64::from(e.remaining));
        }
        for v in self
            .cooldowns
            .iter()
            .chain(&self.event_counts)
            .chain(&self.dilemma_counts)
        {
            h.u64(u64::from(*v));
        }
        for p in &self.pending {
            h.u64(u64::from(*p));
        }
        h.f64(self.cumulative_profit);
        // Payouts came after saves did: a game that never paid out hashes
        // as it always has, so every earlier save still verifies.
        if self.paid_out != 0.0 || self.last_payout != 0.0 || self.returned != 0.0 {
            h.f64(self.last_payout);
            h.f64(self.paid_out);
            h.f64(self.returned);
        }
        h.u64(self.outcome as u64);
        h.finish()
    }

    /// The dice of quarter `q`, drawn with one seek: its measurement
    /// noise, its events' dice and the dice of the dilemmas that may open
    /// for quarter `q + 1`.
    pub(crate) fn dice(&mut self, rules: &Rules, q: u32) -> Dice {
        let items = rules.events.len().max(rules.dilemmas.len());
        let len = (NOISE_WORDS + 2 * items).min(DICE);
        let mut bytes = [0u8; 8 * DICE];
        seek(&mut self.rng, q, 0);
        // The same words as `len` calls of `next_u64` (each the next two
        // 32-bit words, low first, as little-endian bytes), copied out of
        // the generator's buffer in one go.
        self.rng.fill_bytes(&mut bytes[..8 * len]);
        Dice { q, bytes, len }
    }

    /// The value of one stock.
    pub fn get(&self, stock: Stock) -> f64 {
        self.stocks.get(stock)
    }
}

/// Revenue created in quarter q arrives in quarter q + slots: the delay
/// rounded up, and at least the next quarter.
fn delay_slots(rules: &Rules) -> usize {
    let d = rules.params.new_product_delay;
    let mut slots = 1;
    while (slots as f64) < d && slots < 16 {
        slots += 1;
    }
    slots
}

/// Slots (u64 words) per quarter in the stream: more than any scenario
/// may use.
const SLOTS: u128 = 1 << 17;

/// Words of measurement noise a quarter (two 32-bit uniforms each).
const NOISE_WORDS: usize = 10;

/// Words a quarter's dice keep on the stack: one refill of the generator's
/// buffer (four ChaCha blocks) serves a scenario of up to 11 events and
/// 11 dilemmas; beyond the buffer, dice are drawn one by one.
const DICE: usize = 32;

/// One quarter's dice. Each quarter has its own place in the stream and
/// every die its own slot: noise in slots 0–9, event `i` in slot
/// `10 + 2i`, dilemma `j` in slot `11 + 2j`. So the dice of one event or
/// dilemma never depend on how many others a scenario has or which of them
/// happened, and one seek draws them all.
pub(crate) struct Dice {
    q: u32,
    /// The first `len` words, as the generator's little-endian bytes.
    bytes: [u8; 8 * DICE],
    len: usize,
}

impl Dice {
    /// Word `slot` of the buffer (`slot < DICE`).
    #[inline]
    fn buffered(&self, slot: usize) -> u64 {
        let mut b = [0u8; 8];
        b.copy_from_slice(&self.bytes[8 * slot..8 * slot + 8]);
        u64::from_le_bytes(b)
    }

    #[inline]
    fn word(&self, state: &mut State, slot: usize) -> u64 {
        if slot < self.len {
            self.buffered(slot)
        } else {
            seek(&mut state.rng, self.q, slot);
            state.rng.next_u64()
        }
    }

    /// The die of event `i`: a uniform in [0, 1).
    #[inline]
    pub(crate) fn event(&self, state: &mut State, i: usize) -> f64 {
        unit(self.word(state, NOISE_WORDS + 2 * i))
    }

    /// The die of dilemma `j`: a uniform in [0, 1).
    #[inline]
    pub(crate) fn dilemma(&self, state: &mut State, j: usize) -> f64 {
        unit(self.word(state, NOISE_WORDS + 2 * j + 1))
    }

    /// Twenty uniforms in [0, 1) for the measurement noise.
    pub(crate) fn noise(&self) -> [f64; 2 * NOISE_WORDS] {
        std::array::from_fn(|k| {
            let w = self.buffered(k / 2);
            let half = if k % 2 == 0 { w >> 32 } else { w & 0xffff_ffff };
            half as f64 * (1.0 / 4_294_967_296.0)
        })
    }
}

fn seek(rng: &mut ChaCha8Rng, q: u32, slot: usize) {
    // One u64 is two 32-bit words of the ChaCha stream.
    rng.set_word_pos((u128::from(q) * SLOTS + slot as u128) * 2);
}

/// A uniform number in [0, 1) from raw bits, so that it cannot change with
/// the `rand` crate's conventions.
fn unit(bits: u64) -> f64 {
    (bits >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// FNV-1a over 64-bit words (not bytes, for speed): tiny, and stable
/// across platforms and Rust versions.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn u64(&mut self, v: u64) {
        self.0 ^= v;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        self.0 ^= self.0 >> 29;
    }
    fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_draws_lie_in_the_unit_interval() {
        assert_eq!(unit(0), 0.0);
        assert!(unit(u64::MAX) < 1.0);
    }

    #[test]
    fn dice_beyond_the_buffer_are_the_same_dice() {
        // Dice past the stack buffer are drawn one by one from the same
        // slots: a scenario with many events gets the dice a small one would.
        let few = Rules::default();
        let mut many = Rules::default();
        let event = crate::sim::EventDef {
            id: String::new(),
            title: String::new(),
            text: String::new(),
            trigger: crate::sim::Trigger::default(),
            // Room for the effects a game usually has in force at once.
            effects: Vec::with_capacity(16),
        };
        many.events = vec![event; 100];
        let mut a = State::new(&few, 9);
        let mut b = State::new(&many, 9);
        let (da, db) = (a.dice(&few, 3), b.dice(&many, 3));
        assert_eq!(da.noise(), db.noise());
        let direct = |s: &mut State, slot| {
            seek(&mut s.rng, 3, slot);
            unit(s.rng.next_u64())
        };
        for i in [0, 5, 10, 11, 12, 60, 99] {
            assert_eq!(db.event(&mut b, i), direct(&mut a, NOISE_WORDS + 2 * i));
            assert_eq!(
                db.dilemma(&mut b, i),
                direct(&mut a, NOISE_WORDS + 2 * i + 1)
            );
        }
        assert_eq!(da.event(&mut a, 2), db.event(&mut b, 2));
    }

    #[test]
    fn same_seed_same_checksum_other_seed_other_checksum() {
        let rules = Rules::default();
        assert_eq!(
            State::new(&rules, 7).checksum(),
            State::new(&rules, 7).checksum()
        );
        assert_ne!(
            State::new(&rules, 7).checksum(),
            State::new(&rules, 8).checksum()
        );
    }
}
