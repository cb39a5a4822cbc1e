//! The bookkeeping of one quarter: terms are written as the model computes
//! them, and a stock's new value is always its old value plus its terms, so
//! the ledger sums to the change by construction. A quiet book (the lab's
//! and the plan search's) adds the same values in the same order but keeps
//! no terms, so its stocks are bit-identical to a recording book's.

use super::effect::ActiveEffect;
use super::event::{Shares, stock_effects};
use super::ledger::{Cause, Ledger, Term};
use super::stock::{Stock, Stocks};

/// Terms a recording book has room for before it grows.
const TERMS: usize = 128;

/// `RECORD` says whether terms are kept: a constant, so that the quiet
/// book's code has no ledger in it at all (no test, no label, no share).
pub(crate) struct Book<const RECORD: bool> {
    /// The stocks at the start of the quarter.
    pub old: Stocks,
    /// The stocks as settled so far this quarter.
    pub new: Stocks,
    pub ledger: Ledger,
    acc: [f64; 14],
    /// Bit `s` set: some effect in force targets stock `s` (found with the
    /// drivers; the effects do not change within a quarter).
    touched: u16,
}

impl<const RECORD: bool> Book<RECORD> {
    /// A book that keeps the terms when `RECORD` is set, else only sums.
    /// `touched` has bit `s` set when some effect in force targets stock
    /// `s` ([`super::event::Drivers::stocks_touched`]).
    pub(crate) fn with_ledger(old: &Stocks, touched: u16) -> Book<RECORD> {
        Book {
            old: old.clone(),
            new: old.clone(),
            ledger: Ledger {
                // Room for a busy quarter's terms: one allocation.
                terms: if RECORD {
                    Vec::with_capacity(TERMS)
                } else {
                    Vec::new()
                },
            },
            acc: [0.0; 14],
            touched,
        }
    }

    /// Records a term of the model.
    #[inline]
    pub(crate) fn term(&mut self, stock: Stock, name: &'static str, value: f64) {
        self.push(stock, Cause::Model(name), value);
    }

    /// Records a term with any cause.
    #[inline]
    pub(crate) fn push(&mut self, stock: Stock, cause: Cause, value: f64) {
        self.acc[stock.index()] += value;
        if RECORD {
            self.ledger.terms.push(Term {
                stock,
                cause,
                value,
            });
        }
    }

    /// Moves a stock by `value` without a ledger term: for a flow whose
    /// explanation is recorded as a whole by [`Book::explain`], so that the
    /// stock's sum is computed exactly as it always was.
    pub(crate) fn unexplained(&mut self, stock: Stock, value: f64) {
        self.acc[stock.index()] += value;
    }

    /// Records a ledger term without moving the stock: the explanation of
    /// flows already added by [`Book::unexplained`].
    pub(crate) fn explain(&mut self, stock: Stock, name: &'static str, value: f64) {
        if RECORD {
            self.ledger.terms.push(Term {
                stock,
                cause: Cause::Model(name),
                value,
            });
        }
    }

    /// Records a flow of the model that a driver scales, split into the
    /// model's own part (named `name`) and each effect's part. The stock
    /// moves by `total` exactly; the parts sum to it up to rounding.
    #[inline]
    pub(crate) fn split(
        &mut self,
        stock: Stock,
        name: &'static str,
        total: f64,
        shares: &Shares<'_>,
    ) {
        self.acc[stock.index()] += total;
        if !RECORD {
            return;
        }
        for (source, share) in shares.iter() {
            let cause = source.map_or(Cause::Model(name), |source| Cause::Via {
                flow: name,
                source,
            });
            if source.is_none() || share != 0.0 {
                self.ledger.terms.push(Term {
                    stock,
                    cause,
                    value: total * share,
                });
            }
        }
    }

    /// Records the terms of the effects in force on a stock, one term per
    /// source: an event that fired ten times with twenty effects on the
    /// stock is one term, so a quarter's ledger stays as small as the
    /// scenario's list of sources however many effects stack up. The
    /// stock still moves by each effect in turn, in the same order.
    #[inline]
    pub(crate) fn effects(&mut self, stock: Stock, effects: &[ActiveEffect]) {
        // Most stocks, most quarters, no effect touches: no call.
        if self.touched & (1 << stock.index()) != 0 {
            self.effects_on(stock, effects);
        }
    }

    #[inline(never)]
    fn effects_on(&mut self, stock: Stock, effects: &[ActiveEffect]) {
        let old = self.old.get(stock);
        let first = self.ledger.terms.len();
        for (source, value) in stock_effects(effects, stock, old) {
            self.acc[stock.index()] += value;
            if !RECORD {
                continue;
            }
            let cause = Cause::Effect(source);
            // Effects of one source usually stand together: try the last
            // term first.
            let terms = &mut self.ledger.terms[first..];
            let same = match terms.last_mut() {
                Some(t) if t.cause == cause => Some(t),
                _ => terms.iter_mut().find(|t| t.cause == cause),
            };
            match same {
                Some(t) => t.value += value,
                None => self.ledger.terms.push(Term {
                    stock,
                    cause,
                    value,
                }),
            }
        }
    }

    /// The stock's value after its terms so far, before settling.
    #[inline]
    pub(crate) fn pending(&self, stock: Stock) -> f64 {
        self.old.get(stock) + self.acc[stock.index()]
    }

    /// Fixes the stock's new value: old + terms, kept within its bounds by
    /// a "limit" term so that the ledger still sums to the change.
    #[inline]
    pub(crate) fn settle(&mut self, stock: Stock) -> f64 {
        let raw = self.pending(stock);
        let (lo, hi) = stock.bounds();
        let bounded = super::curve::clamp(raw, lo, hi);
        if bounded != raw {
            self.push(stock, Cause::Model("limit"), bounded - raw);
        }
        self.new.set(stock, bounded);
        bounded
    }
}
