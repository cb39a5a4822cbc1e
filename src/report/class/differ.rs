//! The class's distribution of scores, and why results differed: the top
//! quarter of the ranked class against the bottom quarter — money per
//! lever per year, initiatives, dilemma answers with their average
//! outcomes, and the ledger causes whose sums differed most.

use super::digest::Digest;
use crate::analysis::{CauseDifference, CauseSums, differing_cause_sums};
use std::collections::BTreeMap;

/// Scores of the genuine saves.
#[derive(Clone, Debug, PartialEq)]
pub struct Distribution {
    pub count: usize,
    pub mean: f64,
    /// Minimum, lower quartile, median, upper quartile, maximum.
    pub five: [f64; 5],
    /// Ten equal-width bins from the minimum to the maximum: their lower
    /// edges and counts.
    pub bins: Vec<(f64, usize)>,
}

impl Distribution {
    /// "N `noun`: mean …, min …, lower quartile …, median …, upper
    /// quartile …, max …", the words every format of the report uses.
    pub fn summary(&self, noun: &str) -> String {
        let f = |x: f64| crate::report::fixed(x, 1);
        format!(
            "{} {noun}: mean {}, min {}, lower quartile {}, median {}, upper quartile {}, max {}",
            self.count,
            f(self.mean),
            f(self.five[0]),
            f(self.five[1]),
            f(self.five[2]),
            f(self.five[3]),
            f(self.five[4])
        )
    }
}

/// The value at quantile `p` of sorted values (linear interpolation).
fn quantile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let pos = p * (sorted.len() - 1) as f64;
    let (i, frac) = (pos.floor() as usize, pos - pos.floor());
    let a = sorted[i];
    let b = sorted.get(i + 1).copied().unwrap_or(a);
    a + (b - a) * frac
}

/// The distribution of the ranked saves' scores (`None` for no saves).
pub fn distribution(genuine: &[&Digest]) -> Option<Distribution> {
    let mut s: Vec<f64> = genuine.iter().map(|d| d.total()).collect();
    if s.is_empty() {
        return None;
    }
    s.sort_by(f64::total_cmp);
    let (lo, hi) = (s[0], s[s.len() - 1]);
    let width = ((hi - lo) / 10.0).max(1e-9);
    let mut bins: Vec<(f64, usize)> = (0..10).map(|i| (lo + width * i as f64, 0)).collect();
    for v in &s {
        let i = (((v - lo) / width) as usize).min(9);
        bins[i].1 += 1;
    }
    Some(Distribution {
        count: s.len(),
        mean: s.iter().sum::<f64>() / s.len() as f64,
        five: [0.0, 0.25, 0.5, 0.75, 1.0].map(|p| quantile(&s, p)),
        bins,
    })
}

/// One dilemma answer across the class.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerStat {
    /// "Dilemma: choice" (scenario text: escape to show).
    pub answer: String,
    pub top: usize,
    pub bottom: usize,
    /// Everyone ranked who gave it, and their mean final score.
    pub all: usize,
    pub mean_score: f64,
}

/// The top quarter of the class against the bottom quarter.
#[derive(Clone, Debug, PartialEq)]
pub struct Why {
    /// How many saves in each group.
    pub group: usize,
    pub mean_top: f64,
    pub mean_bottom: f64,
    /// Mean money on vision, insight, skills, marketing per year.
    pub levers_top: Vec<[f64; 4]>,
    pub levers_bottom: Vec<[f64; 4]>,
    /// Initiative title → mean starts per player, top and bottom.
    pub initiatives: Vec<(String, f64, f64)>,
    pub answers: Vec<AnswerStat>,
    /// The causes that differed most (A = top, B = bottom).
    pub causes: Vec<CauseDifference>,
}

/// The fewest ranked saves that make a top and a bottom quarter.
pub const MIN_FOR_WHY: usize = 4;
/// What the report says instead when the class is too small.
pub const TOO_FEW_FOR_WHY: &str = "Why results differed: it takes at least 4 ranked saves to compare the top quarter of the class with the bottom quarter.";
/// How many ledger causes the comparison lists.
const CAUSES: usize = 10;

fn mean_levers(group: &[&Digest]) -> Vec<[f64; 4]> {
    let years = group
        .iter()
        .map(|d| d.levers_by_year.len())
        .max()
        .unwrap_or(0);
    (0..years)
        .map(|y| {
            let mut m = [0.0; 4];
            for d in group {
                if let Some(v) = d.levers_by_year.get(y) {
                    for (slot, x) in m.iter_mut().zip(v) {
                        *slot += x;
                    }
                }
            }
            m.map(|x| x / group.len().max(1) as f64)
        })
        .collect()
}

/// Why the top quarter of `ranked` (best first) beat the bottom quarter;
/// `None` with fewer than [`MIN_FOR_WHY`] saves.
pub fn why_differed(ranked: &[&Digest]) -> Option<Why> {
    if ranked.len() < MIN_FOR_WHY {
        return None;
    }
    let n = ranked.len().div_ceil(4);
    let top = &ranked[..n];
    let bottom = &ranked[ranked.len() - n..];
    let mean = |g: &[&Digest]| g.iter().map(|d| d.total()).sum::<f64>() / g.len() as f64;
    let mut inits: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for d in top {
        for i in &d.initiatives {
            inits.entry(i.clone()).or_default().0 += 1.0 / n as f64;
        }
    }
    for d in bottom {
        for i in &d.initiatives {
            inits.entry(i.clone()).or_default().1 += 1.0 / n as f64;
        }
    }
    let mut answers: BTreeMap<String, AnswerStat> = BTreeMap::new();
    for (rank, d) in ranked.iter().enumerate() {
        for a in &d.answers {
            let s = answers.entry(a.clone()).or_insert_with(|| AnswerStat {
                answer: a.clone(),
                top: 0,
                bottom: 0,
                all: 0,
                mean_score: 0.0,
            });
            s.all += 1;
            s.mean_score += d.total();
            s.top += usize::from(rank < n);
            s.bottom += usize::from(rank >= ranked.len() - n);
        }
    }
    let answers = answers
        .into_values()
        .map(|mut s| {
            s.mean_score /= s.all.max(1) as f64;
            s
        })
        .collect();
    fn sums<'a>(g: &[&'a Digest]) -> Vec<&'a CauseSums> {
        g.iter().map(|d| &d.causes).collect()
    }
    Some(Why {
        group: n,
        mean_top: mean(top),
        mean_bottom: mean(bottom),
        levers_top: mean_levers(top),
        levers_bottom: mean_levers(bottom),
        initiatives: inits.into_iter().map(|(k, (a, b))| (k, a, b)).collect(),
        answers,
        causes: differing_cause_sums(&sums(top), &sums(bottom), CAUSES),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate() {
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.5), 3.0);
        assert_eq!(quantile(&[1.0, 2.0], 0.5), 1.5);
        assert_eq!(quantile(&[7.0], 0.25), 7.0);
    }
}
