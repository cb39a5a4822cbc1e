//! The few curves the model is built from: saturation, clamping and a soft
//! limiter. Only `+ − × ÷` and comparisons are used, so every platform
//! computes the same bits (DESIGN.md §3, determinism).

/// Diminishing returns: `x / (x + h)`, 0 when `x ≤ 0` (or `h` is not positive).
pub fn sat(x: f64, h: f64) -> f64 {
    if x <= 0.0 || h <= 0.0 {
        return if x > 0.0 { 1.0 } else { 0.0 };
    }
    x / (x + h)
}

/// Clamps `x` into `[lo, hi]` with explicit comparisons; NaN becomes `lo`.
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x >= lo {
        if x <= hi { x } else { hi }
    } else {
        lo
    }
}

/// A rational sigmoid in (−1, 1): `x / (1 + |x|)`, used where a response
/// must saturate in both directions without `tanh`.
pub fn soft(x: f64) -> f64 {
    let a = if x < 0.0 { -x } else { x };
    x / (1.0 + a)
}

/// `max(x, 0)`.
pub fn pos(x: f64) -> f64 {
    if x > 0.0 { x } else { 0.0 }
}

/// `|x|` without relying on intrinsics.
pub fn abs(x: f64) -> f64 {
    if x < 0.0 { -x } else { x }
}

/// The larger of two numbers.
pub fn max(a: f64, b: f64) -> f64 {
    if a >= b { a } else { b }
}

/// The smaller of two numbers.
pub fn min(a: f64, b: f64) -> f64 {
    if a <= b { a } else { b }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sat_has_diminishing_returns() {
        assert_eq!(sat(0.0, 30.0), 0.0);
        assert_eq!(sat(-5.0, 30.0), 0.0);
        assert!((sat(30.0, 30.0) - 0.5).abs() < 1e-12);
        assert!(sat(60.0, 30.0) - sat(30.0, 30.0) < sat(30.0, 30.0));
    }

    #[test]
    fn clamp_handles_nan_and_bounds() {
        assert_eq!(clamp(f64::NAN, 0.0, 100.0), 0.0);
        assert_eq!(clamp(120.0, 0.0, 100.0), 100.0);
        assert_eq!(clamp(-3.0, 0.0, 100.0), 0.0);
        assert_eq!(clamp(42.0, 0.0, 100.0), 42.0);
    }

    #[test]
    fn soft_is_bounded_and_odd() {
        assert!(soft(1e9) < 1.0);
        assert_eq!(soft(-2.0), -soft(2.0));
        assert_eq!(soft(0.0), 0.0);
    }
}
